package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client asks the server to stop sending Data packets (MS-MMSP 2.2.4.27). */
public record LinkViewerToMacStopPlaying(long openFileId, long playIncarnation) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030009L, "LinkViewerToMacStopPlaying", "2.2.4.27",
            LinkViewerToMacStopPlaying::decode);

    static LinkViewerToMacStopPlaying decode(WireReader r) {
        return new LinkViewerToMacStopPlaying(r.u32("openFileId"), r.u32("playIncarnation"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(openFileId).u32(playIncarnation);
    }

    @Override
    public void check(Checks c) {
        // it must echo the last StartPlaying/StartStriding playIncarnation, and those are 1..0xFE
        Incarnation.check(c, playIncarnation);
    }
}
