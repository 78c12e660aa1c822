package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.asf.AsfFile;

/** MS-WMSP 3.1.5.14 Receiving a $C: a server-side playlist moves on to its next entry. */
final class C3_1_5_14_ReceivingC {

    private C3_1_5_14_ReceivingC() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.14", "ReceivingC")
                .add(1, MUST, "a playlist's $E 1, $C 0 and new $H mid-response: the client reads on to the last $E")
                .covers("R1", "R2", "WMSP-3.1.5.13-R4").schemes(Scheme.MMSH)
                .server(b -> Mmsh.paced(b.media("sample.asf", AsfFile.sample(), AsfFile.sample())))
                .check(ctx -> Mmsh.readToEnd(ctx, MUST, Mmsh.framesUpToLastData(2),
                        "two-entry playlist ($E 1, $C 0, $H)"));
    }
}
