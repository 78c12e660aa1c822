package org.mmsspec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.mmsspec.harness.fuzz.Campaign;
import org.mmsspec.harness.fuzz.CampaignException;
import org.mmsspec.harness.fuzz.Durations;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.ServerDriver;
import org.mmsspec.harness.fuzz.Shard;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.reference.ReferenceServers;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The fuzz benches, figure 3: campaigns against the embedded reference server, as {@code mmsspec fuzz server
 * --embedded} runs them, in a temporary output directory. Each prints its figures last, on one line of {@code key=value} words, for a
 * script to read.
 */
final class FuzzBench {

    private static final long SEED = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private FuzzBench() {
    }

    /** A campaign's options: no minimisation (the reference has nothing to find), no status line. */
    static FuzzOptions options(long seed, Duration duration, long maxSessions, Path out, boolean resume, int jobs) {
        return new FuzzOptions(seed, duration, maxSessions, out, resume, jobs, new Shard(1, 1), TIMEOUT,
                ReferenceServers.MEDIA, false, false);
    }

    static Campaign.Result run(FuzzOptions options, ServerDriver driver, PrintWriter err)
            throws IOException, InterruptedException {
        Campaign.Result r = new Campaign(options, driver, err).run();
        if (r.failure() != null) {
            throw new CampaignException("the campaign stopped early: " + r.failure());
        }
        return r;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    static int positive(CommandSpec spec, String flag, long v) {
        if (v < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), flag + " must be at least 1");
        }
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    /** The --jobs of both benches. */
    static final class Jobs {

        @Option(names = "--jobs", paramLabel = "N", description = "Sessions run at once. Default: "
                + FuzzOptions.SERVER_JOBS + ", as mmsspec fuzz server.")
        private Integer jobs;

        int lanes(CommandSpec spec) {
            return jobs == null ? FuzzOptions.SERVER_JOBS : positive(spec, "--jobs", jobs);
        }
    }

