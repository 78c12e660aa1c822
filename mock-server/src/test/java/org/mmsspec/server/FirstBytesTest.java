package org.mmsspec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.netty.buffer.Unpooled;

import org.junit.jupiter.api.Test;

class FirstBytesTest {

    static FirstBytes of(byte[] b) {
        return FirstBytes.of(Unpooled.wrappedBuffer(b));
    }

    static FirstBytes of(String s) {
        return of(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static final byte[] MMS = HexFormat.of().parseHex("01000000cefa0bb0480000004d4d5320");

    @Test
    void mmsCommandPacketIsMmstOnceEightBytesAreIn() {
        assertThat(of(MMS).protocol()).isEqualTo(Protocol.MMST);
        for (int n = 1; n < 8; n++) {
            assertThat(of(java.util.Arrays.copyOf(MMS, n)).needMore()).as("%d bytes", n).isTrue();
        }
    }

    @Test
    void wrongSessionIdIsUnknownAsSoonAsItDiffers() {
        byte[] b = MMS.clone();
        b[5] = 0;
        FirstBytes fb = of(java.util.Arrays.copyOf(b, 6));
        assertThat(fb.needMore()).isFalse();
        assertThat(fb.protocol()).isNull();
    }

    @Test
    void httpRequestLinesAreMmsh() {
        for (String m : new String[] {"GET", "POST", "HEAD", "OPTIONS"}) {
            FirstBytes fb = of(m + " /sample.asf HTTP/1.0\r\nHost: x\r\n");
            assertThat(fb.protocol()).as(m).isEqualTo(Protocol.MMSH);
            assertThat(fb.requestLine()).isEqualTo(m + " /sample.asf HTTP/1.0");
        }
    }

    @Test
    void rtspRequestLinesAreRtsp() {
        assertThat(of("OPTIONS rtsp://h/x RTSP/1.0\r\nCSeq: 1\r\n").protocol()).isEqualTo(Protocol.RTSP);
        assertThat(of("DESCRIBE rtsp://h/x RTSP/1.0\n").protocol()).isEqualTo(Protocol.RTSP);
    }

    @Test
    void aLineWithoutItsEndNeedsMore() {
        assertThat(of("GET /sample.asf HTTP/1.").needMore()).isTrue();
        assertThat(of("").needMore()).isTrue();
    }

    @Test
    void anyHttpMethodIsMmshs() {
        // MMSH answers a method WMSP does not use with an HTTP error (MS-WMSP 3.2.5.1)
        assertThat(of("PUT /x HTTP/1.1\r\n").protocol()).isEqualTo(Protocol.MMSH);
    }

    @Test
    void otherBytesAreUnknown() {
        assertThat(of("hello\r\n").protocol()).isNull();
        assertThat(of("hello\r\n").needMore()).isFalse();
        assertThat(of("GET /x FTP/1.0\r\n").protocol()).isNull();
        assertThat(of(new byte[] {0x16, 0x03, 0x01}).protocol()).isNull();
    }
}
