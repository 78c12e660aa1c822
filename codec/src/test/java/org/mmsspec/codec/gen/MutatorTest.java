package org.mmsspec.codec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;

class MutatorTest {

    static final byte[] READ_BLOCK = CommandPacketCodec.encode(3, LinkViewerToMacReadBlock.of(1, 1));

    @Test
    void layoutPlacesTheHeaderAndMessageFieldsWhereMsMmspPutsThem() {
        Layout l = CommandPacketCodec.layout(READ_BLOCK, Direction.C2S);
        assertThat(l.headerField("messageLength")).isEqualTo(new FieldSpan("messageLength", 8, 4,
                FieldSpan.Kind.INTEGER));
        assertThat(l.headerField("timeSent").end()).isEqualTo(32);
        Layout.MessageLayout m = l.messages().get(0);
        assertThat(m.type()).isEqualTo(LinkViewerToMacReadBlock.TYPE);
        assertThat(m.offset()).isEqualTo(32);
        assertThat(m.length()).isEqualTo(READ_BLOCK.length - 32);
        assertThat(m.field("MID").offset()).isEqualTo(36);
        assertThat(m.field("tDeadline")).isEqualTo(new FieldSpan("tDeadline", 72, 8, FieldSpan.Kind.FLOAT));
        assertThat(m.bodyFields()).extracting(FieldSpan::name).containsExactly("openFileId", "fileBlockId",
                "offset", "length", "flags", "padding", "tEarliest", "tDeadline", "playIncarnation", "playSequence");
    }

    @Test
    void theSameSeedGivesTheSameMutations() {
        List<Mutation> a = new Mutator(42).commandPacket(READ_BLOCK, Direction.C2S);
        List<Mutation> b = new Mutator(42).commandPacket(READ_BLOCK, Direction.C2S);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(new Mutator(43).commandPacket(READ_BLOCK, Direction.C2S));
    }

    @Test
    void fieldValuesAreJudgedByTheMessagesOwnRules() {
        List<Mutation> ms = new Mutator(7).commandPacket(READ_BLOCK, Direction.C2S);
        // flags MUST be 0xFFFFFFFF: any other value is certainly invalid; openFileId is free
        assertThat(ms).filteredOn(m -> m.name().contains(".flags=")).isNotEmpty()
                .allMatch(m -> m.validity() == Mutation.Validity.INVALID);
        assertThat(ms).filteredOn(m -> m.name().contains(".openFileId=")).isNotEmpty()
                .allMatch(m -> m.validity() == Mutation.Validity.UNKNOWN);
        assertThat(ms).filteredOn(m -> m.name().startsWith("truncate@")).hasSize(READ_BLOCK.length);
    }

    @Test
    void aLengthIsInvalidOnlyWhereItClaimsBytesPastTheMessage() {
        // 6 bytes of token, then 2 zero bytes of padding: a cbToken of 7 or 8 takes in padding and may stay valid
        byte[] p = CommandPacketCodec.encode(1, LinkViewerToMacSecurityResponse.of(1, 2, Bytes.ofHex("41424300")));
        Layout.MessageLayout m = CommandPacketCodec.layout(p, Direction.C2S).messages().get(0);
        FieldSpan cb = m.field("cbToken");
        assertThat(cb.kind()).isEqualTo(FieldSpan.Kind.LENGTH);
        int room = m.end() - cb.end();
        for (long seed = 0; seed < 50; seed++) {
            for (Mutation mu : new Mutator(seed).commandPacket(p, Direction.C2S)) {
                if (mu.name().contains(".cbToken=")) {
                    long v = Mutator.read(mu.toArray(), cb);
                    assertThat(mu.validity()).as(mu.name())
                            .isEqualTo(v > room ? Mutation.Validity.INVALID : Mutation.Validity.UNKNOWN);
                }
            }
        }
    }

    @Test
    void longPacketsAreCutAtEveryFieldBoundaryNotEveryOffset() {
        byte[] p = CommandPacketCodec.encode(1, LinkViewerToMacOpenFile.of(1, "x".repeat(400), Bytes.EMPTY));
        Layout.MessageLayout m = CommandPacketCodec.layout(p, Direction.C2S).messages().get(0);
        List<Integer> cuts = new Mutator(1).commandPacket(p, Direction.C2S).stream()
                .filter(mu -> mu.name().startsWith("truncate@")).map(mu -> mu.bytes().length()).toList();
        assertThat(cuts).hasSizeLessThan(p.length / 4).contains(0, 31, 32, p.length - 1);
        for (FieldSpan f : m.fields()) {
            assertThat(cuts).as(f.name()).contains(f.offset(), f.offset() + 1, f.end() - 1);
        }
    }
}
