package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import java.nio.charset.StandardCharsets;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;

/** MS-MMSP 3.2.5.7 with bad input: a SecurityResponse no challenge asked for. */
final class S3_2_5_7_ReceivingSecurityResponse_Malformed {

    private S3_2_5_7_ReceivingSecurityResponse_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.7", "Receiving a LinkViewerToMacSecurityResponse Message");
        g.add(50, MUST, "SecurityResponse after ReportOpenFile, when no SecurityChallenge was sent, is refused")
                .covers("MMSP-3.2.5.6-R17").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FILE_OPENED).client();
                    c.send(LinkViewerToMacSecurityResponse.of(Handshake.OPEN_INCARNATION, 0,
                            Bytes.copyOf("dXNlcjp4\0".getBytes(StandardCharsets.US_ASCII))));
                    refused(ctx, c);
                });
        return g;
    }
}
