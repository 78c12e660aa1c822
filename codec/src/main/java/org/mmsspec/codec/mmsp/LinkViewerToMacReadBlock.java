package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client asks for the ASF file header (MS-MMSP 2.2.4.23). */
public record LinkViewerToMacReadBlock(long openFileId, long fileBlockId, long offset, long length, long flags,
        long padding, double tEarliest, double tDeadline, long playIncarnation, long playSequence)
        implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030015L, "LinkViewerToMacReadBlock", "2.2.4.23",
            LinkViewerToMacReadBlock::decode);

    /** The ReadBlock the spec asks for: whole header, length 0x8000, flags 0xFFFFFFFF, deadline 3600 s. */
    public static LinkViewerToMacReadBlock of(long openFileId, long playIncarnation) {
        return new LinkViewerToMacReadBlock(openFileId, 0, 0, 0x8000, 0xFFFFFFFFL, 0, 0.0, 3600.0, playIncarnation,
                0);
    }

    static LinkViewerToMacReadBlock decode(WireReader r) {
        return new LinkViewerToMacReadBlock(r.u32("openFileId"), r.u32("fileBlockId"), r.u32("offset"),
                r.u32("length"), r.u32("flags"), r.u32("padding"), r.f64("tEarliest"), r.f64("tDeadline"),
                r.u32("playIncarnation"), r.u32("playSequence"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(openFileId).u32(fileBlockId).u32(offset).u32(length).u32(flags).u32(padding).f64(tEarliest)
                .f64(tDeadline).u32(playIncarnation).u32(playSequence);
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("fileBlockId", 0, fileBlockId);
        c.mustEqual("offset", 0, offset);
        c.shouldEqual("length", 0x8000, length);
        c.mustEqual("flags", 0xFFFFFFFFL, flags);
        c.shouldEqual("padding", 0, padding);
        c.mustEqual("tEarliest", 0.0, tEarliest);
        c.mustEqual("tDeadline", 3600.0, tDeadline);
        c.must("playIncarnation", playIncarnation >= 1 && playIncarnation <= 0xFE, "0x1 to 0xFE",
                Checks.hex(playIncarnation));
        c.mustEqual("playSequence", 0, playSequence);
    }
}
