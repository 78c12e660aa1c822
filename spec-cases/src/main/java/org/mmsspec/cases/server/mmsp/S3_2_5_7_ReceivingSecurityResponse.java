package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkMacToViewerSecurityChallenge;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 3.2.5.7: SecurityResponse with good credentials opens the file; bad ones get another challenge. */
final class S3_2_5_7_ReceivingSecurityResponse {

    private static final Section OPEN_FILE_REPLY = Section.mmsp("2.2.4.7");
    /** Bad responses sent before concluding the server would let a wrong password through. */
    private static final int ATTEMPTS = 5;

    private S3_2_5_7_ReceivingSecurityResponse() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.7", "Receiving a LinkViewerToMacSecurityResponse Message");
        g.add(1, MUST, "SecurityResponse with good credentials and the challenge's cookie: ReportOpenFile, hr 0")
                .covers("R3", "R8").tags(ServerCase.AUTH).run(ctx -> {
                    var reply = goodResponse(ctx, AuthSteps.funnelled(ctx));
                    ctx.mustEqual("hr of ReportOpenFile after good credentials", 0L, reply.hr());
                });
        g.add(2, MUST, "ReportOpenFile after a SecurityResponse echoes the response's playIncarnation")
                .covers("MMSP-2.2.4.7-R2", "R8").tags(ServerCase.AUTH).run(ctx -> {
                    var reply = goodResponse(ctx, AuthSteps.funnelled(ctx));
                    ctx.check(OPEN_FILE_REPLY, MUST, reply.playIncarnation() == AuthSteps.RESPOND,
                            "playIncarnation of ReportOpenFile echoes SecurityResponse's",
                            Long.toString(AuthSteps.RESPOND), Long.toString(reply.playIncarnation()));
                });
        g.add(3, MUST, "After authentication the openFileId given is the file's: ReadBlock gets the header and the file"
                + " plays").covers("R9", "R10").tags(ServerCase.AUTH).run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    long id = goodResponse(ctx, h).openFileId();
                    var c = h.client();
                    c.send(LinkViewerToMacReadBlock.of(id, 2));
                    c.expect(LinkMacToViewerReportReadBlock.class);
                    var header = c.readHeader();
                    c.send(SessionSteps.selectAll(header));
                    c.expect(LinkMacToViewerReportStreamSwitch.class);
                    c.send(LinkViewerToMacStartPlaying.of(id, 0, SessionSteps.PLAY));
                    c.expect(LinkMacToViewerReportStartedPlaying.class);
                    SessionSteps.nextData(c);
                });
        g.add(4, MUST, "SecurityResponse with a wrong password is answered with a new SecurityChallenge")
                .covers("R4", "R7").tags(ServerCase.AUTH).run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    AuthSteps.respond(h, AuthSteps.challenged(ctx, h), AuthSteps.bad(ctx));
                    h.client().expect(LinkMacToViewerSecurityChallenge.class);
                });
        g.add(5, MUST, "A wrong password, then good credentials to the second challenge: ReportOpenFile, hr 0")
                .covers("R7", "R8").tags(ServerCase.AUTH).run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    AuthSteps.respond(h, AuthSteps.challenged(ctx, h), AuthSteps.bad(ctx));
                    var again = h.client().expect(LinkMacToViewerSecurityChallenge.class);
                    AuthSteps.respond(h, again, AuthSteps.good(ctx));
                    var reply = h.client().expect(LinkMacToViewerReportOpenFile.class);
                    ctx.mustEqual("hr of ReportOpenFile after good credentials", 0L, reply.hr());
                });
        g.add(6, MUST, "Wrong passwords again and again never open the file: each reply is a challenge, an error hr or"
                + " a close").covers("R3").tags(ServerCase.AUTH).run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    var challenge = AuthSteps.challenged(ctx, h);
                    for (int i = 0; i < ATTEMPTS; i++) {
                        AuthSteps.respond(h, challenge, AuthSteps.bad(ctx));
                        Outcome o = h.client().receive();
                        if (!(o instanceof Outcome.Received r)) {
                            return; // closed (or silent): the file was not opened
                        }
                        var opened = r.message(LinkMacToViewerReportOpenFile.class);
                        ctx.must(opened.isEmpty() || opened.get().hr() != 0,
                                "ReportOpenFile hr 0 after wrong password number " + (i + 1));
                        if (opened.isPresent()) {
                            return;
                        }
                        var next = r.message(LinkMacToViewerSecurityChallenge.class);
                        ctx.must(next.isPresent() || CaseContext.hr(r) != 0,
                                "a wrong password got neither a challenge nor an error: " + r.summary());
                        if (next.isEmpty()) {
                            return;
                        }
                        challenge = next.get();
                    }
                });
        return g;
    }

    /** OpenFile without credentials, the challenge, and a SecurityResponse with good credentials. */
    private static LinkMacToViewerReportOpenFile goodResponse(CaseContext ctx, Handshake h) {
        AuthSteps.respond(h, AuthSteps.challenged(ctx, h), AuthSteps.good(ctx));
        return h.client().expect(LinkMacToViewerReportOpenFile.class);
    }
}
