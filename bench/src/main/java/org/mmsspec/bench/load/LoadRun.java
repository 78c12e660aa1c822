package org.mmsspec.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/** The sessions of one {@link LoadPlan} while they run, and their results once they have ended. */
public final class LoadRun {

    /** How long sessions closed by {@link #stop()} or {@link #await} may take to report. */
    private static final Duration REPORT = Duration.ofSeconds(10);

    private final LoadPlan plan;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch ended;
    private final Queue<SessionResult> results = new ConcurrentLinkedQueue<>();
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile String stopping;

    LoadRun(LoadPlan plan) {
        this.plan = plan;
        this.ended = new CountDownLatch(plan.sessions());
    }

    public LoadPlan plan() {
        return plan;
    }

    /** {@link System#nanoTime()} before the first connect. */
    public long startNanos() {
        return startNanos;
    }

    /** Sessions between their first ReportStartedPlaying and their end. */
    public int streaming() {
        return streaming.get();
    }

    /** The most sessions streaming at once so far. */
    public int peakStreaming() {
        return peak.get();
    }

    /** Sessions ended so far, failed ones included. */
    public int endedCount() {
        return plan.sessions() - (int) ended.getCount();
    }

    /**
     * Waits until {@code n} sessions stream at once, or none more can (too many ended), or {@code limit} passes;
     * returns whether they do.
     */
    public boolean awaitStreaming(int n, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (streaming.get() < n && plan.sessions() - endedCount() >= n && System.nanoTime() - end < 0) {
            Thread.sleep(20);
        }
        return streaming.get() >= n;
    }

    /**
     * Waits for every session to end, at most {@code limit}; the ones still going then are closed and fail. Returns
     * one result per session.
     */
    public List<SessionResult> await(Duration limit) throws InterruptedException {
        if (!ended.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            closeAll("still going after the run's limit of " + limit.toSeconds() + " s");
        }
        return collect();
    }

    /** Ends every session (those that hold count as played), and returns one result per session. */
    public List<SessionResult> stop() throws InterruptedException {
        closeAll(null);
        return collect();
    }

    private void closeAll(String why) {
        stopping = why == null ? "" : why;
        channels.close().awaitUninterruptibly(REPORT.toMillis());
    }

    private List<SessionResult> collect() throws InterruptedException {
        ended.await(REPORT.toNanos(), TimeUnit.NANOSECONDS);
        List<SessionResult> out = new ArrayList<>(results);
        long now = System.nanoTime();
        while (out.size() < plan.sessions()) {
            out.add(new SessionResult("no result within " + REPORT.toSeconds() + " s of the close", -1, -1, 0, 0, 0,
                    now));
        }
        return out;
    }

    /** The failures among {@code results}, most common reason first, at most {@code reasons} of them; "" for none. */
    public static String failures(List<SessionResult> results, int reasons) {
        java.util.Map<String, Long> byReason = results.stream().filter(r -> !r.ok()).collect(
                java.util.stream.Collectors.groupingBy(SessionResult::failure, java.util.stream.Collectors.counting()));
        return byReason.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(reasons).map(e -> e.getValue() + "x " + e.getKey())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    // ---- from the sessions, on their event loops

    void opened(Channel c) {
        channels.add(c);
    }

    /** Why the run closes sessions: "" for a stop, a reason for a limit, null while it does not. */
    String stopping() {
        return stopping;
    }

    void startedStreaming() {
        int n = streaming.incrementAndGet();
        peak.accumulateAndGet(n, Math::max);
    }

    void ended(SessionResult r, boolean wasStreaming) {
        if (wasStreaming) {
            streaming.decrementAndGet();
        }
        results.add(r);
        ended.countDown();
    }
}
