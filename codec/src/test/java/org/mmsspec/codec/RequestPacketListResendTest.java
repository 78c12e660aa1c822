package org.mmsspec.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** MS-MMSP 2.2.5. */
class RequestPacketListResendTest {

    static final byte[] EXAMPLE = Bytes.ofHex("0DF0EFBE 78563412 0100 0200 11000000 12000000").toArray();

    @Test
    void theExampleRoundTrips() {
        var d = RequestPacketListResend.decode(EXAMPLE, DecodeOptions.STRICT);
        assertThat(d.violations()).isEmpty();
        assertThat(d.value()).isEqualTo(RequestPacketListResend.of(0x12345678L, 0x00010001L, List.of(17L, 18L)));
        assertThat(d.value().encode()).isEqualTo(EXAMPLE);
    }

    @Test
    void everyCountFromOneToThirtyTwoRoundTrips() {
        Random r = new Random(3);
        for (int n = 1; n <= 32; n++) {
            List<Long> list = LongStream.range(0, n).map(i -> r.nextLong() & 0xFFFFFFFFL).boxed().toList();
            var p = RequestPacketListResend.of(r.nextLong() & 0xFFFFFFFFL, r.nextInt(), list);
            var d = RequestPacketListResend.decode(p.encode(), DecodeOptions.STRICT);
            assertThat(d.violations()).isEmpty();
            assertThat(d.value()).isEqualTo(p);
        }
    }

    @Test
    void aHugeCountIsJudgedAgainstTheBytesNotTrusted() {
        byte[] b = EXAMPLE.clone();
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFF;
        var d = RequestPacketListResend.decode(b, DecodeOptions.LENIENT);
        assertThat(d.value().dwBeginPacketList()).containsExactly(17L, 18L);
        assertThat(d.violations()).extracting(Violation::field).containsExactlyInAnyOrder("wNumPackets",
                "dwBeginPacketList");
        assertThat(d.violations()).allMatch(v -> v.level() == Level.MUST && v.offset() >= 10);
    }

    @Test
    void aBadSignatureIsAMustViolationAtOffsetZero() {
        byte[] b = EXAMPLE.clone();
        b[0] = 0;
        var d = RequestPacketListResend.decode(b, DecodeOptions.STRICT);
        assertThat(d.accepted()).isFalse();
        assertThat(d.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("Signature");
            assertThat(v.offset()).isZero();
        });
    }

    @Test
    void everyTruncationBelowTheHeaderThrowsOnlyMalformedInput() {
        for (int n = 0; n < RequestPacketListResend.HEADER_SIZE; n++) {
            int len = n;
            assertThatThrownBy(() -> RequestPacketListResend.decode(EXAMPLE, 0, len, DecodeOptions.LENIENT))
                    .isInstanceOf(MalformedInputException.class);
        }
        for (int n = RequestPacketListResend.HEADER_SIZE; n < EXAMPLE.length; n++) {
            assertThat(RequestPacketListResend.decode(EXAMPLE, 0, n, DecodeOptions.LENIENT).violations())
                    .as("%d bytes", n).isNotEmpty();
        }
    }
}
