package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.scenario.Faults;

/**
 * MS-MMSP 3.1.5.12 Receiving a Data Packet Containing an ASF File Header: the header is complete at the Data packet
 * whose AFFlags is 0x08 or 0x0C. The server side (2.2.2) names only 0x0C; a client must take both (erratum 7).
 */
final class C3_1_5_12_AsfHeader {

    /** Longer than the shortest Header timer (1 s, 3.1.2): a timer left running would have fired by then. */
    private static final Duration HEADER_TIMER = Duration.ofMillis(1500);

    private C3_1_5_12_AsfHeader() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.12", "Receiving a Data Packet Containing an ASF File Header")
                .add(1, MUST, "the last header Data packet has AFFlags 0x08: the header is complete, the client goes"
                        + " on to StartPlaying and plays to the end")
                .covers("R4", "R12")
                .server(b -> b.faults(Faults.NONE.withHeaderLastFlag(0x08)))
                .check(Handling::playedToTheEnd)
                .add(2, MUST, "the last header Data packet has AFFlags 0x0C: the header is complete, the client goes"
                        + " on to StartPlaying and plays to the end")
                .covers("R4", "R12")
                .check(Handling::playedToTheEnd)
                .add(3, MUST, "over UDP, a header complete at AFFlags 0x08 stops the Header timer: no"
                        + " CancelReadBlock and no second ReadBlock follow")
                .covers("R8", "MMSP-3.1.6.1-R1", "MMSP-3.1.6.1-R2")
                .schemes(Scheme.MMSU)
                .server(b -> b.faults(Faults.NONE.withHeaderLastFlag(0x08)))
                .until(ctx -> ctx.since(What.STREAMING, HEADER_TIMER) || ctx.sessionOver())
                .check(ctx -> {
                    ctx.require(LinkViewerToMacReadBlock.class);
                    ctx.expect(!ctx.hasSent(LinkViewerToMacCancelReadBlock.class)
                            && ctx.all(LinkViewerToMacReadBlock.class).size() == 1, "the client asked for the header"
                            + " again after it had come whole: it sent " + ctx.names());
                    ctx.expect(ctx.streaming(), "the client never went on to streaming; it sent " + ctx.names());
                });
    }
}
