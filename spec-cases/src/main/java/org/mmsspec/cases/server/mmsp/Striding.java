package org.mmsspec.cases.server.mmsp;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;

/** StartStriding (fast forward) on a file that allows it. */
final class Striding {

    static final long INC = 0x4C;
    /** Twice the normal rate: within the allowed -5..5 and not 0 (MS-MMSP 2.2.4.26). */
    static final double RATE = 2.0;

    private Striding() {
    }

    /** A READY session (streams selected) on a file whose ReportOpenFile says it can be strided. */
    static Handshake ready(CaseContext ctx) {
        Handshake h = SessionSteps.ready(ctx);
        requireStride(ctx, h);
        return h;
    }

    static void requireStride(CaseContext ctx, Handshake h) {
        if ((h.openFileReply().fileAttributes() & LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSTRIDE) == 0) {
            ctx.skip("ReportOpenFile does not set FILE_ATTRIBUTE_MMS_CANSTRIDE for the media");
        }
    }

    /** StartStriding from {@code locationId} (0: the start), and its reply. */
    static LinkMacToViewerReportStartStriding start(Handshake h, long locationId) {
        h.client().send(locationId == 0
                ? LinkViewerToMacStartStriding.of(h.openFileId(), 0, INC, RATE)
                : new LinkViewerToMacStartStriding(h.openFileId(), 0, SessionSteps.BY_OFFSET_OR_LOCATION,
                        SessionSteps.NOT_USED, locationId, 0, INC, RATE));
        return h.client().expect(LinkMacToViewerReportStartStriding.class);
    }
}
