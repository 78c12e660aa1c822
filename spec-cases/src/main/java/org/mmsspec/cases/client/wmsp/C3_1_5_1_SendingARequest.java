package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Objects;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.mmsh.RecordedRequest;

/** MS-WMSP 3.1.5.1: what every request carries (User-Agent, xClientGUID, client-id). */
final class C3_1_5_1_SendingARequest {

    private C3_1_5_1_SendingARequest() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.1", "SendingARequest")
                .add(1, MUST, "every request, the Describe and the Play, carries a User-Agent header")
                .covers("R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        ctx.expect(r.header("User-Agent") != null, Mmsh.line(r) + " has no User-Agent");
                    }
                })
                .add(2, SHOULD, "every request carries an xClientGUID token on a Pragma header")
                .covers("R4").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        ctx.expect(r.pragma().has("xClientGUID"), Mmsh.line(r) + " has no xClientGUID; Pragma "
                                + Mmsh.pragmaLines(r));
                    }
                })
                .add(3, MUST, "the Describe and the Play name the same xClientGUID")
                .covers("R5", "WMSP-2.2.1.4.33-R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    List<String> guids = ctx.requireMmsh().stream()
                            .map(r -> r.pragma().get("xClientGUID").orElse(null)).filter(Objects::nonNull)
                            .distinct().toList();
                    if (guids.isEmpty()) {
                        ctx.skip("the client sent no xClientGUID (judged by C-WMSP-3.1.5.1-02)");
                    }
                    Mmsh.play(ctx);
                    ctx.expect(guids.size() == 1, "one session, several xClientGUIDs: " + guids);
                })
                .add(4, MUST, "the Play echoes the client-id the Describe response's Pragma gave")
                .covers("R6", "R7", "WMSP-3.1.5.3-R3").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .erratum("FFmpeg, VLC, MPlayer, xine and libmms send no client-id: a real server then opens a new"
                        + " session for the Play (xResetStrm=1 where one was named). The spec's MUST stands.")
                .check(ctx -> {
                    Mmsh.describe(ctx);
                    RecordedRequest play = Mmsh.play(ctx);
                    String sent = play.pragma().get("client-id").orElse(null);
                    ctx.expect(sent != null, "the Play carries no client-id; its Pragma lines are "
                            + Mmsh.pragmaLines(play));
                    // the server keeps a session only for a client-id it gave: any other one gets a new session
                    String kept = ctx.events().stream().filter(e -> e.connection() == play.connection()
                            && e.what() == What.STREAMING).map(e -> e.detail().split(" ")[0]).findFirst()
                            .orElse("no session");
                    ctx.expectEqual("the Play's client-id against the session the server kept", kept,
                            "client-id=" + sent);
                });
    }
}
