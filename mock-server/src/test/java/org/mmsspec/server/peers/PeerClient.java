package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real client program run against the mock server. Every run is bounded by {@code timeout -k 5}, because VLC and
 * FFmpeg can ignore SIGTERM while they wait on a socket; output goes to files, so a chatty client cannot block on a
 * full pipe. Where the program is missing the calling test is skipped, not failed: CI installs every peer.
 */
public final class PeerClient {

    /** What one run left behind. */
    record Result(List<String> command, int exit, String stdout, String stderr, Duration took) {

        /** {@code timeout} exits 124 when it had to stop the client. */
        boolean timedOut() {
            return exit == 124 || exit == 137;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + " in " + took.toMillis() + " ms\n--- stderr:\n"
                    + tail(stderr) + "\n--- stdout:\n" + tail(stdout);
        }

        private static String tail(String s) {
            return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
        }
    }

    /** A client still running, e.g. a capture that must outlive the session it records. */
    static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;
        private final long started = System.nanoTime();
        private final long limitSeconds;

        private Running(List<String> command, Process process, Path out, Path err, long limitSeconds) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
            this.limitSeconds = limitSeconds;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        String stderrSoFar() {
            return read(err);
        }

        /** Waits for the client to end by itself (or for {@code timeout} to end it). */
        Result await() {
            try {
                // timeout -k 5 ends it; this is only the guard should timeout itself hang
                if (!process.waitFor(limitSeconds + 15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            return result();
        }

        /** Asks the client to stop (SIGTERM, which {@code timeout} passes on) and waits for it. */
        Result stop() {
            process.destroy();
            return await();
        }

        private Result result() {
            int exit = process.isAlive() ? -1 : process.exitValue();
            return new Result(command, exit, read(out), read(err),
                    Duration.ofNanos(System.nanoTime() - started));
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private final String binary;
    private final boolean asMmsUser;

    private PeerClient(String binary, boolean asMmsUser) {
        this.binary = binary;
        this.asMmsUser = asMmsUser;
    }

    /** {@code binary} from PATH; skips the calling test where it is not installed. */
    /**
     * The packet lines of {@code ffmpeg -i input -c copy -f framemd5 -} (the # lines describe the input, not its
     * packets), run in {@code dir}; skips the test where ffmpeg is missing.
     */
    public static List<String> framemd5Packets(Path dir, String input) {
        Result r = require("ffmpeg").run(dir, 60, "-nostdin", "-v", "error", "-i", input, "-c", "copy", "-f",
                "framemd5", "-");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> packets = r.stdout().lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(packets).as(r.toString()).isNotEmpty();
        return packets;
    }

    static PeerClient require(String binary) {
        assumeTrue(onPath(binary) != null, binary + " is not installed: CI installs it via .ci/run");
        assumeTrue(onPath("timeout") != null, "timeout (coreutils) is not installed: every client run needs it");
        return new PeerClient(binary, false);
    }

    /**
     * As {@link #require}, run as the ordinary user {@code mmsuser}: VLC refuses to run as root. Skips unless this JVM
     * runs as root (to switch user) and mmsuser exists, as .ci/run arranges.
     */
    static PeerClient requireAsMmsUser(String binary) {
        PeerClient c = require(binary);
        assumeTrue(isRoot() && onPath("runuser") != null,
                binary + " must run as user mmsuser, which needs root and runuser: .ci/run runs the build as root");
        assumeTrue(userExists("mmsuser"), "user mmsuser does not exist: .ci/run creates it (useradd -m mmsuser)");
        return new PeerClient(c.binary, true);
    }

    /** Runs the client to its end, at most {@code seconds}. */
    Result run(Path dir, int seconds, String... args) {
        try (Running r = start(dir, seconds, args)) {
            return r.await();
        }
    }

    /** Starts the client in its own process, with stdin closed; it is ended after {@code seconds} at the latest. */
    Running start(Path dir, int seconds, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asMmsUser) {
            cmd.addAll(List.of("runuser", "-u", "mmsuser", "--"));
        }
        cmd.addAll(List.of("timeout", "-k", "5", Integer.toString(seconds), binary));
        cmd.addAll(Arrays.asList(args));
        try {
            Path out = Files.createTempFile(dir, binary, ".out");
            Path err = Files.createTempFile(dir, binary, ".err");
            // mmsuser cannot enter a root-only temporary directory
            File cwd = asMmsUser ? new File("/tmp") : dir.toFile();
            Process p = new ProcessBuilder(cmd).directory(cwd).redirectInput(ProcessBuilder.Redirect.from(
                    new File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Running(cmd, p, out, err, seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    static Path onPath(String binary) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, binary);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uid().equals("0");
    }

    private static String uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> l.split("\\s+")[1]).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            // lenient: a client may print bytes that are not UTF-8
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
