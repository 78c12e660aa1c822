package org.mmsspec.cases.server.mmsp;

import java.time.Duration;

import org.mmsspec.cases.server.CaseContext;

/**
 * The cases that bring AFFlags to 0xFE (MS-MMSP 2.2.2) replay the content until 255 Data packets have gone: quick on a
 * server that sends as fast as the client reads, minutes on one that paces at the bit rate. Those skip, saying so.
 */
final class AfFlagsWrap {

    private AfFlagsWrap() {
    }

    /** Skips unless 255 packets at the pace of the first play ({@code packets} since {@code startNanos}) fit. */
    static void requireTime(CaseContext ctx, long startNanos, int packets) {
        Duration needed = Duration.ofNanos(System.nanoTime() - startNanos).multipliedBy(0xFF)
                .dividedBy(Math.max(1, packets));
        if (needed.compareTo(ctx.settings().caseDeadline().dividedBy(2)) > 0) {
            ctx.skip("bringing AFFlags to 0xFE takes about " + needed.toSeconds() + " s of play here; a longer "
                    + "--timeout gives the case the time");
        }
    }
}
