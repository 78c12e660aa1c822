package org.mmsspec.server;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.rtsp.RtspRefusal;
import org.mmsspec.server.scenario.Mutation;

/**
 * First handler of an accepted TCP connection: holds the first bytes (bounded, with a timeout) until they show the
 * protocol, then applies that protocol's behaviour on this port. A port with one protocol that closes or resets
 * acts at once, without reading, as the behaviour says.
 */
final class ProtocolSniffer extends ChannelInboundHandlerAdapter {

    private final List<ListenerSpec> specs;
    private final ServerContext context;
    private final ServerOptions options;
    private final Connection connection;
    private final Guard guard;
    private ByteBuf held;
    private ScheduledFuture<?> timeout;
    private boolean accepted;
    private boolean done;

    ProtocolSniffer(List<ListenerSpec> specs, ServerContext context, ServerOptions options, Connection connection,
            Guard guard) {
        this.specs = specs;
        this.context = context;
        this.options = options;
        this.connection = connection;
        this.guard = guard;
    }

    private boolean shared() {
        return specs.size() > 1;
    }

    /** ACCEPTED once per connection: at once on a port of one protocol, else when the protocol is known. */
    private void accepted(Connection c) {
        if (!accepted) {
            accepted = true;
            c.record(What.ACCEPTED, shared() ? "port shared by " + specs.stream().map(ListenerSpec::protocol).toList()
                    : "");
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        held = ctx.alloc().buffer(256);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        release();
    }

    private void release() {
        if (timeout != null) {
            timeout.cancel(false);
        }
        if (held != null) {
            held.release();
            held = null;
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!shared()) {
            accepted(connection);
            ListenerSpec only = specs.get(0);
            if (only.behaviour() == Behaviour.ACCEPT_AND_CLOSE || only.behaviour() == Behaviour.RESET) {
                done = true;
                act(ctx, only, connection);
                return;
            }
        }
        timeout = ctx.executor().schedule(() -> timedOut(ctx), options.sniffTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void timedOut(ChannelHandlerContext ctx) {
        if (done || !ctx.channel().isActive()) {
            return;
        }
        done = true;
        accepted(connection);
        connection.record(What.PROTOCOL_ERROR, "no request within " + options.sniffTimeout() + " ("
                + held.readableBytes() + " bytes)");
        Behaviours.closeByServer(ctx.channel(), connection, "sniff timeout");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || !(msg instanceof ByteBuf in)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            held.writeBytes(in);
        } finally {
            in.release();
        }
        FirstBytes fb = FirstBytes.of(held);
        if (fb.needMore()) {
            // Bounded: at most the limit plus one read is ever held.
            if (held.readableBytes() >= options.sniffLimit()) {
                fail(ctx, "no protocol shown in the first " + held.readableBytes() + " bytes");
            }
        } else if (fb.protocol() == null) {
            fail(ctx, "unknown protocol: " + fb.requestLine());
        } else {
            identified(ctx, fb);
        }
    }

    private void fail(ChannelHandlerContext ctx, String why) {
        done = true;
        accepted(connection);
        connection.record(What.PROTOCOL_ERROR, why);
        if (context.scenario().mutation().has(Mutation.Quirk.DIE_ON_MALFORMED) && ctx.channel().parent() != null) {
            ctx.channel().parent().close();
        }
        Behaviours.reset(ctx.channel(), connection, "protocol error");
    }

    private void identified(ChannelHandlerContext ctx, FirstBytes fb) {
        done = true;
        Connection c = connection.as(fb.protocol());
        ListenerSpec spec = specs.stream().filter(s -> s.protocol() == fb.protocol()).findFirst().orElse(null);
        accepted(spec == null ? connection : c);
        if (spec == null) {
            c.record(What.PROTOCOL_ERROR, fb.protocol() + " is not served on port " + connection.localPort() + ": "
                    + FirstBytes.abbreviate(fb.requestLine()));
            Behaviours.reset(ctx.channel(), c, "protocol error");
            return;
        }
        guard.identified(c);
        if (spec.behaviour() == Behaviour.SERVE || spec.behaviour() == Behaviour.ERROR) {
            ChannelPipeline p = ctx.pipeline();
            try {
                if (spec.protocol() == Protocol.RTSP && spec.behaviour() == Behaviour.ERROR) {
                    p.addLast(RtspRefusal.NAME, new RtspRefusal(c, spec.errorCode(),
                            context.scenario().serverVersion(), options.sniffTimeout()));
                } else {
                    options.servers().getOrDefault(spec.protocol(), ProtocolServers.unavailable(spec.protocol()))
                            .install(p, context, c);
                }
                handOver(ctx);
            } catch (RuntimeException e) {
                c.record(What.PROTOCOL_ERROR, "server closed: " + spec.protocol() + " server failed to start: " + e);
                ctx.close();
            }
            return;
        }
        c.record(What.REQUEST, fb.requestLine());
        if (spec.behaviour() == Behaviour.SILENT) {
            ctx.pipeline().addLast("silence", new Silence(c, context.scenario().idleTimeout()));
            handOver(ctx);
        } else {
            act(ctx, spec, c);
        }
    }

    private static void act(ChannelHandlerContext ctx, ListenerSpec spec, Connection c) {
        if (spec.behaviour() == Behaviour.RESET) {
            Behaviours.reset(ctx.channel(), c, "behaviour RESET");
        } else {
            Behaviours.closeByServer(ctx.channel(), c, "behaviour ACCEPT_AND_CLOSE");
        }
    }

    /** Leaves the connection to the handlers just added, giving them the held bytes first. */
    private void handOver(ChannelHandlerContext ctx) {
        ByteBuf bytes = held;
        held = null;
        ChannelPipeline p = ctx.pipeline();
        p.remove(this);
        Guard.moveToEnd(p);
        p.fireChannelRead(bytes);
        p.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!done) {
            done = true;
            accepted(connection);
            connection.record(What.CLOSED_BY_CLIENT, "before a request (" + held.readableBytes() + " bytes)");
        }
    }
}
