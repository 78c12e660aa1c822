package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;

/** MS-MMSP 2.2.4.11: the reply to StartStriding. */
final class S2_2_4_11_ReportStartStriding {

    private S2_2_4_11_ReportStartStriding() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.11", "LinkMacToViewerReportStartStriding");
        g.add(1, MUST, "StartStriding in READY is answered with ReportStartStriding, hr 0").covers("R1").run(ctx -> {
            var reply = Striding.start(Striding.ready(ctx), 0);
            ctx.mustEqual("hr of ReportStartStriding", 0L, reply.hr());
        });
        g.add(2, MUST, "ReportStartStriding echoes StartStriding's playIncarnation").covers("R2").run(ctx -> {
            var reply = Striding.start(Striding.ready(ctx), 0);
            ctx.mustEqual("playIncarnation of ReportStartStriding", Striding.INC, reply.playIncarnation());
        });
        g.add(3, MUST, "ReportStartStriding's spare is 0").covers("R3").run(ctx -> {
            var reply = Striding.start(Striding.ready(ctx), 0);
            ctx.mustEqual("spare of ReportStartStriding", 0L, reply.spare());
        });
        return g;
    }
}
