package org.mmsspec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.mmsspec.bench.load.LoadPlan;
import org.mmsspec.bench.load.LoadRun;
import org.mmsspec.bench.load.MmstLoad;
import org.mmsspec.bench.load.SessionResult;
import org.mmsspec.server.asf.AsfFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench server-memory}: figure 5's first half, what the mock server holds for N viewers streaming at once.
 * The server paces Data packets in real time, as it does by default, so sessions stay open; each viewer starts the
 * file again at its end, so a short file serves as well as a long one. RSS from /proc and the live heap after a full
 * GC from jcmd, read idle first and then with all N streaming.
 */
@Command(name = "server-memory", sortOptions = false, description = "Hold N MMST sessions streaming at once from "
        + "'mmsspec serve' (a separate process, real-time pacing) and print its RSS and its heap after a full GC, "
        + "idle and with the N sessions; last, 'sessions=N rss_mb=.. heap_mb=.. idle_rss_mb=.. idle_heap_mb=.. "
        + "rss_kb_per_session=.. heap_kb_per_session=.. peak=.. failed=F'.")
final class ServerMemoryBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "1000",
            description = "Sessions held at once. Default: ${DEFAULT-VALUE}.")
    private int sessions;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "5", description = "How long the N sessions "
            + "stream before the server is measured. Default: ${DEFAULT-VALUE}.")
    private int settleSeconds;

    @Option(names = "--limit", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the N sessions may take to be streaming. Default: ${DEFAULT-VALUE}.")
    private int limitSeconds;

    @Mixin
    private LoadSetup setup = new LoadSetup();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FuzzBench.positive(spec, "--sessions", sessions);
        FuzzBench.positive(spec, "--limit", limitSeconds);
        if (!JvmStats.available()) {
            err.println("bench server-memory: no jcmd at " + JvmStats.jcmd() + " (a JDK, not a JRE, is needed)");
            return Bench.UNUSABLE;
        }
        AsfFile file = setup.prepare(spec, sessions);
        if (file == null) {
            return Bench.UNUSABLE;
        }
        try (ServeProcess server = setup.serve(false);
                MmstLoad load = setup.load(spec)) {
            out.printf(Locale.ROOT, "mmsspec serve (pid %d, real time) on %s, %s: %.1f s, %d kb/s%n", server.pid(),
                    server.url().mmst(), server.url().path(), file.properties().durationSeconds(),
                    file.bitRate() / 1000);
            out.flush();
            Reading idle = read(server);
            out.printf(Locale.ROOT, "idle: RSS %.1f MB, heap after full GC %.1f MB%n", idle.rssMb(), idle.heapMb());
            out.flush();
            LoadRun run = load.start(new LoadPlan(server.url().mmst(), server.url().path(), sessions, 0,
                    file.packetCount(), Duration.ofSeconds(Math.max(30, settleSeconds * 2L))));
            List<SessionResult> results;
            Reading busy = null;
            try {
                long t0 = System.nanoTime();
                if (run.awaitStreaming(sessions, Duration.ofSeconds(limitSeconds))) {
                    out.printf(Locale.ROOT, "%d sessions streaming after %.1f s%n", sessions,
                            (System.nanoTime() - t0) / 1e9);
                    out.flush();
                    Thread.sleep(settleSeconds * 1000L);
                    busy = read(server);
                }
            } finally {
                results = run.stop();
            }
            long failed = results.stream().filter(r -> !r.ok()).count();
            if (busy == null) {
                err.println("bench server-memory: " + run.peakStreaming() + " of " + sessions + " sessions streamed "
                        + "at once at most within " + limitSeconds + " s; " + LoadRun.failures(results, 3));
                return Bench.UNUSABLE;
            }
            double rssKbPer = (busy.rssKb - idle.rssKb) / (double) sessions;
            double heapKbPer = (busy.heapBytes - idle.heapBytes) / 1024.0 / sessions;
            out.printf(Locale.ROOT, "%d sessions: RSS %.1f MB, heap after full GC %.1f MB; %.1f KB RSS and %.1f KB "
                    + "heap a session; %d failed%s%n", sessions, busy.rssMb(), busy.heapMb(), rssKbPer, heapKbPer,
                    failed, failed == 0 ? "" : ": " + LoadRun.failures(results, 3));
            out.println(new Figures().put("sessions", sessions).put("rss_mb", busy.rssMb(), 1)
                    .put("heap_mb", busy.heapMb(), 1).put("idle_rss_mb", idle.rssMb(), 1)
                    .put("idle_heap_mb", idle.heapMb(), 1).put("rss_kb_per_session", rssKbPer, 1)
                    .put("heap_kb_per_session", heapKbPer, 1).put("peak", run.peakStreaming()).put("failed", failed));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("bench server-memory: " + e.getMessage());
            return Bench.UNUSABLE;
        }
    }

    private record Reading(long rssKb, long heapBytes) {
        double rssMb() {
            return rssKb / 1024.0;
        }

        double heapMb() {
            return heapBytes / (1024.0 * 1024);
        }
    }

    /** RSS first: the full GC of the heap reading must not be what the RSS shows. */
    private static Reading read(ServeProcess server) throws IOException, InterruptedException {
        long rss = ProcessStats.rssKb(server.pid()).orElseThrow(() -> new IOException("the server process is gone"));
        return new Reading(rss, JvmStats.liveHeapBytes(server.pid()));
    }
}
