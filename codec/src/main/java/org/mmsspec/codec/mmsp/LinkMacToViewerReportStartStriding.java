package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server's answer to StartStriding (MS-MMSP 2.2.4.11); playIncarnation echoes the request's. */
public record LinkMacToViewerReportStartStriding(long hr, long playIncarnation, long spare) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x0004000AL, "LinkMacToViewerReportStartStriding",
            "2.2.4.11", LinkMacToViewerReportStartStriding::decode);

    public static LinkMacToViewerReportStartStriding of(long hr, long playIncarnation) {
        return new LinkMacToViewerReportStartStriding(hr, playIncarnation, 0);
    }

    static LinkMacToViewerReportStartStriding decode(WireReader r) {
        return new LinkMacToViewerReportStartStriding(r.u32("hr"), r.u32("playIncarnation"), r.u32("spare"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(spare);
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("spare", 0, spare);
    }
}
