package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server refuses the client's funnel; hr says why (MS-MMSP 2.2.4.4). */
public record LinkMacToViewerReportDisconnectedFunnel(long hr, long playIncarnation) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040003L, "LinkMacToViewerReportDisconnectedFunnel",
            "2.2.4.4", LinkMacToViewerReportDisconnectedFunnel::decode);

    public static LinkMacToViewerReportDisconnectedFunnel of(long hr) {
        return new LinkMacToViewerReportDisconnectedFunnel(hr, 0);
    }

    static LinkMacToViewerReportDisconnectedFunnel decode(WireReader r) {
        return new LinkMacToViewerReportDisconnectedFunnel(r.u32("hr"), r.u32("playIncarnation"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("playIncarnation", 0, playIncarnation); // old servers: uninitialised (<9>)
    }
}
