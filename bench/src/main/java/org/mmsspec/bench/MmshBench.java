package org.mmsspec.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.mmsspec.bench.load.MmshLoad;
import org.mmsspec.harness.fuzz.Durations;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench mmsh}: figure 4's second part. Our MMSH server and VLC's, both paced at the content's bitrate, side by
 * side in one run: at each number of sessions, the same load generator plays N sessions against one and then the
 * other, and each server's CPU is read from /proc over the same window. A server is out from the first N at which a
 * session fails or falls behind real time; the largest N it held is its figure.
 */
@Command(name = "mmsh", sortOptions = false, description = "Our MMSH server (mmsspec serve, paced) and VLC's (cvlc "
        + "#std{access=mmsh}), side by side: N sessions each for a window, N rising until a session falls behind real "
        + "time; last, 'compare_sessions=N ours_cpu_s_per_session_min=X vlc_cpu_s_per_session_min=X cpu_ratio=R "
        + "ours_max_sessions=N vlc_max_sessions=N sessions_ratio=R max_tried=N window_s=S'.")
final class MmshBench implements Callable<Integer> {

    /** The user VLC runs as when we are root: it refuses root. */
    static final String VLC_USER = "mmsuser";
    private static final String MEDIA = "long.asf";
    private static final Duration SERVER_START = Duration.ofSeconds(30);
    private static final Duration MEDIA_LIMIT = Duration.ofMinutes(5);
    /** Between two runs: the closed sessions' sockets go, the server settles. */
    private static final long PAUSE_MS = 2_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sessions", paramLabel = "LIST", split = ",",
            defaultValue = "10,20,50,100,200,500,1000,2000,5000,10000",
            description = "Numbers of sessions to try, rising. Default: ${DEFAULT-VALUE}.")
    private List<Integer> levels;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "5000",
            description = "Try no more sessions than this. Default: ${DEFAULT-VALUE}.")
    private int maxSessions;

    @Option(names = "--window", paramLabel = "TIME", defaultValue = "20s",
            description = "How long each run streams, measured. Default: ${DEFAULT-VALUE}.")
    private String window;

    @Option(names = "--slack", paramLabel = "TIME", defaultValue = "2s",
            description = "A session more than this behind real time at the window's end fell behind. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String slack;

    @Option(names = "--start-limit", paramLabel = "TIME", defaultValue = "15s",
            description = "Sessions without a first $D by then failed; the window opens then at the latest. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String startLimit;

    @Option(names = "--read-timeout", paramLabel = "TIME", defaultValue = "5s",
            description = "A session that reads nothing for this long failed. Default: ${DEFAULT-VALUE}.")
    private String readTimeout;

    @Option(names = "--servers", paramLabel = "LIST", split = ",", defaultValue = "ours,vlc",
            description = "The servers to measure, ours and/or vlc (one alone: to profile it; the ratios need both). "
                    + "Default: ${DEFAULT-VALUE}.")
    private List<Server> servers;

    /** The two servers compared. */
    enum Server { OURS, VLC }

    @Option(names = "--media", paramLabel = "FILE.asf",
            description = "The ASF file both serve (streams 1 and 2). Default: one made with ffmpeg, "
                    + "--media-seconds long, 300 kbit/s WMV2 and 64 kbit/s WMA2.")
    private Path media;

    @Option(names = "--media-seconds", paramLabel = "S", defaultValue = "300",
            description = "Length of the file made when --media is not given; longer than --start-limit plus "
                    + "--window, since our server plays each session from the start. Default: ${DEFAULT-VALUE}.")
    private int mediaSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MmshLoad.Plan template = plan();
        List<Integer> ns = levels.stream().filter(n -> n > 0 && n <= maxSessions).distinct().sorted().toList();
        if (ns.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no --sessions level in 1.." + maxSessions);
        }
        String missing = missingTools();
        if (missing != null) {
            err.println("bench mmsh: cannot measure: " + missing);
            return Bench.UNUSABLE;
        }
        Path dir = Files.createTempDirectory("mmsspec-bench-mmsh");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // VLC's user reads it
            Path file = dir.resolve(MEDIA);
            String made = media(file, dir, out);
            if (made != null) {
                err.println("bench mmsh: cannot measure: " + made);
                return Bench.UNUSABLE;
            }
            List<ServedProcess> started = new ArrayList<>();
            try {
                for (Server s : servers.stream().distinct().toList()) {
                    ServedProcess p = s == Server.OURS ? ours(file, dir) : vlc(file, dir);
                    started.add(p);
                    out.printf("%s: pid %d, %s%n", p.name(), p.measuredPid(), url(p));
                }
                out.flush();
                return ramp(started, ns, template, out);
            } catch (IOException e) {
                err.println("bench mmsh: cannot measure: " + e.getMessage());
                return Bench.UNUSABLE;
            } finally {
                started.forEach(ServedProcess::close);
            }
        } finally {
            FuzzBench.deleteTree(dir);
        }
    }

    private MmshLoad.Plan plan() {
        try {
            MmshLoad.Plan p = new MmshLoad.Plan(null, null, 0, Durations.parse("--start-limit", startLimit),
                    Durations.parse("--window", window), Durations.parse("--read-timeout", readTimeout),
                    Durations.parse("--slack", slack));
            if (p.window().isZero() || p.readTimeout().isZero()) {
                throw new IllegalArgumentException("--window and --read-timeout must be more than 0");
            }
            if (media == null && mediaSeconds < p.startLimit().plus(p.window()).toSeconds() + 10) {
                throw new IllegalArgumentException("--media-seconds " + mediaSeconds + " is too short for "
                        + "--start-limit plus --window (and 10 s)");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Same levels for both, alternating which goes first; a server is out from its first level that fails. */
    private int ramp(List<ServedProcess> servers, List<Integer> ns, MmshLoad.Plan template, PrintWriter out)
            throws IOException, InterruptedException {
        Map<String, Map<Integer, MmshLoad.Result>> results = new LinkedHashMap<>();
        Map<String, Integer> held = new LinkedHashMap<>();
        List<ServedProcess> in = new ArrayList<>(servers);
        for (ServedProcess s : servers) {
            results.put(s.name(), new LinkedHashMap<>());
            held.put(s.name(), 0);
        }
        int tried = 0;
        for (int i = 0; i < ns.size() && !in.isEmpty(); i++) {
            int n = ns.get(i);
            tried = n;
            List<ServedProcess> order = new ArrayList<>(in);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (ServedProcess s : order) {
                MmshLoad.Result r = run(s, n, template);
                results.get(s.name()).put(n, r);
                out.println(line(s.name(), n, r));
                out.flush();
                if (r.heldUp()) {
                    held.put(s.name(), n);
                } else {
                    in.remove(s);
                }
                if (!s.isAlive()) {
                    out.println(s.name() + " is gone: " + s.logTail());
                    in.remove(s);
                }
                Thread.sleep(PAUSE_MS);
            }
        }
        out.println(figures(results, held, ns, tried, template));
        out.flush();
        return 0;
    }

    private static MmshLoad.Result run(ServedProcess s, int n, MmshLoad.Plan t) throws IOException {
        return MmshLoad.run(new MmshLoad.Plan(s.address(), s.path(), n, t.startLimit(), t.window(), t.readTimeout(),
                t.slack()), s::cpuSeconds);
    }

    static String line(String server, int n, MmshLoad.Result r) {
        return String.format(Locale.ROOT, "%-4s %5d sessions: %s, %d failed, %d behind, max lag %.1f s; cpu %.2f s "
                + "in %.1f s = %.4f cpu s per session-minute; %.1f Mbit/s%s", server, n,
                r.heldUp() ? "kept up" : "FELL BEHIND", r.failed(), r.behind(), r.maxLagS(), r.cpuS(), r.windowS(),
                r.cpuSecondsPerSessionMinute(), r.mbitPerS(), r.firstProblem() == null ? ""
                        : " (" + r.firstProblem() + ")");
    }

    /**
     * CPU is compared at the largest N both held (the same load on both), or at the first N where none is common;
     * the session ratio divides the largest Ns each held.
     */
    private static Figures figures(Map<String, Map<Integer, MmshLoad.Result>> results, Map<String, Integer> held,
            List<Integer> ns, int tried, MmshLoad.Plan t) {
        int compare = ns.get(0);
        for (int n : ns) {
            int at = n;
            if (results.values().stream().allMatch(r -> r.containsKey(at) && r.get(at).heldUp())) {
                compare = n;
            }
        }
        Figures f = new Figures().put("compare_sessions", compare);
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (var e : results.entrySet()) {
            cpu.put(e.getKey(), e.getValue().get(compare).cpuSecondsPerSessionMinute());
            f.put(e.getKey() + "_cpu_s_per_session_min", cpu.get(e.getKey()), 4);
        }
        if (cpu.size() == 2) {
            f.put("cpu_ratio", ratio(cpu.get("ours"), cpu.get("vlc"), 3));
        }
        held.forEach((name, n) -> f.put(name + "_max_sessions", n));
        if (held.size() == 2) {
            f.put("sessions_ratio", ratio(held.get("ours"), held.get("vlc"), 2));
        }
        return f.put("max_tried", tried).put("window_s", t.window().toMillis() / 1e3, 1);
    }

    /** {@code a/b} as a word: "inf" where only b is 0, "nan" where both are. */
    private static String ratio(double a, double b, int decimals) {
        if (b == 0) {
            return a == 0 ? "nan" : "inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", a / b);
    }

    private static String url(ServedProcess s) {
        return "mmsh://" + s.address().getHostString() + ":" + s.address().getPort() + s.path();
    }

    /** What this machine lacks to run both servers, or null. */
    private String missingTools() throws IOException, InterruptedException {
        boolean vlc = servers.contains(Server.VLC);
        if (vlc && onPath("cvlc") == null) {
            return "cvlc (VLC) is not installed: apt-get install vlc-bin vlc-plugin-base";
        }
        if (media == null && onPath("ffmpeg") == null) {
            return "ffmpeg is not installed (it makes the media): apt-get install ffmpeg, or give --media FILE.asf";
        }
        if (media != null && !Files.isReadable(media)) {
            return "--media " + media + " cannot be read";
        }
        if (vlc && asRoot() && quiet(List.of("id", "-u", VLC_USER)) != 0) {
            return "VLC refuses to run as root and there is no user " + VLC_USER + " to run it as: useradd -m "
                    + VLC_USER;
        }
        return null;
    }

    /** Copies --media or makes the file with ffmpeg, readable by all; returns why it could not, or null. */
    private String media(Path file, Path dir, PrintWriter out) throws IOException, InterruptedException {
        if (media != null) {
            Files.copy(media, file, StandardCopyOption.REPLACE_EXISTING);
        } else {
            out.printf("making a %d s ASF file with ffmpeg...%n", mediaSeconds);
            out.flush();
            int exit = quiet(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                    "-t", Integer.toString(mediaSeconds), "-c:v", "wmv2", "-b:v", "300k", "-c:a", "wmav2",
                    "-b:a", "64k", file.toString()), dir.resolve("ffmpeg.log"));
            if (exit != 0) {
                return "ffmpeg exited " + exit + ": " + Files.readString(dir.resolve("ffmpeg.log")).strip();
            }
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return null;
    }

    private static ServedProcess ours(Path file, Path dir) throws IOException, InterruptedException {
        int port = ServedProcess.freePort();
        List<String> cmd = JavaCommand.mmsspec(List.of(), List.of("serve", "--quiet", "--media", file.toString(),
                "--http-port", Integer.toString(port), "--mms-port", "0", "--rtsp-port", "0"));
        return ServedProcess.start("ours", cmd, dir.resolve("ours.log"), port, "/" + MEDIA, h -> true,
                SERVER_START);
    }

    /** VLC serves its live output at "/" only, and with --sout-keep keeps one listener across --loop's restarts. */
    private static ServedProcess vlc(Path file, Path dir) throws IOException, InterruptedException {
        int port = ServedProcess.freePort();
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("runuser", "-u", VLC_USER, "--"));
        }
        // VLC gets the hard limit of open files as its soft one, as the JVM takes it for ours: 1,024 would cap it
        cmd.addAll(List.of("sh", "-c", "ulimit -n \"$(ulimit -Hn)\" && exec \"$@\"", "sh"));
        cmd.addAll(List.of("cvlc", "-I", "dummy", "--loop", "--sout-keep", file.toString(), "--sout",
                "#std{access=mmsh,mux=asfh,dst=127.0.0.1:" + port + "}"));
        return ServedProcess.start("vlc", cmd, dir.resolve("vlc.log"), port, "/",
                h -> h.info().command().map(c -> c.endsWith("/vlc")).orElse(false), SERVER_START);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The executable {@code command} on PATH, or null. */
    static Path onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static int quiet(List<String> command) throws IOException, InterruptedException {
        return quiet(command, null);
    }

    /** Runs {@code command} to its end (bounded), its output to {@code log} or nowhere; returns its exit status. */
    private static int quiet(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(MEDIA_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
