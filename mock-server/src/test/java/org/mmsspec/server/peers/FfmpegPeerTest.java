package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * FFmpeg 5.1 gets exactly the file's packets over mmst:// and mmsh://. Always {@code -c copy}: when FFmpeg's mmst
 * reader decodes audio live it takes ReportEndOfStream for an unexpected packet and never finishes.
 */
@Tag("peers")
class FfmpegPeerTest {

    static final AsfFile SAMPLE = AsfFile.sample();

    @TempDir
    Path dir;
    PeerClient ffmpeg;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        ffmpeg = PeerClient.require("ffmpeg");
        file = Files.write(dir.resolve("sample.asf"), SAMPLE.bytes());
    }

    List<String> framemd5(String input) {
        return PeerClient.framemd5Packets(dir, input);
    }

    @Test
    void mmstGivesExactlyTheFilesPackets() {
        List<String> expected = framemd5(file.toString());
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            assertThat(framemd5(s.server.url(Protocol.MMST, "sample.asf"))).isEqualTo(expected);
            s.assertStreamed(Protocol.MMST);
            assertThat(s.mmstSessionsThatSentAll(SAMPLE)).as(s.log()).isEqualTo(1);
            assertThat(s.mmst.transcripts()).singleElement().satisfies(t -> assertThat(t.messageNames())
                    .startsWith("LinkViewerToMacConnect", "LinkViewerToMacFunnelInfo")
                    .contains("LinkViewerToMacStartPlaying").endsWith("LinkViewerToMacCloseFile"));
        }
    }

    @Test
    void mmshGivesExactlyTheFilesPackets() throws Exception {
        List<String> expected = framemd5(file.toString());
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            assertThat(framemd5(s.server.url(Protocol.MMSH, "sample.asf"))).isEqualTo(expected);
            long c = s.assertStreamed(Protocol.MMSH);
            assertThat(s.events().await(e -> e.connection() == c && e.what() == What.CLOSED_BY_SERVER
                    && e.detail().equals("end of stream"), Duration.ofSeconds(5))).as(s.log()).isNotNull();
        }
    }

    @Test
    void aCopySavedFromMmstDecodesToTheFilesPackets() {
        List<String> expected = framemd5(file.toString());
        Path copy = dir.resolve("copy.asf");
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            PeerClient.Result r = ffmpeg.run(dir, 60, "-nostdin", "-v", "error", "-i",
                    s.server.url(Protocol.MMST, "sample.asf"), "-c", "copy", "-f", "asf", copy.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            s.assertStreamed(Protocol.MMST);
        }
        assertThat(framemd5(copy.toString())).isEqualTo(expected);
    }
}
