package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server accepts the client's funnel (MS-MMSP 2.2.4.3). The spec does not say whether funnelName carries a NUL;
 * it is read to the first NUL or the end of the message, and written with one (fact sheet, open question).
 */
public record LinkMacToViewerReportConnectedFunnel(long hr, long playIncarnation, long packetPayloadSize,
        String funnelName) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040002L, "LinkMacToViewerReportConnectedFunnel",
            "2.2.4.3", LinkMacToViewerReportConnectedFunnel::decode);

    public static final String FUNNEL_NAME = "Funnel Of The Gods";

    public static LinkMacToViewerReportConnectedFunnel of() {
        return new LinkMacToViewerReportConnectedFunnel(0, 0, 0, FUNNEL_NAME);
    }

    static LinkMacToViewerReportConnectedFunnel decode(WireReader r) {
        return new LinkMacToViewerReportConnectedFunnel(r.u32("hr"), r.u32("playIncarnation"),
                r.u32("packetPayloadSize"), r.utf16z("funnelName", null));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(packetPayloadSize).utf16z(funnelName);
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("hr", 0, hr);
        // old servers left these two uninitialised (<6>, <7>); the spec keeps them at SHOULD
        c.shouldEqual("playIncarnation", 0, playIncarnation);
        c.shouldEqual("packetPayloadSize", 0, packetPayloadSize);
        // Windows 2000 sent "Funnel Of The " (<8>), which the MUST still rejects
        c.must("funnelName", FUNNEL_NAME.equals(funnelName), '"' + FUNNEL_NAME + '"', '"' + funnelName + '"');
    }
}
