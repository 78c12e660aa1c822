package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** FFmpeg's mmsh:// reader gets exactly the packets of the file. */
class FfmpegMmshTest {

    static boolean ffmpegPresent() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static String framemd5(String input) throws Exception {
        Process p = new ProcessBuilder("timeout", "-k", "5", "60", "ffmpeg", "-nostdin", "-loglevel", "error", "-i",
                input, "-c", "copy", "-f", "framemd5", "-").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ffmpeg exit status for " + input).isZero();
        // the header comment lines name the input; the packet lines are what must match
        return String.join("\n", out.lines().filter(l -> !l.startsWith("#")).toList());
    }

    @Test
    void ffmpegCopiesTheSameFramesOverMmsh(@TempDir Path dir) throws Exception {
        assumeTrue(ffmpegPresent(), "ffmpeg is not installed: skipping the real-client check");
        AsfFile sample = AsfFile.sample();
        Path file = dir.resolve("sample.asf");
        Files.write(file, sample.bytes());
        String expected = framemd5(file.toString());
        try (MmshLoopback s = new MmshLoopback(Scenario.builder().pacing(Pacing.FAST).media(sample).build())) {
            String actual = framemd5("mmsh://127.0.0.1:" + s.port + "/sample.asf");
            assertThat(actual).isNotBlank().isEqualTo(expected);
            List<RecordedRequest> reqs = s.server.requests();
            assertThat(reqs).extracting(RecordedRequest::type).contains(RequestType.DESCRIBE, RequestType.PLAY);
            RecordedRequest play = reqs.stream().filter(r -> r.type() == RequestType.PLAY).findFirst().orElseThrow();
            assertThat(play.attributes().get("selection")).contains("[1, 2]").contains("stream numbers");
        }
    }
}
