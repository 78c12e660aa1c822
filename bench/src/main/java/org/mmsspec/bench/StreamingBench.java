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

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench streaming}: figure 4's first part, the mock server streaming to N MMST viewers at once as fast as they
 * take the data. The server runs as {@code mmsspec serve --fast} in a process of its own, so its CPU is its own; the
 * viewers are one non-blocking load generator in this JVM. Each level opens all its sessions at once.
 */
@Command(name = "streaming", sortOptions = false, description = "Stream the sample from 'mmsspec serve --fast' (a "
        + "separate process) to N MMST sessions at once, as fast as they take it, for each N of --sessions; print "
        + "each level's throughput, time to first Data packet and the server's CPU; last, 'sessions_N_mb_s=.. "
        + "sessions_N_per_s=.. ttfdp_N_p50_ms=.. ttfdp_N_p99_ms=.. ttfdp_N_max_ms=.. peak_N=.. server_cpu_N_s=.. "
        + "wall_N_s=..' for each N, then 'repeat=K failed=F'.")
final class StreamingBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sessions", paramLabel = "N,N,..", split = ",", defaultValue = "1,100,1000",
            description = "Sessions at once, one level each. Default: ${DEFAULT-VALUE}.")
    private List<Integer> levels;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "20", description = "Times each session streams "
            + "the file (StartPlaying again after each ReportEndOfStream), so that a level's sessions overlap. "
            + "Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100", description = "Sessions run first, once, "
            + "and not counted, while the server's JIT compiles; 0 for none. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "A session that receives nothing for this long fails. Default: ${DEFAULT-VALUE}.")
    private int idleSeconds;

    @Option(names = "--limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "Sessions still going this long after their level started fail. Default: "
                    + "${DEFAULT-VALUE}.")
    private int limitSeconds;

    @Mixin
    private LoadSetup setup = new LoadSetup();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FuzzBench.positive(spec, "--repeat", repeat);
        FuzzBench.positive(spec, "--idle-timeout", idleSeconds);
        FuzzBench.positive(spec, "--limit", limitSeconds);
        for (int n : levels) {
            FuzzBench.positive(spec, "--sessions", n);
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be at least 0");
        }
        int most = Math.max(warmup, levels.stream().mapToInt(Integer::intValue).max().orElse(1));
        AsfFile file = setup.prepare(spec, most);
        if (file == null) {
            return Bench.UNUSABLE;
        }
        Figures figures = new Figures();
        int failed = 0;
        try (ServeProcess server = setup.serve(true);
                MmstLoad load = setup.load(spec)) {
            out.printf(Locale.ROOT, "mmsspec serve --fast (pid %d) on %s, %s: %d Data packets of %d bytes, "
                    + "streamed %d times per session%n", server.pid(), server.url().mmst(), server.url().path(),
                    file.packetCount(), file.packetSize(), repeat);
            out.flush();
            if (warmup > 0) {
                List<SessionResult> w = level(load, server, file, warmup, 1).results;
                out.printf(Locale.ROOT, "warmup: %d sessions, %d failed (not counted)%n", warmup,
                        w.stream().filter(r -> !r.ok()).count());
                out.flush();
            }
            for (int n : levels) {
                long self = ProcessHandle.current().pid();
                double cpu0 = ProcessStats.cpuSeconds(server.pid());
                double clientCpu0 = ProcessStats.cpuSeconds(self);
                Level l = level(load, server, file, n, repeat);
                double cpu = ProcessStats.cpuSeconds(server.pid()) - cpu0;
                double clientCpu = ProcessStats.cpuSeconds(self) - clientCpu0;
                List<Long> ttfdp = l.results.stream().filter(SessionResult::ok)
                        .map(SessionResult::firstDataNanos).sorted().toList();
                List<Long> connect = l.results.stream().filter(SessionResult::ok)
                        .map(SessionResult::connectNanos).sorted().toList();
                long bad = l.results.stream().filter(r -> !r.ok()).count();
                failed += (int) bad;
                long bytes = l.results.stream().mapToLong(SessionResult::dataBytes).sum();
                double mbs = bytes / l.wallS / 1e6;
                double perS = n / l.wallS;
                out.printf(Locale.ROOT, "%d sessions: %.1f MB/s, %.1f sessions/s, wall %.3f s; first Data packet "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (of which TCP connect p50 %.1f ms, p99 %.1f ms); %d "
                        + "streaming at once at most; server CPU %.2f s "
                        + "(load generator %.2f s); %d failed%s%n", n, mbs, perS, l.wallS, ms(ttfdp, 0.50),
                        ms(ttfdp, 0.99), ms(ttfdp, 1), ms(connect, 0.50), ms(connect, 0.99), l.peak, cpu, clientCpu,
                        bad, bad == 0 ? "" : ": " + LoadRun.failures(l.results, 3));
                out.flush();
                figures.put("sessions_" + n + "_mb_s", mbs, 1).put("sessions_" + n + "_per_s", perS, 1)
                        .put("ttfdp_" + n + "_p50_ms", ms(ttfdp, 0.50), 1)
                        .put("ttfdp_" + n + "_p99_ms", ms(ttfdp, 0.99), 1)
                        .put("ttfdp_" + n + "_max_ms", ms(ttfdp, 1), 1).put("peak_" + n, l.peak)
                        .put("server_cpu_" + n + "_s", cpu, 2).put("wall_" + n + "_s", l.wallS, 3);
                if (!server.alive()) {
                    err.println("bench streaming: the server process died during the level of " + n + " sessions");
                    return Bench.UNUSABLE;
                }
            }
        } catch (IOException e) {
            err.println("bench streaming: " + e.getMessage());
            return Bench.UNUSABLE;
        }
        out.println(figures.put("repeat", repeat).put("failed", failed));
        out.flush();
        return 0;
    }

    private record Level(List<SessionResult> results, double wallS, int peak) {
    }

    /** {@code n} sessions at once, each playing {@code plays} times; wall from the first connect to the last end. */
    private Level level(MmstLoad load, ServeProcess server, AsfFile file, int n, int plays)
            throws InterruptedException {
        LoadRun run = load.start(new LoadPlan(server.url().mmst(), server.url().path(), n, plays,
                file.packetCount(), Duration.ofSeconds(idleSeconds)));
        List<SessionResult> results = run.await(Duration.ofSeconds(limitSeconds));
        long last = results.stream().mapToLong(SessionResult::endNanos).max().orElse(run.startNanos());
        return new Level(results, Math.max(1e-9, (last - run.startNanos()) / 1e9), run.peakStreaming());
    }

    /** The {@code q} quantile of {@code sortedNanos} in ms (nearest rank); 0 when there is none. */
    static double ms(List<Long> sortedNanos, double q) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sortedNanos.size());
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, rank - 1))) / 1e6;
    }
}
