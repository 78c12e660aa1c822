package org.mmsspec.server.mmsp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.MacToViewer;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.PlantedBug;

/**
 * One MMST connection: frames what the client sends, feeds the session, and carries out its actions in order through
 * one outbox. Data packets are pulled from the session only while the channel is writable, so a slow client holds the
 * server back instead of growing a queue. Every method runs on the channel's event loop.
 */
final class MmstConnection extends ChannelInboundHandlerAdapter {

    /**
     * Fault garbageAfter's bytes, fixed so that every client meets the same: no sessionId at offset 4, so no command
     * packet, and PacketSize 0 at offset 6, below a Data packet's own 8-byte header, so no Data packet either.
     */
    private static final byte[] GARBAGE = {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE,
        (byte) 0xEE, 0, 0, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE,
        (byte) 0xEE};
    private static final Duration PING_EARLY = Duration.ofMillis(500);

    private final MmstServer server;
    private final ServerContext context;
    private final Connection connection;
    private final Transcript transcript;
    private final MmsServerSession session;
    private final StreamFramer framer = new StreamFramer(Direction.C2S, DecodeOptions.STRICT);
    private final ClientInput input = new ClientInput();
    /** The seq the client's next command packet should carry (only DROP_UNEXPECTED_SEQ looks at it). */
    private int clientSeq;
    /** Units framed from the current TCP read (only FIRST_PACKET_PER_READ looks at it). */
    private int unitsThisRead;
    private final Faults faults;
    private final Mutation mutation;
    private final PlantedBugs planted;
    private final Deque<SessionAction> outbox = new ArrayDeque<>();
    private final Map<MmsServerSession.Timer, ScheduledFuture<?>> timers = new EnumMap<>(
            MmsServerSession.Timer.class);
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> wake;
    private ScheduledFuture<?> partial;
    private long headDue = Long.MIN_VALUE;
    private long runBase;
    private int seq;
    private boolean closing;
    private boolean registered;
    /** Packets written since the last flush. */
    private boolean unflushed;

    MmstConnection(MmstServer server, ServerContext context, Connection connection, PacketSource packets,
            java.util.random.RandomGenerator random, Transcript transcript) {
        this.server = server;
        this.context = context;
        this.connection = connection;
        this.transcript = transcript;
        this.faults = context.scenario().faults();
        this.mutation = context.scenario().mutation();
        this.planted = PlantedBugs.of(context.scenario().planted());
        this.session = new MmsServerSession(context.scenario(), packets, random);
    }

