package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkMacToViewerSecurityChallenge;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;

/** MS-MMSP 3.2.5.7 with bad input: a SecurityResponse no challenge asked for, or with another cookie. */
final class S3_2_5_7_ReceivingSecurityResponse_Malformed {

    private S3_2_5_7_ReceivingSecurityResponse_Malformed() {
    }

    /** Basic credentials as pToken carries them: base64 of user:password, then a NUL. */
    private static Bytes basic(Target.Auth a) {
        String b64 = Base64.getEncoder().encodeToString((a.user() + ":" + a.password())
                .getBytes(StandardCharsets.UTF_8));
        return Bytes.copyOf((b64 + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.7", "Receiving a LinkViewerToMacSecurityResponse Message");
        g.add(50, MUST, "SecurityResponse after ReportOpenFile, when no SecurityChallenge was sent, is refused")
                .covers("MMSP-3.2.5.6-R17").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FILE_OPENED).client();
                    c.send(LinkViewerToMacSecurityResponse.of(Handshake.OPEN_INCARNATION, 0,
                            Bytes.copyOf("dXNlcjp4\0".getBytes(StandardCharsets.US_ASCII)))); // Basic user:x
                    refused(ctx, c);
                });
        g.add(51, MUST, "SecurityResponse with the right credentials but another cookie than the challenge's is "
                + "refused")
                .covers("R3").tags(NEGATIVE, ServerCase.AUTH).run(ctx -> {
                    Target.Auth auth = ctx.requireAuth();
                    MmstClient c = ctx.handshake(auth.endpoint()).upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION, auth.endpoint().path(), Bytes.EMPTY));
                    var challenge = c.expect(LinkMacToViewerSecurityChallenge.class);
                    c.send(LinkViewerToMacSecurityResponse.of(challenge.playIncarnation(),
                            (challenge.cookie() + 1) & 0xFFFFFFFFL, basic(auth)));
                    refused(ctx, c);
                });
        return g;
    }
}
