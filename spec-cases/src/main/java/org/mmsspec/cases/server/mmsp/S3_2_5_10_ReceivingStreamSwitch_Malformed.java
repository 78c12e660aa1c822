package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** MS-MMSP 3.2.5.10 with bad input: StreamSwitch before there is a file, and a count that lies. */
final class S3_2_5_10_ReceivingStreamSwitch_Malformed {

    private S3_2_5_10_ReceivingStreamSwitch_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.10", "Receiving a LinkViewerToMacStreamSwitch Message");
        g.add(50, MUST, "StreamSwitch after ReportConnectedFunnel, before any OpenFile, is refused")
                .covers("R2", "MMSP-3.2.5.5-R9").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
                    c.send(LinkViewerToMacStreamSwitch.of(StreamSwitchEntry.on(1)));
                    refused(ctx, c);
                });
        g.add(51, MUST, "StreamSwitch whose cStreamEntries says 100 where one entry follows is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
                    int stream = h.header().streamNumbers().iterator().next();
                    h.client().send(new LinkViewerToMacStreamSwitch(100, List.of(StreamSwitchEntry.on(stream))));
                    refused(ctx, h.client());
                });
        return g;
    }
}
