package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;

/** MS-WMSP 3.1.5.8 Receiving a $H (Header) Packet. */
final class C3_1_5_8_ReceivingH {

    private C3_1_5_8_ReceivingH() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.8", "ReceivingH")
                .add(1, MUST, "a $H whose one piece has AFFlags 0x08 (last) is a whole header: the client plays on")
                .covers("R1", "R2").schemes(Scheme.MMSH)
                .server(b -> Mmsh.paced(b, 0x08))
                .check(ctx -> Mmsh.readToEnd(ctx, MUST, Mmsh.framesUpToLastData(1), "$H flagged 0x08"));
    }
}
