package org.mmsspec.harness.fuzz.client;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import org.mmsspec.harness.fuzz.Step;

/**
 * First handler of a client connection on a lane's mock server, nearest the socket: every write of the server passes
 * through it as bytes, and goes out as its session says (damaged, replaced, dropped, in one-byte or slow segments,
 * followed by a close). Writes keep their order: while slow segments wait, later writes and the server's own close
 * queue behind them.
 */
final class WireTap extends ChannelDuplexHandler {

    static final String NAME = "fuzz-wire";
    /** The pause between the segments of a SLOW write: far below any client timer. */
    private static final long SLOW_PAUSE_MS = 2;
    /** A SLOW write goes in at most this many segments. */
    private static final int SLOW_SEGMENTS = 32;

    private record Chunk(byte[] bytes, boolean pause, boolean close) {
    }

    private final SessionWire wire;
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private SessionWire.Conn conn;
    private boolean waiting;
    private ChannelPromise closeWhenDone;

    WireTap(SessionWire wire) {
        this.wire = wire;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        conn = wire.opened(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            wire.received(conn, b);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        wire.closed(conn);
        ctx.fireChannelInactive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf b) || !b.isReadable()) {
            ctx.write(msg, promise);
            return;
        }
        byte[] original = ByteBufUtil.getBytes(b);
        b.release();
        Damage.Out out = wire.emit(conn, original);
        promise.trySuccess(); // the server's listeners run now; a close it chains waits behind the queue (close())
        byte[] bytes = out.bytes();
        if (out.segmenting() == Step.Segmenting.ONE_BYTE) {
            for (int i = 0; i < bytes.length; i++) {
                queue.add(new Chunk(new byte[] {bytes[i]}, false, false));
            }
        } else if (out.segmenting() == Step.Segmenting.SLOW) {
            int size = Math.max(8, (bytes.length + SLOW_SEGMENTS - 1) / SLOW_SEGMENTS);
            for (int i = 0; i < bytes.length; i += size) {
                queue.add(new Chunk(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size)), i > 0, false));
            }
        } else if (bytes.length > 0) {
            queue.add(new Chunk(bytes, false, false));
        }
        if (out.closeAfter()) {
            queue.add(new Chunk(new byte[0], false, true));
        }
        pump(ctx);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (queue.isEmpty()) {
            ctx.close(promise);
        } else {
            closeWhenDone = promise;
        }
    }

    private void pump(ChannelHandlerContext ctx) {
        while (!waiting && !queue.isEmpty()) {
            Chunk c = queue.peekFirst();
            if (c.pause()) {
                waiting = true;
                queue.pollFirst();
                queue.addFirst(new Chunk(c.bytes(), false, false));
                ctx.executor().schedule(() -> {
                    waiting = false;
                    pump(ctx);
                }, SLOW_PAUSE_MS, TimeUnit.MILLISECONDS);
                return;
            }
            queue.pollFirst();
            if (c.close()) {
                queue.clear();
                ctx.close();
            } else {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(c.bytes()));
            }
        }
        if (queue.isEmpty() && closeWhenDone != null) {
            ChannelPromise p = closeWhenDone;
            closeWhenDone = null;
            ctx.close(p);
        }
    }
}
