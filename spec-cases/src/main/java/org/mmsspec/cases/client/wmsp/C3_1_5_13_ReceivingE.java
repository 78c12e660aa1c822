package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Instant;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsh.RequestType;

/** MS-WMSP 3.1.5.13 Receiving a $E: a Reason of 0 ends the content; the client is IDLE, not playing again. */
final class C3_1_5_13_ReceivingE {

    private C3_1_5_13_ReceivingE() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.13", "ReceivingE")
                .add(1, MUST, "after $E with Reason 0 the client is idle: it sends no new Play or Describe")
                .covers("R2", "R3").schemes(Scheme.MMSH)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    Instant end = ctx.events().stream().filter(e -> e.connection() == play.connection()
                            && e.what() == What.END_OF_STREAM).map(ConnectionEvent::time).findFirst()
                            .orElseThrow(() -> ctx.skip("the client left before the final $E (C-WMSP-3.1.5.12-01)"));
                    var again = ctx.mmshRequests().stream().filter(r -> r.connection() > play.connection()
                            && (r.type() == RequestType.PLAY || r.type() == RequestType.DESCRIBE)).toList();
                    ctx.expect(again.isEmpty(), "after the $E 0 at " + end + " the client asked again: "
                            + again.stream().map(Mmsh::line).toList());
                });
    }
}
