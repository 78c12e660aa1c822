package org.mmsspec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mmsspec.harness.fuzz.Durations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench fuzz-memory}: figure 5, second half. A campaign against the embedded reference, run as a user runs it
 * ({@code mmsspec fuzz server --embedded} in a JVM of its own), watched from outside: its RSS from /proc every second,
 * its heap through {@code jcmd GC.heap_info} every so often, and shortly before the campaign ends its heap after a
 * full GC, which is what it keeps rather than what it has not collected yet.
 */
@Command(name = "fuzz-memory", sortOptions = false, description = "Run 'mmsspec fuzz server --embedded' for "
        + "--duration in a JVM of its own and watch its memory: RSS every second, heap every --heap-every, heap "
        + "after a full GC just before the end; last, 'duration_s=S sessions=N rss_mb_peak=M rss_mb_end=M "
        + "heap_mb_peak=M heap_mb_after_gc_end=M'.")
final class FuzzMemory implements Callable<Integer> {

    private static final long RSS_EVERY_MILLIS = 1000;
    /** The campaign's JVM start and preflight, and its writing stats.json after the duration. */
    private static final Duration SLACK = Duration.ofSeconds(60);
    /** How far before the campaign's end the after-GC heap is read: the GC has to finish while it still runs. */
    private static final Duration LAST_READING = Duration.ofSeconds(3);
    private static final long JCMD_LIMIT_S = 30;
    /** A generation's (or G1's whole heap's) line of GC.heap_info: "... used 12345K ...". */
    private static final Pattern USED = Pattern.compile("\\bused (\\d+)([KMG])");

    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m",
            description = "How long the campaign runs. Default: ${DEFAULT-VALUE}.")
    private String duration;

    @Option(names = "--heap-every", paramLabel = "TIME", defaultValue = "30s",
            description = "How often the heap is read (each reading starts jcmd). Default: ${DEFAULT-VALUE}.")
    private String heapEvery;

    @Option(names = "--java-option", paramLabel = "OPT", description = "An option of the campaign's JVM, as "
            + "-Xmx256m or -Dmmsspec.transport=epoll; repeatable.")
    private List<String> javaOptions = new ArrayList<>();

    @Mixin
    private FuzzBench.Jobs jobs = new FuzzBench.Jobs();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration campaign;
        Duration heapPeriod;
        try {
            campaign = Durations.parse("--duration", duration);
            heapPeriod = Durations.parse("--heap-every", heapEvery);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int lanes = jobs.lanes(spec);
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            err.println("bench fuzz-memory: no " + jcmd + " (a JDK's, not a JRE's) to read the campaign's heap with");
            return Bench.UNUSABLE;
        }
        Path dir = Files.createTempDirectory("mmsspec-bench-fuzz-memory");
        Path run = dir.resolve("run");
        Path log = dir.resolve("campaign.out");
        List<String> args = List.of("fuzz", "server", "--embedded", "--quiet", "--no-minimise", "--seed", "1",
                "--duration", duration, "--jobs", Integer.toString(lanes), "--out", run.toString());
        Process p = new ProcessBuilder(JavaCommand.mmsspec(javaOptions, args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread reaper = new Thread(p::destroyForcibly, "fuzz-memory-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            Watch w = watch(p, run, campaign, heapPeriod, jcmd, out);
            if (w == null) {
                err.println("bench fuzz-memory: the campaign was still running " + SLACK.toSeconds() + " s after "
                        + "its duration");
                return Bench.UNUSABLE;
            }
            Path stats = run.resolve("stats.json");
            // 0: no findings; 1: findings, which the reference should not have, but the campaign still ran
            if (p.exitValue() > 1 || !Files.exists(stats)) {
                err.println("bench fuzz-memory: the campaign exited " + p.exitValue() + " without stats.json:");
                err.println(Files.readString(log));
                return Bench.UNUSABLE;
            }
            if (w.heapPeakKb < 0 || w.heapAfterGcKb < 0) {
                err.println("bench fuzz-memory: jcmd could not read the campaign's heap (too short a --duration?)");
                return Bench.UNUSABLE;
            }
            JsonNode s = new ObjectMapper().readTree(stats.toFile());
            out.println(new Figures().put("duration_s", campaign.toSeconds()).put("sessions", s.path("sessions")
                    .asLong()).put("sessions_per_s", s.path("sessionsPerSecond").asDouble(), 1)
                    .put("rss_mb_peak", w.rssPeakKb >> 10).put("rss_mb_end", w.rssEndKb >> 10)
                    .put("heap_mb_peak", w.heapPeakKb >> 10).put("heap_mb_after_gc_end", w.heapAfterGcKb >> 10));
            out.flush();
            return 0;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(reaper);
            FuzzBench.deleteTree(dir);
        }
    }

    /** What the watch saw; -1 where it read nothing. */
    private static final class Watch {
        long rssPeakKb = -1;
        long rssEndKb = -1;
        long heapPeakKb = -1;
        long heapAfterGcKb = -1;
    }

    /** Samples until the campaign exits; null when it outlives its duration by {@link #SLACK}. */
    private static Watch watch(Process p, Path run, Duration campaign, Duration heapPeriod, Path jcmd,
            PrintWriter out) throws IOException, InterruptedException {
        Watch w = new Watch();
        long t0 = System.nanoTime();
        long limit = t0 + campaign.plus(SLACK).toNanos();
        long started = -1; // when the campaign opened its journal: its duration counts from there
        long nextHeap = t0 + heapPeriod.toNanos();
        boolean lastRead = false;
        while (p.isAlive()) {
            if (System.nanoTime() - limit > 0) {
                return null;
            }
            OptionalLong rss = ProcessStats.rssKb(p.pid());
            if (rss.isPresent()) {
                w.rssEndKb = rss.getAsLong();
                w.rssPeakKb = Math.max(w.rssPeakKb, w.rssEndKb);
            }
            long now = System.nanoTime();
            if (started < 0 && Files.exists(run.resolve("journal"))) {
                started = now;
            }
            boolean last = !lastRead && started >= 0
                    && now - (started + campaign.minus(LAST_READING).toNanos()) >= 0;
            if (last || now - nextHeap >= 0) {
                OptionalLong heap = heapKb(jcmd, p.pid(), last);
                if (heap.isPresent()) {
                    w.heapPeakKb = Math.max(w.heapPeakKb, heap.getAsLong());
                    if (last) {
                        w.heapAfterGcKb = heap.getAsLong();
                    }
                }
                lastRead |= last;
                nextHeap = now + heapPeriod.toNanos();
                out.printf(Locale.ROOT, "%4.0f s: rss %d MB (peak %d MB), heap %s%s%n", (now - t0) / 1e9,
                        w.rssEndKb >> 10, w.rssPeakKb >> 10, heap.isPresent() ? (heap.getAsLong() >> 10) + " MB"
                        : "unread", last ? " after a full GC" : "");
                out.flush();
            }
            p.waitFor(RSS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
        return w;
    }

    /** The heap in use as {@code jcmd GC.heap_info} reports it, after {@code GC.run} where asked. */
    private static OptionalLong heapKb(Path jcmd, long pid, boolean afterGc) throws IOException,
            InterruptedException {
        List<String> c = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        Path commands = Files.createTempFile("mmsspec-jcmd", ".txt");
        Path report = Files.createTempFile("mmsspec-jcmd", ".out");
        try {
            if (afterGc) {
                // both in one jcmd: each start of it is a JVM of its own, a second or so of CPU
                Files.writeString(commands, "GC.run\nGC.heap_info\n");
                c.addAll(List.of("-f", commands.toString()));
            } else {
                c.add("GC.heap_info");
            }
            Process j = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(report.toFile()).start();
            if (!j.waitFor(JCMD_LIMIT_S, TimeUnit.SECONDS)) {
                j.destroyForcibly();
                return OptionalLong.empty();
            }
            return usedKb(Files.readString(report));
        } finally {
            Files.deleteIfExists(commands);
            Files.deleteIfExists(report);
        }
    }

    /**
     * The heap's used KiB in a {@code GC.heap_info} report: G1 gives it on one line, Serial and Parallel per
     * generation, so the generations' lines are added up; Metaspace's are not heap.
     */
    static OptionalLong usedKb(String report) {
        long kb = 0;
        boolean any = false;
        for (String line : report.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("Metaspace") || l.startsWith("class space")) {
                continue;
            }
            Matcher m = USED.matcher(l);
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                kb += switch (m.group(2)) {
                    case "G" -> n << 20;
                    case "M" -> n << 10;
                    default -> n;
                };
                any = true;
            }
        }
        return any ? OptionalLong.of(kb) : OptionalLong.empty();
    }
}
