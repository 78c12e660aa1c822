package org.mmsspec.codec.mmsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Violation;

class CommandPacketCodecTest {

    // ReadBlock, seq 3, openFileId 1, playIncarnation 1: laid out by hand from MS-MMSP 2.2.3 and 2.2.4.23.
    static final byte[] READ_BLOCK = Bytes.ofHex("""
            01000000 cefa0bb0 48000000 4d4d5320 09000000 03000000 00000000 00000000
            07000000 15000300 01000000 00000000 00000000 00800000 ffffffff 00000000
            00000000 00000000 00000000 0020ac40 01000000 00000000""").toArray();

    @Test
    void decodesTheCanonicalReadBlockWithoutViolations() {
        Decoded<CommandPacket> d = CommandPacketCodec.decode(READ_BLOCK, Direction.C2S, DecodeOptions.STRICT);
        assertThat(d.violations()).isEmpty();
        assertThat(d.value().header().seq()).isEqualTo(3);
        assertThat(d.value().message()).isEqualTo(LinkViewerToMacReadBlock.of(1, 1));
        assertThat(CommandPacketCodec.encode(d.value())).isEqualTo(READ_BLOCK);
        assertThat(CommandPacketCodec.encode(3, LinkViewerToMacReadBlock.of(1, 1))).isEqualTo(READ_BLOCK);
    }

    @Test
    void literalProfileJudgesChunkCountByTheSpecWords() {
        Decoded<CommandPacket> d = CommandPacketCodec.decode(READ_BLOCK, Direction.C2S,
                DecodeOptions.STRICT.withProfile(Profile.LITERAL));
        assertThat(d.violations()).extracting(Violation::field).containsExactly("chunkCount");
        assertThat(d.accepted()).isFalse();
    }

    @Test
    void aBrokenSealIsAMustViolationAtItsOffset() {
        byte[] b = READ_BLOCK.clone();
        b[12] = 'X';
        Decoded<CommandPacket> lenient = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.LENIENT);
        assertThat(lenient.accepted()).isTrue();
        assertThat(lenient.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("seal");
            assertThat(v.level()).isEqualTo(Level.MUST);
            assertThat(v.offset()).isEqualTo(12);
            assertThat(v.section().toString()).isEqualTo("MS-MMSP 2.2.3");
        });
        assertThat(CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT).accepted()).isFalse();
    }

    @Test
    void aServerMidFromTheClientIsAViolation() {
        byte[] b = CommandPacketCodec.encode(0, LinkMacToViewerPing.of());
        var d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.LENIENT);
        assertThat(d.violations()).extracting(Violation::field).containsExactly("MID");
    }

    @Test
    void truncationIsTheOneDocumentedException() {
        for (int n = 0; n < READ_BLOCK.length; n++) {
            int len = n;
            try {
                CommandPacketCodec.decode(READ_BLOCK, 0, len, Direction.C2S, DecodeOptions.LENIENT);
            } catch (MalformedInputException expected) {
                assertThat(expected.getMessage()).contains("MS-MMSP");
            }
        }
        assertThatThrownBy(() -> CommandPacketCodec.decode(READ_BLOCK, 0, 20, Direction.C2S, DecodeOptions.LENIENT))
                .isInstanceOf(MalformedInputException.class);
    }

    @Test
    void connectRoundTripsWithHostString() {
        var m = new LinkViewerToMacConnect(0xF0F0F0EFL, 0x0004000BL, 0x0003001CL,
                "NSPlayer/9.0.0.2980; {3300AD50-2C39-46c0-AE0A-5F2B5BF2BA6E}; Host: example.org", "HOST: example.org",
                "");
        byte[] b = CommandPacketCodec.encode(0, m);
        var d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT);
        assertThat(d.violations()).isEmpty();
        assertThat(d.value().message()).isEqualTo(m);
        assertThat(CommandPacketCodec.encode(d.value())).isEqualTo(b);
    }
}
