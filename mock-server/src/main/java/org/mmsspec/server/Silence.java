package org.mmsspec.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Behaviour SILENT: reads and drops everything and never answers, so a client's own timeout decides. Memory stays
 * constant; the scenario's idle timeout bounds how long the connection is held.
 */
final class Silence extends ChannelInboundHandlerAdapter {

    private final Connection connection;
    private final Duration limit;
    private ScheduledFuture<?> timer;
    private boolean closedByServer;
    private long dropped;

    Silence(Connection connection, Duration limit) {
        this.connection = connection;
        this.limit = limit;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            closedByServer = true;
            Behaviours.closeByServer(ctx.channel(), connection, "silent for the idle timeout " + limit);
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof io.netty.buffer.ByteBuf b) {
            dropped += b.readableBytes();
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel(false);
        if (!closedByServer) {
            connection.record(ConnectionEvent.What.CLOSED_BY_CLIENT, "after " + dropped + " unanswered bytes");
        }
    }
}
