package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshFrameCodec;

class SharedFramesTest {

    private final SharedFrames frames = new SharedFrames();
    private final byte[] asf = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private MmshData data(long location, int afFlags) {
        return MmshData.of(DataPacket.of(location, 0, afFlags, Bytes.view(asf, 0, asf.length)));
    }

    private static byte[] bytes(ByteBuf b) {
        return ByteBufUtil.getBytes(b);
    }

    @Test
    void everySessionSendingTheSamePacketGetsTheSameBytesAsItsOwnEncoding() {
        MmshData d = data(7, 7);
        ByteBuf first = frames.frame(d, asf);
        ByteBuf second = frames.frame(data(7, 7), asf);
        assertThat(bytes(first)).isEqualTo(MmshFrameCodec.encode(d));
        assertThat(bytes(second)).isEqualTo(MmshFrameCodec.encode(d));
        assertThat(first.isDirect()).isTrue();
        first.readerIndex(first.writerIndex()); // one session's write does not move another's
        first.release();
        assertThat(bytes(frames.frame(data(7, 7), asf))).isEqualTo(MmshFrameCodec.encode(d));
    }

    @Test
    void aPacketSentWithOtherHeaderFieldsIsNotShared() {
        frames.frame(data(7, 7), asf);
        assertThat(frames.frame(data(7, 6), asf)).as("another AFFlags").isNull();
        assertThat(frames.frame(data(8, 7), asf)).as("another LocationId").isNull();
    }

    @Test
    void theBurstBitIsAVariantOfItsOwn() {
        MmshData plain = data(3, 3);
        MmshData burst = new MmshData(plain.framing().withB(), plain.packet());
        assertThat(bytes(frames.frame(plain, asf))).isEqualTo(MmshFrameCodec.encode(plain));
        assertThat(bytes(frames.frame(burst, asf))).isEqualTo(MmshFrameCodec.encode(burst));
        assertThat(bytes(frames.frame(plain, asf))).isEqualTo(MmshFrameCodec.encode(plain));
    }

    @Test
    void anotherArrayIsAnotherPacket() {
        byte[] other = asf.clone();
        other[0] = 99;
        frames.frame(data(1, 1), asf);
        MmshData d = MmshData.of(DataPacket.of(1, 0, 1, Bytes.view(other, 0, other.length)));
        assertThat(bytes(frames.frame(d, other))).isEqualTo(MmshFrameCodec.encode(d));
    }
}
