package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The end of the current playlist entry, or the answer to StopPlaying (MS-MMSP 2.2.4.5). playIncarnation echoes a
 * client message, which only a session can judge.
 */
public record LinkMacToViewerReportEndOfStream(long hr, long playIncarnation) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x0004001EL, "LinkMacToViewerReportEndOfStream", "2.2.4.5",
            LinkMacToViewerReportEndOfStream::decode);

    /** hr: the entry ended (or StopPlaying was done). */
    public static final long END_OF_ENTRY = 0;
    /** hr: the entry ended and a ReportStreamChange follows. */
    public static final long STREAM_CHANGE_FOLLOWS = 1;

    public static LinkMacToViewerReportEndOfStream of(long hr, long playIncarnation) {
        return new LinkMacToViewerReportEndOfStream(hr, playIncarnation);
    }

    static LinkMacToViewerReportEndOfStream decode(WireReader r) {
        return new LinkMacToViewerReportEndOfStream(r.u32("hr"), r.u32("playIncarnation"));
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
        // any hr is meaningful (MS-ERREF), and playIncarnation is an echo: nothing to judge alone
    }
}
