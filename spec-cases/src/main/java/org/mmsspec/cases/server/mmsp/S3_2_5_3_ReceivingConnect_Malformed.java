package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** MS-MMSP 3.2.5.3 with bad input: a second Connect, and Connects whose subscriberName is no valid string. */
final class S3_2_5_3_ReceivingConnect_Malformed {

    private static final long CONNECT = LinkViewerToMacConnect.TYPE.mid();

    private S3_2_5_3_ReceivingConnect_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.3", "Receiving a LinkViewerToMacConnect Message");
        g.add(50, MUST, "a second Connect after ReportConnectedEX is refused").covers("R10").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.send(connect());
                    refused(ctx, c);
                });
        g.add(51, MUST, "Connect whose subscriberName runs to the message's end without a NUL is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    // 12 fixed bytes + 2n name bytes fill whole 8-byte units when n % 4 == 2: no padding, no NUL
                    StringBuilder name = new StringBuilder(MmstClient.NSPLAYER);
                    while (name.length() % 4 != 2) {
                        name.append('1');
                    }
                    MmstClient c = ctx.mmst();
                    c.send(raw(CONNECT, connectBody(units(name.toString()))));
                    refused(ctx, c);
                });
        g.add(52, MUST, "Connect whose subscriberName holds an unpaired surrogate (0xD800) is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(raw(CONNECT, connectBody(units(MmstClient.NSPLAYER + "\uD800\0"))));
                    refused(ctx, c);
                });
        g.add(53, MUST, "Connect cut to chunkLen 2, too short for its revisions and subscriberName, is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(raw(CONNECT, new byte[8])); // playIncarnation and one revision, then the message ends
                    refused(ctx, c);
                });
        return g;
    }
}
