package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake.Stage;

/** MS-MMSP 2.2.4.13: LinkMacToViewerReportStreamSwitch, the reply to StreamSwitch. */
final class S2_2_4_13_ReportStreamSwitch {

    private S2_2_4_13_ReportStreamSwitch() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.13", "LinkMacToViewerReportStreamSwitch");
        g.add(1, MUST, "StreamSwitch selecting every stream is answered by a message with MID 0x00040021")
                .covers("R1").run(ctx -> ctx.handshake().upTo(Stage.STREAMS_SWITCHED));
        return g;
    }
}
