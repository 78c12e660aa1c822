package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.UnknownMessage;

/** MS-MMSP 2.2.4: the chunkLen, MID and padding every client message shares. */
final class C2_2_4_MessageTypes {

    private C2_2_4_MessageTypes() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4", "Message Types")
                .add(1, MUST, "each message's chunkLen counts its fields plus the padding to the next 8-byte unit")
                .covers("R2", "R3")
                .check(ctx -> ctx.judgeFields("chunkLen"))
                .add(2, MUST, "every message carries a client-to-server MID (high word 0x0003) of a known type")
                .check(ctx -> {
                    ctx.requireMmst();
                    ctx.expect(!ctx.hasSent(UnknownMessage.class), "a message of no known type: "
                            + ctx.all(UnknownMessage.class));
                    ctx.judgeFields("MID");
                })
                .add(3, SHOULD, "the padding bytes after a message's last field are zero")
                .erratum("2.2.4 asks for padding but does not state its value; zero is the canonical form every"
                        + " Microsoft example shows, so non-zero padding is a WARN.")
                .check(ctx -> ctx.judgeFields("padding"));
    }
}