    /** {@code bench fuzz}: sessions per second of a server campaign against the embedded reference. */
    @Command(name = "fuzz", sortOptions = false, description = "Fuzz the embedded reference server for --duration "
            + "(after a --warmup that is not counted) and print the sessions per second, last, as "
            + "'sessions=N wall_s=S sessions_per_s=R jobs=J cores=C'.")
    static final class Rate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s",
                description = "How long the measured campaign runs. Default: ${DEFAULT-VALUE}.")
        private String duration;

        // fuzzing keeps reaching rare paths: C2 goes on compiling for about 30 s, so a shorter warm-up measures it
        @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "40s",
                description = "A campaign run first and not counted, while the JIT compiles the hot code; 0s for "
                        + "none. Default: ${DEFAULT-VALUE}.")
        private String warmup;

        @Mixin
        private Jobs jobs = new Jobs();

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int lanes = jobs.lanes(spec);
            Duration measured;
            Duration warm;
            try {
                measured = Durations.parse("--duration", duration);
                warm = Durations.parse("--warmup", warmup);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Path dir = Files.createTempDirectory("mmsspec-bench-fuzz");
            try (ServerDriver driver = ServerDriver.embedded(List.of(), options(SEED, measured, Long.MAX_VALUE,
                    dir.resolve("run"), false, lanes))) {
                driver.preflight();
                if (!warm.isZero()) {
                    Campaign.Result w = run(options(SEED + 1, warm, Long.MAX_VALUE, dir.resolve("warmup"), false,
                            lanes), driver, err);
                    out.printf(Locale.ROOT, "warmup: %d sessions in %.1f s, %.1f/s (not counted)%n", w.sessions(),
                            w.elapsed().toMillis() / 1e3, w.sessionsPerSecond());
                    out.flush();
                }
                Campaign.Result r = run(options(SEED, measured, Long.MAX_VALUE, dir.resolve("run"), false, lanes),
                        driver, err);
                out.println(new Figures().put("sessions", r.sessions()).put("wall_s", r.elapsed().toMillis() / 1e3, 1)
                        .put("sessions_per_s", r.sessionsPerSecond(), 1).put("jobs", lanes)
                        .put("cores", Runtime.getRuntime().availableProcessors()));
                out.flush();
                return 0;
            } catch (CampaignException e) {
                err.println("bench fuzz: " + e.getMessage());
                return Bench.UNUSABLE;
            } finally {
                deleteTree(dir);
            }
        }
    }

    /**
     * {@code bench fuzz-survival}: the proof that the unmutated reference survives a long campaign:
     * no unhandled exception, no connection left open, no finding, and a heap that stops growing.
     */
    @Command(name = "fuzz-survival", sortOptions = false, description = "Fuzz the unmutated embedded reference for "
            + "--sessions sessions, then print its unhandled exceptions, open connections, findings and the heap "
            + "used after GC at 10%%, 50%% and 100%% of the run; last, one line of key=value words ending in "
            + "verdict=PASS or verdict=FAIL.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:PASS", "1:FAIL", "2:the campaign could not run"})
    static final class Survival implements Callable<Integer> {

        /** How much the heap may grow from the middle of the run to its end before it counts as growing. */
        static final double HEAP_SLACK = 1.25;
        static final long HEAP_SLACK_MB = 16;
        /** How long the server may take to close what the last sessions opened. */
        static final Duration SETTLE = Duration.ofSeconds(10);

        @Spec
        private CommandSpec spec;

        @Option(names = "--sessions", paramLabel = "N", defaultValue = "1000000",
                description = "Sessions to run. Default: ${DEFAULT-VALUE}.")
        private long sessions;

        @Mixin
        private Jobs jobs = new Jobs();

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            positive(spec, "--sessions", sessions);
            int lanes = jobs.lanes(spec);
            // three legs of one campaign (resumed), so that the heap is read at 10% and 50% of it
            long[] ends = {Math.max(1, sessions / 10), Math.max(1, sessions / 2), sessions};
            long[] heapMb = new long[3];
            Path dir = Files.createTempDirectory("mmsspec-bench-survival");
            Path campaign = dir.resolve("run");
            long t0 = System.nanoTime();
            try (ServerDriver driver = ServerDriver.embedded(List.of(), options(SEED, Duration.ofDays(365),
                    sessions, campaign, false, lanes))) {
                driver.preflight();
                MockMmsServer server = driver.embeddedServer().orElseThrow();
                long done = 0;
                Campaign.Result r = null;
                for (int leg = 0; leg < ends.length; leg++) {
                    long n = ends[leg] - done;
                    if (n > 0) {
                        r = run(options(SEED, Duration.ofDays(365), n, campaign, leg > 0 && r != null, lanes),
                                driver, err);
                        done = r.sessions();
                    }
                    heapMb[leg] = heapAfterGc();
                    out.printf(Locale.ROOT, "%,d sessions (%.0f s): heap after GC %d MB, %d connections open%n",
                            done, (System.nanoTime() - t0) / 1e9, heapMb[leg], server.openConnections());
                    out.flush();
                }
                int open = settle(server);
                long unhandled = server.unhandledExceptions();
                int findings = r == null ? 0 : r.findings();
                server.firstUnhandled().ifPresent(t -> {
                    StringWriter trace = new StringWriter();
                    t.printStackTrace(new PrintWriter(trace));
                    out.println("first unhandled exception:");
                    out.print(trace);
                });
                boolean bounded = heapMb[2] <= Math.max(heapMb[1] * HEAP_SLACK, heapMb[1] + HEAP_SLACK_MB);
                out.println("heap " + (bounded ? "bounded" : "still growing") + ": " + heapMb[1] + " MB at 50%, "
                        + heapMb[2] + " MB at 100%");
                boolean pass = done == sessions && unhandled == 0 && open == 0 && findings == 0 && bounded;
                out.printf(Locale.ROOT, "sessions=%d unhandled=%d open_connections=%d findings=%d heap_mb_10=%d "
                        + "heap_mb_50=%d heap_mb_100=%d wall_s=%.1f verdict=%s%n", done, unhandled, open, findings,
                        heapMb[0], heapMb[1], heapMb[2], (System.nanoTime() - t0) / 1e9, pass ? "PASS" : "FAIL");
                out.flush();
                return pass ? 0 : 1;
            } catch (CampaignException e) {
                err.println("bench fuzz-survival: " + e.getMessage());
                return Bench.UNUSABLE;
            } finally {
                deleteTree(dir);
            }
        }

        /** Open connections once the server has closed what the last sessions reset, or after {@link #SETTLE}. */
        private static int settle(MockMmsServer server) throws InterruptedException {
            long end = System.nanoTime() + SETTLE.toNanos();
            while (server.openConnections() > 0 && System.nanoTime() - end < 0) {
                Thread.sleep(20);
            }
            return server.openConnections();
        }

        private static long heapAfterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        }
    }
}
