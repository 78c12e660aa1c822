package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server's answer to StartPlaying (MS-MMSP 2.2.4.10). tigerFileId SHOULD repeat the openFileId (Windows also
 * sends 0, <11>) and playIncarnation echoes the request: only a session can judge them.
 */
public record LinkMacToViewerReportStartedPlaying(long hr, long playIncarnation, long tigerFileId, long unused1,
        Bytes unused2) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040005L, "LinkMacToViewerReportStartedPlaying",
            "2.2.4.10", LinkMacToViewerReportStartedPlaying::decode);

    public static final int UNUSED2_SIZE = 12;

    public static LinkMacToViewerReportStartedPlaying of(long hr, long playIncarnation, long openFileId) {
        return new LinkMacToViewerReportStartedPlaying(hr, playIncarnation, openFileId, 0,
                Bytes.copyOf(new byte[UNUSED2_SIZE]));
    }

    static LinkMacToViewerReportStartedPlaying decode(WireReader r) {
        return new LinkMacToViewerReportStartedPlaying(r.u32("hr"), r.u32("playIncarnation"), r.u32("tigerFileId"),
                r.u32("unused1"), r.bytes("unused2", UNUSED2_SIZE));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(tigerFileId).u32(unused1).bytes(unused2);
    }

    @Override
    public void check(Checks c) {
        c.mustHex("unused1", unused1 == 0 || unused1 == 0x40000000L, "0x0 or 0x40000000", unused1);
        c.must("unused2", unused2.length() == UNUSED2_SIZE && unused2.isAllZero(), "12 zero bytes", unused2.hex());
    }
}
