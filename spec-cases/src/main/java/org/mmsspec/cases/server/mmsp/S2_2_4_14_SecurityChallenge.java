package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.nio.charset.StandardCharsets;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;

/** MS-MMSP 2.2.4.14: the BASIC SecurityChallenge a protected path gets. */
final class S2_2_4_14_SecurityChallenge {

    private static final Section CONNECTED_EX = Section.mmsp("2.2.4.2");
    private static final Section OPEN_FILE = Section.mmsp("3.2.5.6");

    private S2_2_4_14_SecurityChallenge() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.14", "LinkMacToViewerSecurityChallenge");
        g.add(1, MUST, "OpenFile with no credentials on a protected path is answered with SecurityChallenge")
                .covers("R1", "MMSP-3.2.5.6-R11").tags(ServerCase.AUTH).judgedBy(OPEN_FILE).run(ctx -> {
                    AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx));
                });
        g.add(2, MUST, "SecurityChallenge echoes the playIncarnation of the OpenFile it answers").covers("R2")
                .tags(ServerCase.AUTH).run(ctx -> {
                    var challenge = AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx));
                    ctx.mustEqual("playIncarnation of SecurityChallenge", AuthSteps.OPEN, challenge.playIncarnation());
                });
        g.add(3, MUST, "A BASIC challenge's pToken is UTF-16 [realm=\"...\"] and a NUL, cbToken its size in bytes")
                .covers("R4", "R5", "R6").tags(ServerCase.AUTH).run(ctx -> {
                    var challenge = AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx));
                    byte[] token = challenge.pToken().toArray();
                    ctx.mustEqual("cbToken", (long) token.length, challenge.cbToken());
                    String text = new String(token, StandardCharsets.UTF_16LE);
                    ctx.must(token.length % 2 == 0 && text.endsWith("\0"), "pToken ends with a UTF-16 NUL");
                    String body = text.substring(0, text.length() - 1);
                    ctx.must(body.isEmpty() || body.matches("realm=\"([^\"\\\\]|\\\\.)*\""),
                            "pToken is an optional realm=\"...\" before the NUL, not '" + body + "'");
                });
        g.add(4, SHOULD, "A BASIC challenge names its realm (realm=\"\" when none is configured)").covers("R7", "R8")
                .tags(ServerCase.AUTH).run(ctx -> {
                    var challenge = AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx));
                    String text = new String(challenge.pToken().toArray(), StandardCharsets.UTF_16LE);
                    ctx.should(text.startsWith("realm=\""), "pToken carries realm=, not '" + text.strip() + "'");
                });
        g.add(5, SHOULD, "Two challenges on two sessions carry different cookies").covers("R3")
                .tags(ServerCase.AUTH).run(ctx -> {
                    long first = AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx)).cookie();
                    long second = AuthSteps.challenged(ctx, AuthSteps.funnelled(ctx)).cookie();
                    ctx.should(first != second, String.format("both challenges carry cookie 0x%08X", first));
                });
        g.add(6, MUST, "A server that challenges announces BASIC or NTLM in ReportConnectedEX's AuthenPackage")
                .covers("MMSP-2.2.4.2-R23", "MMSP-2.2.4.2-R24").tags(ServerCase.AUTH).run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    AuthSteps.challenged(ctx, h);
                    String authen = h.connected().AuthenPackage();
                    ctx.check(CONNECTED_EX, MUST, authen.equals("BASIC") || authen.equals("NTLM"),
                            "AuthenPackage names the scheme of the challenge to come", "BASIC or NTLM", authen);
                });
        g.add(7, MUST, "OpenFile carrying good Basic credentials in tokenData is answered with ReportOpenFile hr 0, no"
                + " challenge").covers("MMSP-3.2.5.6-R9", "MMSP-3.2.5.6-R15").tags(ServerCase.AUTH).judgedBy(OPEN_FILE)
                .run(ctx -> {
                    Handshake h = AuthSteps.funnelled(ctx);
                    h.client().send(LinkViewerToMacOpenFile.of(AuthSteps.OPEN, ctx.requireAuth().endpoint().path(),
                            AuthSteps.good(ctx)));
                    var reply = h.client().expect(LinkMacToViewerReportOpenFile.class);
                    ctx.check(OPEN_FILE, MUST, reply.hr() == 0, "hr of ReportOpenFile for good credentials", "0",
                            Long.toHexString(reply.hr()));
                });
        return g;
    }
}
