package org.mmsspec.server.asf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;

class AsfPacketTest {

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
            AsfPacket p = AsfPacket.parse(stored);
            assertThat(p.encode()).as("packet %d", i).isEqualTo(stored);
            assertThat(p.size()).isEqualTo(SAMPLE.packetSize());
            assertThat(p.streamNumbers()).as("packet %d", i).isNotEmpty().allMatch(n -> n == 1 || n == 2);
        }
    }

    @Test
    void readsEveryFieldOfAMultiplePayloadPacketWithErrorCorrection() {
        byte[] b = hex("""
                82 00 00                 error correction: flags 0x82, two data bytes
                09                       multiple payloads, padding length BYTE
                5D                       replicated BYTE, offset DWORD, media object BYTE, stream BYTE
                03                       padding length 3
                E8 03 00 00  28 00       send time 1000 ms, duration 40 ms
                82                       payload flags: WORD lengths, 2 payloads
                81 07 10 00 00 00 02 AA BB 03 00 01 02 03
                02 05 00 00 00 00 00 01 00 09
                00 00 00""");
        AsfPacket p = AsfPacket.parse(b);
        assertThat(p.errorCorrectionFlags()).isEqualTo(0x82);
        assertThat(p.errorCorrectionData()).isEqualTo(Bytes.ofHex("0000"));
        assertThat(p.multiplePayloads()).isTrue();
        assertThat(p.hasPacketLengthField()).isFalse();
        assertThat(p.packetLength()).isEqualTo(b.length);
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(p.sendTime()).isEqualTo(1000);
        assertThat(p.duration()).isEqualTo(40);
        assertThat(p.payloads()).containsExactly(
                new AsfPacket.Payload(1, true, 7, 16, Bytes.ofHex("AABB"), Bytes.ofHex("010203")),
                new AsfPacket.Payload(2, false, 5, 0, Bytes.EMPTY, Bytes.ofHex("09")));
        assertThat(p.encode()).isEqualTo(b);
    }

    @Test
    void readsASinglePayloadPacketWithPacketLengthSequenceAndPadding() {
        byte[] b = hex("""
                52                       packet length WORD, padding WORD, sequence BYTE
                55                       replicated BYTE, offset BYTE, media object BYTE, stream BYTE
                15 00  09  02 00         packet length 21, sequence 9, padding 2
                10 00 00 00  00 00
                03 01 00 00 AB CD 00 00
                00 00 00 00""");
        AsfPacket p = AsfPacket.parse(b);
        assertThat(p.multiplePayloads()).isFalse();
        assertThat(p.packetLength()).isEqualTo(21);
        assertThat(p.sequence()).isEqualTo(9);
        assertThat(p.paddingLength()).isEqualTo(2);
        assertThat(p.payloads()).containsExactly(new AsfPacket.Payload(3, false, 1, 0, Bytes.EMPTY,
                Bytes.ofHex("ABCD")));
        assertThat(p.size()).as("the 4 bytes past Packet Length are not the packet's").isEqualTo(21);
        assertThat(p.encode()).isEqualTo(java.util.Arrays.copyOf(b, 21));
    }

    @Test
    void readsTheSubPayloadsOfACompressedPayload() {
        byte[] b = hex("""
                01 5D  00 00 00 00 00 00  81
                01 03 64 00 00 00 01 28  08 00  02 AA BB 00 03 CC DD EE""");
        AsfPacket.Payload p = AsfPacket.parse(b).payloads().get(0);
        assertThat(p.compressed()).isTrue();
        assertThat(p.offsetIntoMediaObject()).as("presentation time").isEqualTo(100);
        assertThat(p.replicatedData()).as("presentation time delta").isEqualTo(Bytes.ofHex("28"));
        assertThat(p.subPayloads()).containsExactly(Bytes.ofHex("AABB"), Bytes.EMPTY, Bytes.ofHex("CCDDEE"));
    }

    @Test
    void refusesACompressedPayloadWhoseSubPayloadRunsPastIt() {
        byte[] b = hex("01 5D 00 00 00 00 00 00 81  01 03 64 00 00 00 01 28 03 00 05 AA BB");
        assertThatThrownBy(() -> AsfPacket.parse(b)).isInstanceOf(AsfException.class)
                .hasMessageContaining("sub-payload");
    }

    @Test
    void refusesMalformedPacketsWithAClearReason() {
        record Case(String hex, String reason) {
        }
        List<Case> cases = List.of(
                new Case("", "Error Correction Flags"),
                new Case("E2 00 00 01 5D", "Error Correction Length Type"),
                new Case("92 00 00 01 5D", "opaque"),
                new Case("82 00 00 00 9D 00 00 00 00 00 00 01", "Stream Number Length Type"),
                new Case("01 5D 00 00 00 00 00 00 02 01 00 00 00 00 00", "Payload Length Type 00"),
                new Case("40 5D FF 00 00 00 00 00 00 01", "Packet Length 255"),
                new Case("08 5D 40 00 00 00 00 00 00 01", "Padding Length 64"),
                new Case("01 5D 00 00 00 00 00 00 82 01 00 00 00 00 00 00 00 00", "Stream Number needs"),
                new Case("01 5D 00 00 00 00 00 00 81 01 00 00 00 00 00 09 00", "Replicated Data needs"),
                new Case("01 5D 00 00 00 00 00 00 81 01 00 00 00 00 00 00 10 00 AA", "Payload Data needs"),
                new Case("01 5D 00 00 00 00 00 00 81 01 00 00 00 00 00 00 01 00 AA 00 07", "unaccounted"));
        for (Case c : cases) {
            assertThatThrownBy(() -> AsfPacket.parse(hex(c.hex()))).as(c.hex()).isInstanceOf(AsfException.class)
                    .hasMessageContaining(c.reason());
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

    /** True if parsed (then it must also encode), false if refused with AsfException; anything else fails. */
    private static boolean parsesOrRefuses(byte[] b) {
        AsfPacket p;
        try {
            p = AsfPacket.parse(b);
        } catch (AsfException e) {
            assertThat(e.getMessage()).startsWith("ASF data packet: ");
            return false;
        }
        assertThat(p.size()).isLessThanOrEqualTo(b.length);
        assertThat(AsfPacket.parse(p.encode()).encode()).isEqualTo(p.encode());
        return true;
    }
}
