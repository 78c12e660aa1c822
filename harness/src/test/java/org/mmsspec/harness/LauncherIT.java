package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * bin/mmsspec, the launcher the README runs, on the jar this build packaged: the first run archives its classes, the
 * next maps them, and neither prints a word of the JVM's own.
 */
@DisabledIfSystemProperty(named = "target", matches = ".*", disabledReason = "-Dtarget grades a server")
@DisabledIfSystemProperty(named = "client", matches = ".*", disabledReason = "-Dclient grades a client")
@DisabledIfSystemProperty(named = "fuzz", matches = ".*", disabledReason = "-Dfuzz runs a fuzzing campaign instead")
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "mmsspec");
    private static final Path CAPTURE = Path.of("..", "vectors", "src", "main", "resources", "captures",
            "ffmpeg-5.1.9-0+deb12u1", "mmst-c2s.bin");
    private static final Path ARCHIVE = Path.of("target", "mmsspec.jar.jsa");

    @Test
    void theFirstRunArchivesTheClassesAndTheNextUsesThem() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        assertThat(run("--version")).isEqualTo(new Mmsspec.Version().getVersion()[0] + "\n");
        assertThat(ARCHIVE).isNotEmptyFile();
        long written = Files.getLastModifiedTime(ARCHIVE).toMillis();
        assertThat(run("decode", CAPTURE.toString())).startsWith("{").contains("\"name\":\"LinkViewerToMacConnect\"")
                .doesNotContain("[warning]");
        assertThat(Files.getLastModifiedTime(ARCHIVE).toMillis()).as("the archive is used, not written again")
                .isEqualTo(written);
    }

    private static String run(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString());
        pb.command().addAll(List.of(args));
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bin/mmsspec " + String.join(" ", args) + " ends").isTrue();
        return new String(p.getInputStream().readAllBytes());
    }
}
