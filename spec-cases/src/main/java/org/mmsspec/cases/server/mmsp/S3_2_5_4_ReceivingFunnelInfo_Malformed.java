package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;

/** MS-MMSP 3.2.5.4 with bad input: FunnelInfo once a file is open. */
final class S3_2_5_4_ReceivingFunnelInfo_Malformed {

    private S3_2_5_4_ReceivingFunnelInfo_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.4", "Receiving a LinkViewerToMacFunnelInfo Message");
        g.add(50, MUST, "FunnelInfo after ReportOpenFile is refused").covers("MMSP-3.2.5.6-R17").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FILE_OPENED).client();
                    c.send(funnelInfo());
                    refused(ctx, c);
                });
        return g;
    }
}
