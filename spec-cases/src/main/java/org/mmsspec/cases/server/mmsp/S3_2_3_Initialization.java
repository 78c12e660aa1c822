package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;

/** MS-MMSP 3.2.3: the Client-ID a new session gets, seen as ReportFunnelInfo's nCubs. */
final class S3_2_3_Initialization {

    /** Sessions held open at once. */
    private static final int SESSIONS = 4;

    private S3_2_3_Initialization() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.3", "Initialization");
        g.add(1, MUST, SESSIONS + " sessions open at the same time get distinct nCubs (Client-ID)")
                .covers("R4", "MMSP-3.2.5.4-R4").run(ctx -> {
                    List<Long> ids = clientIds(ctx);
                    ctx.must(new HashSet<>(ids).size() == ids.size(), "concurrent sessions share a Client-ID: nCubs "
                            + hex(ids));
                });
        g.add(2, SHOULD, "The nCubs of " + SESSIONS + " sessions in a row are no counter (unpredictable Client-ID)")
                .covers("R3").run(ctx -> {
                    List<Long> ids = clientIds(ctx);
                    long step = ids.get(1) - ids.get(0);
                    boolean counter = true;
                    for (int i = 2; i < ids.size(); i++) {
                        counter &= ids.get(i) - ids.get(i - 1) == step;
                    }
                    ctx.should(!counter, "nCubs of sessions in a row step by a constant " + step + ": " + hex(ids));
                });
        return g;
    }

    /** nCubs of {@link #SESSIONS} sessions opened one after the other and all kept open. */
    private static List<Long> clientIds(CaseContext ctx) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            ids.add(ReplySteps.funnelInfo(ctx).nCubs());
        }
        return ids;
    }

    private static String hex(List<Long> ids) {
        return ids.stream().map(Long::toHexString).toList().toString();
    }
}
