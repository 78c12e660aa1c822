package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server moves to the next entry of a server-side playlist (MS-MMSP 2.2.4.12). */
public record LinkMacToViewerReportStreamChange(long hr, long dwTcpHdrIncarnation, long cbPacketSize,
        long cbHeaderSize, long dwBitRate, long dwStreamId) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040020L, "LinkMacToViewerReportStreamChange",
            "2.2.4.12", LinkMacToViewerReportStreamChange::decode);

    public static final long TCP_HDR_INCARNATION = 0xFF;

    public static LinkMacToViewerReportStreamChange of(long cbPacketSize, long cbHeaderSize, long dwBitRate) {
        return new LinkMacToViewerReportStreamChange(0, TCP_HDR_INCARNATION, cbPacketSize, cbHeaderSize, dwBitRate, 0);
    }

    static LinkMacToViewerReportStreamChange decode(WireReader r) {
        return new LinkMacToViewerReportStreamChange(r.u32("hr"), r.u32("dwTcpHdrIncarnation"), r.u32("cbPacketSize"),
                r.u32("cbHeaderSize"), r.u32("dwBitRate"), r.u32("dwStreamId"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(dwTcpHdrIncarnation).u32(cbPacketSize).u32(cbHeaderSize).u32(dwBitRate).u32(dwStreamId);
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("hr", 0, hr);
        c.mustEqual("dwTcpHdrIncarnation", TCP_HDR_INCARNATION, dwTcpHdrIncarnation);
        c.shouldEqual("dwStreamId", 0, dwStreamId); // many old peers: uninitialised (<12>)
    }
}
