package org.mmsspec.codec.asf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.MalformedInputException;

class AsfDataPacketTest {

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
        AsfDataPacket p = AsfDataPacket.parse(b);
        assertThat(p.errorCorrectionFlags()).isEqualTo(0x82);
        assertThat(p.errorCorrectionData()).isEqualTo(Bytes.ofHex("0000"));
        assertThat(p.multiplePayloads()).isTrue();
        assertThat(p.hasPacketLengthField()).isFalse();
        assertThat(p.packetLength()).isEqualTo(b.length);
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(p.sendTime()).isEqualTo(1000);
        assertThat(p.duration()).isEqualTo(40);
        assertThat(p.payloads()).containsExactly(
                new AsfDataPacket.Payload(1, true, 7, 16, Bytes.ofHex("AABB"), Bytes.ofHex("010203")),
                new AsfDataPacket.Payload(2, false, 5, 0, Bytes.EMPTY, Bytes.ofHex("09")));
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
        AsfDataPacket p = AsfDataPacket.parse(b);
        assertThat(p.multiplePayloads()).isFalse();
        assertThat(p.packetLength()).isEqualTo(21);
        assertThat(p.sequence()).isEqualTo(9);
        assertThat(p.paddingLength()).isEqualTo(2);
        assertThat(p.payloads()).containsExactly(new AsfDataPacket.Payload(3, false, 1, 0, Bytes.EMPTY,
                Bytes.ofHex("ABCD")));
        assertThat(p.size()).as("the 4 bytes past Packet Length are not the packet's").isEqualTo(21);
        assertThat(p.encode()).isEqualTo(java.util.Arrays.copyOf(b, 21));
    }

    @Test
    void readsTheSubPayloadsOfACompressedPayload() {
        byte[] b = hex("""
                01 5D  00 00 00 00 00 00  81
                01 03 64 00 00 00 01 28  08 00  02 AA BB 00 03 CC DD EE""");
        AsfDataPacket.Payload p = AsfDataPacket.parse(b).payloads().get(0);
        assertThat(p.compressed()).isTrue();
        assertThat(p.offsetIntoMediaObject()).as("presentation time").isEqualTo(100);
        assertThat(p.replicatedData()).as("presentation time delta").isEqualTo(Bytes.ofHex("28"));
        assertThat(p.subPayloads()).containsExactly(Bytes.ofHex("AABB"), Bytes.EMPTY, Bytes.ofHex("CCDDEE"));
    }

    @Test
    void refusesACompressedPayloadWhoseSubPayloadRunsPastIt() {
        byte[] b = hex("01 5D 00 00 00 00 00 00 81  01 03 64 00 00 00 01 28 03 00 05 AA BB");
        assertThatThrownBy(() -> AsfDataPacket.parse(b)).isInstanceOf(MalformedInputException.class)
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
            assertThatThrownBy(() -> AsfDataPacket.parse(hex(c.hex()))).as(c.hex())
                    .isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining(c.reason());
        }
    }

    @Test
    void malformedInputSaysWhereDecodingStopped() {
        assertThatThrownBy(() -> AsfDataPacket.parse(hex("01 5D 00 00 00 00 00 00 82 01 00 00 00 00 00 00 00 00")))
                .isInstanceOfSatisfying(MalformedInputException.class, e -> {
                    assertThat(e.section().number()).isEqualTo("2.2.2");
                    assertThat(e.offset()).isEqualTo(18);
                });
    }

    @Test
    void everyTruncationOfAHandMadePacketIsRefusedOrParsed() {
        byte[] b = hex("82 00 00 09 5D 03 E8 03 00 00 28 00 82 81 07 10 00 00 00 02 AA BB 03 00 01 02 03"
                + " 02 05 00 00 00 00 00 01 00 09 00 00 00");
        for (int n = 0; n < b.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(b, n);
            try {
                AsfDataPacket.parse(cut);
            } catch (MalformedInputException e) {
                assertThat(e.offset()).as("cut at %d", n).isBetween(0L, (long) n);
            }
        }
    }
}
