package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;

/** MS-WMSP 3.2.5.8: the KeepAlive request of non-pipelined mode. */
final class S3_2_5_8_KeepAlive {

    private S3_2_5_8_KeepAlive() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.8", "KeepAlive Request (Request and Response)");
        g.add(1, MUST, "A KeepAlive POST naming the Describe's client-id gets 200, a Server header and no body")
                .covers("R2", "R5").run(ctx -> {
                    Wmsp.Described s = Wmsp.describe(ctx);
                    MmshResponse r = s.client().post(Wmsp.path(ctx),
                            List.of("xKeepAliveInPause=1", "client-id=" + s.clientId()), null, new byte[0]);
                    ctx.mustEqual("status of the KeepAlive response", 200, r.status());
                    ctx.must(r.header("Server") != null, "the KeepAlive response has a Server header");
                    ctx.must(r.frames().isEmpty() && r.complete(), "the KeepAlive response has an empty body: "
                            + r.frames().size() + " packets, " + r.end().summary());
                });
        return g;
    }
}
