package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;

/** MS-WMSP 3.2.5.11: the Log request. */
final class S3_2_5_11_ReceivingLog {

    /** A legacy log line (MS-WMLOG): enough fields that a server has something to keep. */
    static final String LOG_LINE = "log-line=127.0.0.1 2026-11-25 22:00:00 - mmsh://127.0.0.1/sample.asf 0 4 1 200 "
            + "{3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC} 9.0.0.2980 en-US - - wmplayer.exe 9.0.0.2980 Linux - - - 0";

    private S3_2_5_11_ReceivingLog() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.11", "Receiving a Log Request");
        g.add(1, MUST, "A Log POST (log-line Pragma) naming the Describe's client-id gets a 2xx answer with a Server "
                + "header").covers("R1", "R2").run(ctx -> {
                    Wmsp.Described s = Wmsp.describe(ctx);
                    MmshResponse r = s.client().post(Wmsp.path(ctx), List.of("client-id=" + s.clientId(), LOG_LINE),
                            null, new byte[0]);
                    ctx.must(r.status() >= 200 && r.status() < 300, "the Log is answered 2xx, not "
                            + (r.head() == null ? r.end().summary() : r.head().startLine()));
                    ctx.must(r.header("Server") != null, "the Log response has a Server header");
                });
        return g;
    }
}
