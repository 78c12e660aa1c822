package org.mmsspec.cases.server.mmsp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.Handshake;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkMacToViewerSecurityChallenge;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;

/** BASIC authentication as MS-MMSP 3.1.5.8 has a client do it, against the target's protected path. */
final class AuthSteps {

    /** playIncarnation of the OpenFile that gets challenged, and of the SecurityResponses after it. */
    static final long OPEN = 0x21;
    static final long RESPOND = 0x22;

    private AuthSteps() {
    }

    /** A fresh session on the protected path, funnel connected, no file open yet. */
    static Handshake funnelled(CaseContext ctx) {
        return ctx.handshake(ctx.requireAuth().endpoint()).upTo(Handshake.Stage.FUNNEL_CONNECTED);
    }

    /** OpenFile with no credentials, which must be challenged. */
    static LinkMacToViewerSecurityChallenge challenged(CaseContext ctx, Handshake h) {
        h.client().send(LinkViewerToMacOpenFile.of(OPEN, ctx.requireAuth().endpoint().path(), Bytes.EMPTY));
        return h.client().expect(LinkMacToViewerSecurityChallenge.class);
    }

    /** Basic credentials as a token: base64 of user:password in ASCII, NUL-terminated (MS-MMSP 2.2.4.24). */
    static Bytes basic(String user, String password) {
        String b64 = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Bytes.copyOf((b64 + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    static Bytes good(CaseContext ctx) {
        Target.Auth a = ctx.requireAuth();
        return basic(a.user(), a.password());
    }

    static Bytes bad(CaseContext ctx) {
        return basic(ctx.requireAuth().user(), "not-" + ctx.requireAuth().password());
    }

    /** SecurityResponse to {@code challenge}, echoing its cookie. */
    static void respond(Handshake h, LinkMacToViewerSecurityChallenge challenge, Bytes token) {
        h.client().send(LinkViewerToMacSecurityResponse.of(RESPOND, challenge.cookie(), token));
    }
}
