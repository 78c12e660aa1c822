package org.mmsspec.server.mmsh;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseCombiner;

/**
 * The oneByteSegments fault on MMSH. It sits below the HTTP encoder, so status line, headers, chunk framing and body
 * all pass through it: every byte goes out in its own flushed write, which with Nagle off is its own TCP segment.
 * The caller's promise completes once every byte is written.
 */
final class OneByteSegments extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf) || buf.readableBytes() <= 1) {
            ctx.writeAndFlush(msg, promise);
            return;
        }
        PromiseCombiner each = new PromiseCombiner(ctx.executor());
        try {
            while (buf.isReadable()) {
                each.add(ctx.writeAndFlush(buf.readRetainedSlice(1)));
            }
        } finally {
            buf.release();
        }
        each.finish(promise);
    }
}
