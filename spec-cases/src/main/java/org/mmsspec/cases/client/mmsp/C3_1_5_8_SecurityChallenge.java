package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mmsspec.cases.client.Attempt;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;

/**
 * MS-MMSP 3.1.5.8 Receiving a LinkMacToViewerSecurityChallenge Message: the content is protected by BASIC (announced
 * in ReportConnectedEX, challenged on OpenFile); a client that has credentials answers with them.
 */
final class C3_1_5_8_SecurityChallenge {

    static final String USER = "viewer";
    static final String PASSWORD = "secret";

    private C3_1_5_8_SecurityChallenge() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.8", "Receiving a LinkMacToViewerSecurityChallenge Message")
                .add(1, MUST, "a SecurityChallenge on OpenFile is answered with LinkViewerToMacSecurityResponse"
                        + " (the URL carries user:password@)")
                .covers("R9", "R11")
                .tags(ClientCase.CREDENTIALS_IN_URL)
                .server(b -> b.credentials(USER, PASSWORD))
                .until(ctx -> ctx.hasSent(LinkViewerToMacSecurityResponse.class) || ctx.sessionOver())
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    ctx.expect(ctx.hasSent(LinkViewerToMacSecurityResponse.class), "the client did not answer"
                            + " the SecurityChallenge; after OpenFile it sent "
                            + Handling.namesAfter(ctx, LinkViewerToMacOpenFile.class));
                })
                .add(2, MUST, "the SecurityResponse to a BASIC challenge carries the URL's user and password as"
                        + " Basic credentials")
                .covers("R5", "R10", "MMSP-2.2.4.24-R5")
                .tags(ClientCase.CREDENTIALS_IN_URL)
                .server(b -> b.credentials(USER, PASSWORD))
                .until(ctx -> ctx.hasSent(LinkViewerToMacSecurityResponse.class) || ctx.sessionOver())
                .check(ctx -> {
                    LinkViewerToMacSecurityResponse r = ctx.require(LinkViewerToMacSecurityResponse.class);
                    String token = new String(r.pToken().toArray(), StandardCharsets.ISO_8859_1)
                            .replaceAll("\u0000+$", "").trim().replaceFirst("(?i)^basic\\s+", "");
                    String plain;
                    try {
                        plain = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        plain = "(not base64: " + token + ")";
                    }
                    ctx.expectEqual("Basic credentials in pToken", USER + ":" + PASSWORD, plain);
                })
                .add(3, SHOULD, "with no credentials to give, the client stops on the challenge: it does not roll"
                        + " over to another protocol")
                .covers("R11")
                .erratum("MS-MMSP leaves what a client without credentials does to its higher layer; a player that"
                        + " rolls over to MMSH or RTSP after an authentication failure only meets the same challenge"
                        + " again, and WMP does not (the rollover rules of the Windows Media Format SDK).")
                .schemes(Scheme.MMST, Scheme.MMS)
                .server(b -> b.credentials(USER, PASSWORD))
                .until(Handling::closedOrBoundOver)
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    long challenged = ctx.sent().stream().filter(s -> s.message() instanceof LinkViewerToMacOpenFile)
                            .findFirst().orElseThrow().connection();
                    var other = ctx.attempts().stream().filter(a -> a.connection() > challenged
                            && a.kind() != Attempt.Kind.MMST && a.kind() != Attempt.Kind.MMSU).toList();
                    ctx.expect(other.isEmpty(), "after the challenge the client rolled over: it tried "
                            + ctx.attempts());
                });
    }
}
