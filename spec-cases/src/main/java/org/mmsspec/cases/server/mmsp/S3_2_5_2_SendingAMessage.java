package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.mmsp.CommandPacket;

/** MS-MMSP 3.2.5.2: how the server frames what it sends, over the whole TCP sequence. */
final class S3_2_5_2_SendingAMessage {

    /** Data packets read after StartPlaying: enough to see the stream framed, few enough to stay quick. */
    private static final int DATA_PACKETS = 3;

    private S3_2_5_2_SendingAMessage() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.2", "Sending a Message");
        g.add(1, MUST, "Every reply of the TCP sequence comes framed in a TcpMessageHeader packet").covers("R2")
                .run(ctx -> {
                    var it = ctx.play().iterator();
                    for (int i = 0; i < DATA_PACKETS && it.hasNext(); i++) {
                        it.next();
                    }
                    for (TranscriptEntry e : received(ctx)) {
                        ctx.must(e.kind() != TranscriptEntry.Kind.RAW && e.decoded() != null,
                                "the server sent a unit that is no TcpMessageHeader packet or Data packet: "
                                        + e.headline());
                    }
                });
        g.add(2, SHOULD, "Each TcpMessageHeader packet carries one message, the three of TCP packet-pair too")
                .covers("R3").run(ctx -> {
                    ReplySteps.funnelInfo(ctx.mmst(), ReplySteps.PACKET_PAIR, ReplySteps.TCP_PAIR);
                    ctx.play();
                    for (TranscriptEntry e : received(ctx)) {
                        if (e.decoded() instanceof CommandPacket p) {
                            ctx.should(p.messages().size() == 1, "a packet combines " + p.messages().size()
                                    + " messages: " + e.headline());
                        }
                    }
                });
        return g;
    }

    /** What the server sent on every connection of the case. */
    private static Iterable<TranscriptEntry> received(CaseContext ctx) {
        return ctx.transcripts().stream().flatMap(r -> r.transcript().entries().stream())
                .filter(e -> e.direction() == Direction.S2C)::iterator;
    }
}
