package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server's answer to StreamSwitch (MS-MMSP 2.2.4.13): only an hr. */
public record LinkMacToViewerReportStreamSwitch(long hr) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040021L, "LinkMacToViewerReportStreamSwitch",
            "2.2.4.13", LinkMacToViewerReportStreamSwitch::decode);

    public static LinkMacToViewerReportStreamSwitch of(long hr) {
        return new LinkMacToViewerReportStreamSwitch(hr);
    }

    static LinkMacToViewerReportStreamSwitch decode(WireReader r) {
        return new LinkMacToViewerReportStreamSwitch(r.u32("hr"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr);
    }

    @Override
    public void check(Checks c) {
        // any HRESULT is allowed
    }
}
