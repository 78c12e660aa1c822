package org.mmsspec.codec.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

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
}
