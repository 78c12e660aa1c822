package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client cancels the header it asked for with ReadBlock (MS-MMSP 2.2.4.15). */
public record LinkViewerToMacCancelReadBlock(long playIncarnation) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030025L, "LinkViewerToMacCancelReadBlock", "2.2.4.15",
            LinkViewerToMacCancelReadBlock::decode);

    static LinkViewerToMacCancelReadBlock decode(WireReader r) {
        return new LinkViewerToMacCancelReadBlock(r.u32("playIncarnation"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation);
    }

    @Override
    public void check(Checks c) {
        // it must echo a ReadBlock's playIncarnation, and those are 1..0xFE
        Incarnation.check(c, playIncarnation);
    }
}