    MmsServerSession session() {
        return session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext c) {
        ctx = c;
        if (faults.oneByteSegments()) {
            MmstServer.noDelay(c.channel());
        }
        execute(session.start());
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            c.fireChannelRead(msg);
            return;
        }
        try {
            if (closing) {
                return;
            }
            byte[] b = ByteBufUtil.getBytes(buf);
            unitsThisRead = 0;
            framer.feed(b, 0, b.length, this::unit);
            boolean command = input.unfinishedIsCommand(b, framer.pendingBytes());
            if (closing) {
                return;
            }
            if (!command
                    && !mutation.has(Mutation.Quirk.WAIT_FOR_ANNOUNCED_BYTES)) {
                malformed("bytes at offset " + framer.offset() + " start no TcpMessageHeader");
            } else if (framer.pendingBytes() > 0 && mutation.has(Mutation.Quirk.WHOLE_PACKET_PER_READ)) {
                malformed("mutation: a packet split across TCP reads");
            }
        } catch (MalformedInputException e) {
            transcript.add(new Transcript.Entry(framer.offset(), List.of(), List.of(), e.getMessage()));
            if (!mutation.has(Mutation.Quirk.STALL_ON_UNFRAMEABLE)) {
                malformed("stream cannot be framed: " + e.getMessage());
            }
        } finally {
            buf.release();
        }
        watchPartial();
    }

    /** A unit begun but not finished within the KeepAlive interval is a stalled or lying client. */
    private void watchPartial() {
        if (framer.pendingBytes() == 0 || closing) {
            cancel(partial);
            partial = null;
        } else if (partial == null) {
            Duration d = context.scenario().pingInterval();
            partial = later(() -> {
                partial = null;
                execute(session.onProtocolError("a message stayed incomplete for " + d.toMillis() + " ms"));
            }, d.toNanos());
        }
    }

    private void unit(StreamFramer.Unit u) {
        transcript.add(u);
        stopTimer(MmsServerSession.Timer.KEEPALIVE);
        if (closing) {
            return;
        }
        if (unitsThisRead++ > 0 && mutation.has(Mutation.Quirk.FIRST_PACKET_PER_READ)) {
            return;
        }
        if (u instanceof StreamFramer.Command c) {
            PlantedBug bug = planted.setOff(c.decoded(), session.pinged());
            if (bug != null) {
                struck(bug);
                return;
            }
            String refused = mutation.has(Mutation.Quirk.ACCEPT_BROKEN_FRAMING) ? null
                    : ClientInput.refusal(c.decoded());
            if (refused == null) {
                refused = mutated(c.decoded().value());
            }
            if (refused != null) {
                malformed("command packet at " + u.offset() + " refused: " + refused);
                return;
            }
            if (c.decoded().value().header().seq() != (clientSeq++ & 0xFFFF)
                    && mutation.has(Mutation.Quirk.DROP_UNEXPECTED_SEQ)) {
                return;
            }
            List<MmsMessage> messages = c.decoded().value().messages();
            if (mutation.has(Mutation.Quirk.FIRST_MESSAGE_ONLY) && messages.size() > 1) {
                messages = messages.subList(0, 1);
            }
            for (MmsMessage received : messages) {
                MmsMessage m = mutation.received(received);
                if (m == null) {
                    continue;
                }
                execute(session.onMessage(m));
                if (session.udp() && !registered) {
                    registered = true;
                    server.register(session.clientId(), this);
                    // bind now, so the socket is up before the header goes out after ReadBlock
                    server.udp(ctx.channel().eventLoop(), connection.localPort(), connection);
                }
            }
        } else if (u instanceof StreamFramer.Undecodable x) {
            if (!mutation.has(Mutation.Quirk.IGNORE_UNDECODABLE)) {
                malformed("undecodable command at " + u.offset() + ": " + x.error().getMessage());
            }
        } else if (!mutation.has(Mutation.Quirk.IGNORE_CLIENT_DATA)) {
            malformed("a Data packet from the client at offset " + u.offset());
        }
    }

    /** What the mutation refuses in a packet the reference would serve, or null. */
    private String mutated(CommandPacket p) {
        if (p.messages().isEmpty() && mutation.has(Mutation.Quirk.REFUSE_EMPTY_PACKET)) {
            return "mutation: no message";
        }
        if ((p.header().padding() != 0 || p.header().timeSent() != 0)
                && mutation.has(Mutation.Quirk.REFUSE_HEADER_PADDING)) {
            return "mutation: padding or timeSent not 0";
        }
        return null;
    }

    private void malformed(String reason) {
        dieIf(Mutation.Quirk.DIE_ON_MALFORMED);
        execute(session.onProtocolError(reason));
    }

    private void dieIf(Mutation.Quirk q) {
        if (mutation.has(q) && ctx.channel().parent() != null) {
            connection.record(What.PROTOCOL_ERROR, "mutation: the listener stops (" + q + ")");
            ctx.channel().parent().close();
        }
    }

    private void execute(List<SessionAction> actions) {
        for (SessionAction a : actions) {
            if (a instanceof SessionAction.Log l) {
                connection.record(l.what(), l.detail());
            } else if (a instanceof SessionAction.StartTimer t) {
                startTimer(t.timer(), t.after());
            } else if (a instanceof SessionAction.StopTimer t) {
                stopTimer(t.timer());
            } else {
                outbox.addLast(a);
            }
        }
        drain();
    }

    /**
     * Writes what is due, in order; stops at a packet not yet due, or while the channel will not take more. What it
     * wrote goes out with one flush: the replies and Data packets due at once cost one write to the socket, not one
     * each.
     */
    private void drain() {
        try {
            drainDue();
        } finally {
            if (unflushed) {
                unflushed = false;
                ctx.flush();
            }
        }
    }

    private void drainDue() {
        while (!closing && ctx.channel().isActive()) {
            SessionAction a = outbox.peekFirst();
            if (a == null) {
                if (!session.streaming()) {
                    return;
                }
                List<SessionAction> next = session.pump();
                if (next.isEmpty()) {
                    return;
                }
                for (SessionAction n : next) {
                    if (n instanceof SessionAction.Log l) {
                        connection.record(l.what(), l.detail());
                    } else if (n instanceof SessionAction.StartTimer t) {
                        startTimer(t.timer(), t.after());
                    } else if (n instanceof SessionAction.StopTimer t) {
                        stopTimer(t.timer());
                    } else {
                        outbox.addLast(n);
                    }
                }
                continue;
            }
            long now = System.nanoTime();
            if (headDue == Long.MIN_VALUE) {
                headDue = due(a, now);
            }
            if (headDue > now) {
                if (wake == null) {
                    wake = later(() -> {
                        wake = null;
                        drain();
                    }, headDue - now);
                }
                return;
            }
            if (!(a instanceof SessionAction.Close) && !ctx.channel().isWritable()) {
                return; // channelWritabilityChanged resumes
            }
            outbox.pollFirst();
            headDue = Long.MIN_VALUE;
            write(faults.combineMessages() ? withFollowingReplies(a) : a);
        }
    }

    /** Fault combineMessages: the replies queued right behind {@code a} (one event's answer) join its packet. */
    private SessionAction withFollowingReplies(SessionAction a) {
        if (!(a instanceof SessionAction.Reply r)) {
            return a;
        }
        List<MacToViewer> all = new ArrayList<>(r.messages());
        while (outbox.peekFirst() instanceof SessionAction.Reply next && due(next, 0) == 0) {
            outbox.pollFirst();
            all.addAll(next.messages());
        }
        return new SessionAction.Reply(all);
    }

    private long due(SessionAction a, long now) {
        if (a instanceof SessionAction.Data d) {
            if (context.scenario().pacing() == Pacing.FAST) {
                return now;
            }
            long at = TimeUnit.MILLISECONDS.toNanos(d.sendTimeMillis());
            if (d.newRun()) {
                runBase = now - at;
            }
            return runBase + at;
        }
        if (a instanceof SessionAction.Reply r && !faults.delayReply().isEmpty()) {
            long delay = r.messages().stream().map(m -> faults.delayReply().get(m.type().name()))
                    .filter(java.util.Objects::nonNull).mapToLong(Duration::toNanos).max().orElse(0);
            return now + delay;
        }
        return now;
    }

    private void write(SessionAction a) {
        if (a instanceof SessionAction.Reply r) {
            writeReply(r);
        } else if (a instanceof SessionAction.Data d) {
            if (d.udp()) {
                writeUdp(d);
            } else if (mutation == Mutation.NONE && !faults.oneByteSegments()) {
                writeData(d.packet());
            } else {
                writeTcp(mutation.data(d.payload(), d.packet(), d.packet().encode()), List.of());
            }
        } else if (a instanceof SessionAction.Close c) {
            closeByServer(c.reason());
        }
    }

    private void writeReply(SessionAction.Reply r) {
        List<MmsMessage> messages = new ArrayList<>();
        for (MacToViewer m : r.messages()) {
            if (!faults.dropReply().contains(m.type().name())) {
                messages.add(override(m));
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        List<List<MmsMessage>> packets = faults.combineMessages() ? List.of(messages)
                : messages.stream().map(List::of).toList();
        for (List<MmsMessage> p : packets) {
            CommandPacket packet = CommandPacket.of(seq++ & 0xFFFF, p.toArray(MmsMessage[]::new));
            byte[] bytes = mutation.reply(packet, CommandPacketCodec.encode(packet));
            writeTcp(bytes, p);
            if (closing) {
                return;
            }
        }
        startTimer(MmsServerSession.Timer.KEEPALIVE, mutation.has(Mutation.Quirk.PING_EARLY) ? PING_EARLY
                : context.scenario().pingInterval());
    }

    private MmsMessage override(MacToViewer m) {
        MmsMessage out = m;
        for (Faults.FieldOverride o : faults.fieldOverrides()) {
            if (o.message().equals(m.type().name()) && out instanceof Record rec) {
                try {
                    out = (MmsMessage) RecordFields.with(rec, o.field(), o.value());
                } catch (IllegalArgumentException e) {
                    connection.record(What.PROTOCOL_ERROR, "scenario field override not applied: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static boolean carries(List<MmsMessage> messages, String name) {
        return messages.stream().anyMatch(m -> m.type().name().equals(name));
    }

    /** Writes {@code bytes}, which carry {@code messages} (none for a Data packet). */
    private void writeTcp(byte[] bytes, List<MmsMessage> messages) {
        if (bytes.length == 0) {
            return; // a mutation dropped it
        }
        if (faults.closeMidMessage() != null && carries(messages, faults.closeMidMessage())) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2));
            closeByServer("fault: closed in the middle of " + faults.closeMidMessage());
            return;
        }
        if (faults.garbageAfter() != null && carries(messages, faults.garbageAfter())) {
            // in the message's own write: a client that reads a reply with one recv() of any size then always gets
            // both, instead of the garbage landing in its next read on some runs and not on others
            bytes = Arrays.copyOf(bytes, bytes.length + GARBAGE.length);
            System.arraycopy(GARBAGE, 0, bytes, bytes.length - GARBAGE.length, GARBAGE.length);
        }
        if (faults.oneByteSegments()) {
            for (byte b : bytes) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {b}));
            }
        } else {
            ctx.write(Unpooled.wrappedBuffer(bytes));
            unflushed = true; // drain flushes
        }
    }

    /**
     * A Data packet no fault changes, encoded straight into a pooled socket buffer: the streaming hot path, where an
     * encoded array per packet cost an allocation and a copy more (a fifth of the CPU at 1,000 sessions).
     */
    private void writeData(DataPacket p) {
        int n = DataPacket.HEADER_SIZE + p.Payload().length();
        ByteBuf b = ctx.alloc().ioBuffer(n);
        p.encode(b.nioBuffer(b.writerIndex(), n));
        b.writerIndex(b.writerIndex() + n);
        ctx.write(b);
        unflushed = true; // drain flushes
    }

    private void writeUdp(SessionAction.Data d) {
        InetSocketAddress to = MmstServer.udpTarget(ctx.channel(), session.clientPort());
        byte[] bytes = mutation.data(d.payload(), d.packet(), d.packet().encode());
        if (bytes.length == 0) {
            return;
        }
        server.udp(ctx.channel().eventLoop(), connection.localPort(), connection).addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                f.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), to));
            }
        });
    }

    /** Mutant RESEND_ANY_CLIENT: a resend from this client's UDP data port reaches the session, whatever dwClientId. */
    boolean takesAnyClientFrom(InetSocketAddress sender) {
        InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
        return mutation.has(Mutation.Quirk.RESEND_ANY_CLIENT) && session.clientPort() == sender.getPort()
                && peer != null && peer.getAddress().equals(sender.getAddress());
    }

    /** A resend request for this session, from the UDP socket's thread. */
    void resend(RequestPacketListResend r, InetSocketAddress sender) {
        ctx.executor().execute(guarded(() -> {
            InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
            if (peer == null || !peer.getAddress().equals(sender.getAddress())) {
                connection.record(What.PROTOCOL_ERROR, "RequestPacketListResend from " + sender
                        + ", not the TCP peer");
                return;
            }
            for (SessionAction a : session.onResend(r, System.nanoTime())) {
                if (a instanceof SessionAction.Data d) {
                    writeUdp(d); // resends go at once, ahead of paced data
                } else if (a instanceof SessionAction.Log l) {
                    connection.record(l.what(), l.detail());
                }
            }
        }));
    }

    /** A planted bug went off: this connection answers nothing more, and the server crashes or wedges. */
    private void struck(PlantedBug bug) {
        closing = true;
        cancelAll();
        context.health().strike(bug, connection);
    }

    private void closeByServer(String reason) {
        if (closing) {
            return;
        }
        closing = true;
        connection.record(What.CLOSED_BY_SERVER, reason);
        cancelAll();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void startTimer(MmsServerSession.Timer t, Duration after) {
        stopTimer(t);
        if (closing) {
            return;
        }
        timers.put(t, later(() -> {
            timers.remove(t);
            execute(session.onTimer(t));
        }, after.toNanos()));
    }

    /** Runs {@code task} on this connection's event loop after {@code nanos}. */
    private ScheduledFuture<?> later(Runnable task, long nanos) {
        return ctx.executor().schedule(guarded(task), nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code task} for the event loop: what it throws goes to exceptionCaught, as a read's would, instead of escaping
     * to the loop with the connection left open.
     */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                exceptionCaught(ctx, e);
            }
        };
    }

    private void stopTimer(MmsServerSession.Timer t) {
        cancel(timers.remove(t));
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void cancelAll() {
        timers.values().forEach(MmstConnection::cancel);
        timers.clear();
        cancel(wake);
        cancel(partial);
        wake = null;
        partial = null;
        outbox.clear();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext c) {
        if (c.channel().isWritable()) {
            drain();
        }
        c.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        if (framer.pendingBytes() > 0) { // evidence for the client cases: what the client's framing left over
            transcript.unframed(framer.offset(), framer.pendingBytes(), input.unfinishedIsCommand());
        }
        if (!closing && framer.pendingBytes() > 0) { // the client hung up in the middle of a packet
            dieIf(Mutation.Quirk.DIE_ON_TRUNCATED);
        }
        if (!closing && framer.pendingBytes() == TcpMessageHeader.SIZE) {
            dieIf(Mutation.Quirk.DIE_ON_BARE_HEADER);
        }
        if (!closing) {
            closing = true;
            connection.record(What.CLOSED_BY_CLIENT, "in state " + session.state());
        }
        session.onClientClosed();
        cancelAll();
        if (registered && !mutation.has(Mutation.Quirk.RESEND_AFTER_CLOSE)) {
            server.unregister(session.clientId(), this);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        if (!(cause instanceof IOException)) {
            context.health().unhandled(connection, cause);
        }
        c.close(); // channelInactive records who closed
    }
}
