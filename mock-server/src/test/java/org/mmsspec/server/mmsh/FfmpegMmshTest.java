package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.peers.PeerClient;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** FFmpeg's mmsh:// reader gets exactly the packets of the file. */
class FfmpegMmshTest {

    @Test
    void ffmpegCopiesTheSameFramesOverMmsh(@TempDir Path dir) throws Exception {
        AsfFile sample = AsfFile.sample();
        Path file = dir.resolve("sample.asf");
        Files.write(file, sample.bytes());
        List<String> expected = PeerClient.framemd5Packets(dir, file.toString());
        try (MmshLoopback s = new MmshLoopback(Scenario.builder().pacing(Pacing.FAST).media(sample).build())) {
            List<String> actual = PeerClient.framemd5Packets(dir, "mmsh://127.0.0.1:" + s.port + "/sample.asf");
            assertThat(actual).isEqualTo(expected);
            List<RecordedRequest> reqs = s.server.requests();
            assertThat(reqs).extracting(RecordedRequest::type).contains(RequestType.DESCRIBE, RequestType.PLAY);
            RecordedRequest play = reqs.stream().filter(r -> r.type() == RequestType.PLAY).findFirst().orElseThrow();
            assertThat(play.attributes().get("selection")).contains("[1, 2]").contains("stream numbers");
        }
    }
}
