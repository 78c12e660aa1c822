package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class OneByteSegmentsTest {

    /** Counts the flushes that reach the transport, below the fault handler. */
    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    @Test
    void everyByteIsItsOwnFlushedWriteAndThePromiseWaitsForAll() {
        FlushCounter counter = new FlushCounter();
        EmbeddedChannel ch = new EmbeddedChannel(counter, new OneByteSegments());
        byte[] text = "HTTP/1.0 200 OK\r\n\r\n$H".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf buf = Unpooled.wrappedBuffer(text);
        ChannelFuture done = ch.writeOneOutbound(buf);
        assertThat(done.isSuccess()).isTrue();
        assertThat(counter.flushes).isEqualTo(text.length);
        for (byte b : text) {
            ByteBuf one = ch.readOutbound();
            assertThat(one.readableBytes()).isEqualTo(1);
            assertThat(one.readByte()).isEqualTo(b);
            one.release();
        }
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(buf.refCnt()).as("the slices hold the buffer until written, then nothing does").isZero();
        assertThat(ch.finish()).isFalse();
    }
}
