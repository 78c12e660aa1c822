package org.mmsspec.server.asf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.asf.AsfDataPacket;

class AsfFilePacketsTest {

    private static final AsfFile SAMPLE = AsfFile.sample();

    /** Hex bytes; on each line, the words after the last two-digit byte are a comment. */
    static byte[] hex(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n")) {
            for (String word : line.trim().split("\\s+")) {
                if (!word.matches("[0-9A-Fa-f]{2}")) {
                    break;
                }
                out.append(word);
            }
        }
        return HexFormat.of().parseHex(out);
    }

    @Test
    void everySamplePacketParsesAndEncodesBackToItsOwnBytes() {
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            byte[] stored = SAMPLE.packet(i);
            AsfDataPacket p = AsfDataPacket.parse(stored);
            assertThat(p.encode()).as("packet %d", i).isEqualTo(stored);
            assertThat(p.size()).isEqualTo(SAMPLE.packetSize());
            assertThat(p.streamNumbers()).as("packet %d", i).isNotEmpty().allMatch(n -> n == 1 || n == 2);
        }
    }

    @Test
    void everyTruncationOfEveryKindOfSamplePacketIsRefusedOrParsedNeverAnythingElse() {
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            byte[] stored = SAMPLE.packet(i);
            for (int n = 0; n < 64; n++) {
                parsesOrRefuses(java.util.Arrays.copyOf(stored, n));
            }
        }
    }

    @Test
    void randomlyDamagedPacketsAreRefusedOrParsedNeverAnythingElse() {
        Random random = new Random(3);
        int refused = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] b = SAMPLE.packet(random.nextInt(SAMPLE.packetCount()));
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                b[random.nextInt(Math.min(b.length, 48))] = (byte) random.nextInt(256);
            }
            refused += parsesOrRefuses(b) ? 0 : 1;
        }
        assertThat(refused).as("damage in the header must be caught sometimes").isPositive();
    }

    /** True if parsed (then it must also encode), false if refused as malformed; anything else fails. */
    private static boolean parsesOrRefuses(byte[] b) {
        AsfDataPacket p;
        try {
            p = AsfDataPacket.parse(b);
        } catch (MalformedInputException e) {
            assertThat(e.field()).isEqualTo("ASF data packet");
            return false;
        }
        assertThat(p.size()).isLessThanOrEqualTo(b.length);
        assertThat(AsfDataPacket.parse(p.encode()).encode()).isEqualTo(p.encode());
        return true;
    }
}
