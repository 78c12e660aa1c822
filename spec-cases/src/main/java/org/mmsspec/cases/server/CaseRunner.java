package org.mmsspec.cases.server;

import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.mmsspec.cases.CaseFailed;
import org.mmsspec.cases.CaseSkipped;
import org.mmsspec.cases.Conclusion;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Verdict;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.MockClientException;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Violation;

/**
 * Runs one case to a verdict, whatever the target does: every read of the script is bounded by the timeout, and a
 * watchdog closes the case's connections at its deadline so that a trickling target cannot stretch it further.
 *
 * <p>After the script: replies are judged against the case's own section (the codec's violations of it), and a
 * {@code negative} case is followed by a liveness probe.
 */
public final class CaseRunner {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mmsspec-case-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Target target;
    private final RunSettings settings;

    public CaseRunner(Target target, RunSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    public CaseResult run(ServerCase c) {
        long start = System.nanoTime();
        AtomicBoolean cutOff = new AtomicBoolean();
        long deadline = settings.caseDeadline(c).toMillis();
        try (CaseContext ctx = new CaseContext(c, target, settings)) {
            ScheduledFuture<?> dog = WATCHDOG.schedule(() -> {
                cutOff.set(true);
                ctx.close();
            }, deadline, TimeUnit.MILLISECONDS);
            Finding ended = null; // the broken rule that ended the script, if one did
            String skipped = null;
            String error = null;
            try {
                c.script().run(ctx);
                judgeOwnSection(ctx, c);
                if (c.tagged(ServerCase.NEGATIVE)) {
                    ctx.probeLiveness();
                }
            } catch (CaseFailed e) {
                ended = e.finding();
            } catch (ExpectationFailure e) {
                ended = new Finding(c.section(), c.level(), e.getMessage(), null, null);
            } catch (CaseSkipped e) {
                skipped = e.getMessage();
            } catch (MockClientException e) {
                if (e.getMessage().startsWith("cannot connect") && neverConnected(ctx)) {
                    error = "target unreachable: " + e.getMessage();
                } else {
                    ended = new Finding(c.section(), c.level(), "connection failed: " + e.getMessage(), null, null);
                }
            } catch (Exception | AssertionError | StackOverflowError | OutOfMemoryError e) {
                error = "the case broke: " + e;
            }
            Conclusion done = Conclusion.of(error, skipped, ended, ctx.findings(), settings.strict());
            dog.cancel(false);
            if (cutOff.get()) {
                done = done.as(Verdict.ERROR, "the case did not finish within its deadline of " + deadline + " ms ("
                        + done.message() + ")");
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new CaseResult(c, done.verdict(), done.message(), done.findings(), ms, ctx.transcripts());
        }
    }

    /** No connection of the case got through: the target is unreachable, not at fault for a later refusal. */
    private static boolean neverConnected(CaseContext ctx) {
        return ctx.transcripts().stream().flatMap(r -> r.transcript().entries().stream())
                .noneMatch(e -> e.connection().isPresent());
    }

    /** Every violation of the case's own section in what the target sent counts against the case. */
    private static void judgeOwnSection(CaseContext ctx, ServerCase c) {
        List<Violation> own = new ArrayList<>();
        for (Recorded r : ctx.transcripts()) {
            for (var e : r.transcript().entries()) {
                if (e.direction() == Direction.S2C) {
                    e.violations().stream().filter(v -> v.section().equals(c.section()) && v.level() != Level.MAY)
                            .forEach(own::add);
                }
            }
        }
        ctx.judge(own);
    }
}
