package org.mmsspec.server.asf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed ffmpeg for tests; a test that needs it is skipped where it is missing. */
final class Ffmpeg {

    private static final long TIMEOUT_SECONDS = 60;

    private Ffmpeg() {
    }

    static void assumeInstalled() {
        assumeTrue(installed(), "ffmpeg is not installed (not on PATH): skipping the test that checks with it");
    }

    private static boolean installed() {
        try {
            return run(List.of("ffmpeg", "-hide_banner", "-version")).exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code ffmpeg -i file -c copy -f framemd5 -}: one line per packet with its stream, times, size and MD5. */
    static List<String> framemd5(Path file) throws IOException {
        return framemd5(file, false);
    }

    /**
     * As {@link #framemd5(Path)} with the file's own timestamps ({@code -copyts}): without it ffmpeg shifts every
     * stream so the earliest packet of the file is at 0, and a file without audio starts with video.
     */
    static List<String> framemd5CopyTs(Path file) throws IOException {
        return framemd5(file, true);
    }

    private static List<String> framemd5(Path file, boolean copyTs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error"));
        if (copyTs) {
            cmd.add("-copyts");
        }
        cmd.addAll(List.of("-i", file.toString(), "-c", "copy", "-f", "framemd5", "-"));
        Result r = run(cmd);
        if (r.exitCode != 0) {
            throw new AssertionError("ffmpeg framemd5 of " + file + " failed: " + r.stderr);
        }
        return r.stdout.lines().toList();
    }

    /** Makes a file with ffmpeg from lavfi sources; {@code args} are the output options before the file name. */
    static Path make(Path dir, String name, String... args) throws IOException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        cmd.add(out.toString());
        Result r = run(cmd);
        if (r.exitCode != 0 || !Files.exists(out)) {
            throw new AssertionError("ffmpeg could not make " + name + ": " + r.stderr);
        }
        return out;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> cmd) throws IOException {
        Path out = Files.createTempFile("ffmpeg", ".out");
        Path err = Files.createTempFile("ffmpeg", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ffmpeg did not finish in " + TIMEOUT_SECONDS + " s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
