package org.mmsspec.server;

import java.io.IOException;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of every accepted connection: whatever a handler before it let through is logged and ends in a
 * close, so no exception leaves an I/O thread and nothing unread leaks.
 */
@ChannelHandler.Sharable // only so that it can be moved to the end; each instance serves one connection
final class Guard extends ChannelInboundHandlerAdapter {

    static final String NAME = "guard";

    private volatile Connection connection;
    private final ServerHealth health;

    Guard(Connection connection, ServerHealth health) {
        this.connection = connection;
        this.health = health;
    }

    /** Events from now on are the identified protocol's. */
    void identified(Connection c) {
        connection = c;
    }

    /** Puts the guard back at the end, after a protocol server added its handlers behind it. */
    static void moveToEnd(ChannelPipeline p) {
        Guard g = p.get(Guard.class);
        if (g != null && p.last() != g) {
            p.remove(g);
            p.addLast(NAME, g);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset by the client surfaces here as an IOException; the handlers' channelInactive logs the close.
        if (!(cause instanceof IOException)) {
            health.unhandled(connection, cause);
        }
        ctx.close();
    }
}
