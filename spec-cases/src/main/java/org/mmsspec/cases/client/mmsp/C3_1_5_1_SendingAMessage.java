package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.server.mmsp.Transcript;

/** MS-MMSP 3.1.5.1 Sending a Message: one message per TcpMessageHeader packet. */
final class C3_1_5_1_SendingAMessage {

    private C3_1_5_1_SendingAMessage() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.1", "Sending a Message")
                .add(1, MUST, "the client puts each message in its own TcpMessageHeader packet, never two in one")
                .covers("R2", "R3")
                .check(ctx -> {
                    ctx.requireMmst();
                    for (Transcript t : ctx.mmstConnections()) {
                        for (Transcript.Entry e : t.entries()) {
                            if (e.header() != null) {
                                ctx.expect(e.messages().size() == 1, "connection #" + t.connection()
                                        + ", packet seq " + e.header().seq() + " carries " + e.messages().size()
                                        + " messages: " + e.messages());
                            }
                        }
                    }
                });
    }
}
