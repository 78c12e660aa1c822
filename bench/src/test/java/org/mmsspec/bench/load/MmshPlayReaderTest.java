package org.mmsspec.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;

/** The load generator's reader: content time from the $D send times, however the bytes are cut. */
class MmshPlayReaderTest {

    private static final String OK = "HTTP/1.0 200 OK\r\nContent-Type: application/x-mms-framed\r\n\r\n";

    @Test
    void sumsSendTimesAcrossAHeaderMidStreamWhateverTheReadSizes() {
        byte[] body = body(OK, header(), data(1000, 3000), data(1100, 3000), data(1350, 3000), header(),
                data(0, 3000), data(200, 3000), MmshEnd.of(MmshEnd.S_OK));
        for (int chunk : new int[] {1, 7, body.length}) {
            MmshPlayReader r = new MmshPlayReader();
            for (int i = 0; i < body.length; i += chunk) {
                r.read(ByteBuffer.wrap(body, i, Math.min(chunk, body.length - i)));
            }
            assertThat(r.failure()).isNull();
            assertThat(r.dataPackets()).isEqualTo(5);
            assertThat(r.contentMs()).as("chunk " + chunk).isEqualTo(350 + 200);
            assertThat(r.ended()).isTrue();
        }
    }

    @Test
    void anErrorAnswerOrUnframedBytesFail() {
        MmshPlayReader notFound = new MmshPlayReader();
        notFound.read(ByteBuffer.wrap(body("HTTP/1.0 404 Not Found\r\n\r\n")));
        assertThat(notFound.failure()).contains("404");
        MmshPlayReader garbage = new MmshPlayReader();
        garbage.read(ByteBuffer.wrap((OK + "<html>").getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(garbage.failure()).contains("not an MMSH packet");
    }

    @Test
    void sendTimeFollowsTheLengthTypeFlags() {
        // error correction (2 bytes), then packet length WORD, sequence absent, padding BYTE: flags 0x48
        byte[] p = {(byte) 0x82, 0, 0, 0x48, 0x5D, 0x10, 0x00, 0x07, 0x78, 0x56, 0x34, 0x12, 0, 0};
        assertThat(AsfSendTime.of(p, 0, p.length)).isEqualTo(0x12345678L);
        assertThat(AsfSendTime.of(p, 0, 10)).isEqualTo(-1);
    }

    private static MmshPacket header() {
        return MmshHeader.of(DataPacket.of(0, 0, 0x0C, Bytes.copyOf(new byte[40])));
    }

    /** An ASF packet as FFmpeg writes them: error correction, no length fields, Send Time, Duration, padding. */
    private static MmshPacket data(long sendTime, int size) {
        byte[] asf = new byte[size];
        asf[0] = (byte) 0x82;
        asf[3] = 0x00;
        asf[4] = 0x5D;
        for (int i = 0; i < 4; i++) {
            asf[5 + i] = (byte) (sendTime >>> 8 * i);
        }
        return MmshData.of(DataPacket.of(0, 0, 0, Bytes.copyOf(asf)));
    }

    private static byte[] body(String head, Object... packets) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        for (Object p : packets) {
            b.writeBytes(MmshFrameCodec.encode((MmshPacket) p));
        }
        return b.toByteArray();
    }
}
