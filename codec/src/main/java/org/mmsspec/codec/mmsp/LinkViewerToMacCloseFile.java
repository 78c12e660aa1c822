package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client ends the session (MS-MMSP 2.2.4.16). */
public record LinkViewerToMacCloseFile(long playIncarnation, long openFileId) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x0003000DL, "LinkViewerToMacCloseFile", "2.2.4.16",
            LinkViewerToMacCloseFile::decode);

    public static LinkViewerToMacCloseFile of(long openFileId) {
        return new LinkViewerToMacCloseFile(0, openFileId);
    }

    static LinkViewerToMacCloseFile decode(WireReader r) {
        return new LinkViewerToMacCloseFile(r.u32("playIncarnation"), r.u32("openFileId"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(openFileId);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("playIncarnation", 0, playIncarnation);
    }
}
