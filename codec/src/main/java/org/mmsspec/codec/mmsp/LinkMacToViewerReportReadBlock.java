package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server's answer to ReadBlock (MS-MMSP 2.2.4.8); playIncarnation echoes the ReadBlock's. */
public record LinkMacToViewerReportReadBlock(long hr, long playIncarnation, long playSequence)
        implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040011L, "LinkMacToViewerReportReadBlock", "2.2.4.8",
            LinkMacToViewerReportReadBlock::decode);

    public static LinkMacToViewerReportReadBlock of(long hr, long playIncarnation) {
        return new LinkMacToViewerReportReadBlock(hr, playIncarnation, 0);
    }

    static LinkMacToViewerReportReadBlock decode(WireReader r) {
        return new LinkMacToViewerReportReadBlock(r.u32("hr"), r.u32("playIncarnation"), r.u32("playSequence"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(playSequence);
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("playSequence", 0, playSequence);
    }
}
