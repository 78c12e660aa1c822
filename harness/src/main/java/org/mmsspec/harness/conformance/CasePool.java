package org.mmsspec.harness.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.cases.Verdict;

/**
 * What a run of either role does with its selected cases: runs them {@code parallel} at a time, hands each result out
 * as it comes, and judges it against the baseline.
 */
final class CasePool<C extends ConformanceCase> implements AutoCloseable {

    private final List<C> cases;
    private final Map<String, Verdict> baseline;
    private final boolean strict;
    private final ExecutorService pool;
    private final List<CompletableFuture<CaseResult>> futures = new ArrayList<>();
    private long startNanos;

    CasePool(List<C> cases, Map<String, Verdict> baseline, boolean strict, int parallel) {
        this.cases = List.copyOf(cases);
        this.baseline = Map.copyOf(baseline);
        this.strict = strict;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "mmsspec-case-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    List<C> cases() {
        return cases;
    }

    Map<String, Verdict> baseline() {
        return baseline;
    }

    boolean failsBuild(CaseResult r) {
        return RunReport.failsBuild(r, baseline, strict);
    }

    /** Submits every case to {@code run}; {@code each} sees each result as it is made (from the worker threads). */
    synchronized List<CompletableFuture<CaseResult>> start(Function<C, CaseResult> run, Consumer<CaseResult> each) {
        if (!futures.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        startNanos = System.nanoTime();
        for (C c : cases) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                CaseResult r = run.apply(c);
                each.accept(r);
                return r;
            }, pool));
        }
        return List.copyOf(futures);
    }

    /** Waits for every case; the results in case order. */
    List<CaseResult> results() {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** Wall time since {@link #start}. */
    long wallMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
