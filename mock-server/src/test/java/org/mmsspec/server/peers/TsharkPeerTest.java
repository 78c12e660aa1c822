package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsp.Transcript;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * Wireshark's msmms dissector, an independent reading of MS-MMSP, decodes a whole MMST session captured on loopback
 * with no malformed packet. (The vectors module judges the codec's own bytes the same way from a built pcap; here the
 * bytes are what really crossed the socket, segmentation included.)
 */
@Tag("peers")
class TsharkPeerTest {

    @TempDir
    Path dir;

    @Test
    void dissectsACapturedSessionWithoutMalformedPackets() throws Exception {
        PeerClient tshark = PeerClient.require("tshark");
        AsfFile sample = AsfFile.sample();
        Path pcap = dir.resolve("mmst.pcap");
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            int port = s.server.port(Protocol.MMST);
            String decodeAs = "tcp.port==" + port + ",msmms";
            PeerClient.Result all = null;
            ScriptedMmstClient.Played played = null;
            // "Capturing on" can come a moment before packets are really taken (seen under load): a capture that
            // missed the session, which the client saw complete, is the capture's fault and is tried again
            for (int attempt = 1; attempt <= 3; attempt++) {
                PeerClient.Running capture = tshark.start(dir, 60, "-i", "lo", "-f", "tcp port " + port, "-w",
                        pcap.toString());
                awaitCapturing(capture);
                Thread.sleep(250L * attempt);
                played = ScriptedMmstClient.play("127.0.0.1", port, "sample.asf",
                        sample.streams().stream().map(AsfFile.Stream::number).toList());
                assertThat(played.data()).hasSize(sample.packetCount());
                Thread.sleep(500); // let the last segments and the FIN reach the capture
                PeerClient.Result stopped = capture.stop();
                assertThat(stopped.stderr()).as(stopped.toString()).containsPattern("\\d+ packets? captured");
                all = tshark.run(dir, 60, "-r", pcap.toString(), "-d", decodeAs, "-V");
                assertThat(all.exit()).as(all.toString()).isZero();
                if (all.stdout().contains("Microsoft Media Server")) {
                    break;
                }
            }
            assertThat(all.stdout()).as("dissection of the capture").contains("Microsoft Media Server")
                    .doesNotContain("Malformed");
            assertThat(all.stderr()).doesNotContain("Malformed");

            // every command packet the client sent is dissected as one (in its own segment: the client waits)
            PeerClient.Result commands = tshark.run(dir, 60, "-r", pcap.toString(), "-d", decodeAs, "-Y",
                    "msmms.command && tcp.dstport==" + port, "-T", "fields", "-e", "frame.number");
            assertThat(commands.exit()).as(commands.toString()).isZero();
            List<Transcript> transcripts = s.mmst.transcripts();
            Transcript t = transcripts.get(transcripts.size() - 1);
            long sent = t.entries().stream().filter(e -> !e.messages().isEmpty()).count();
            assertThat(sent).isEqualTo(played.commands());
            List<String> frames = commands.stdout().lines().filter(l -> !l.isBlank()).toList();
            assertThat(frames).as(commands.toString()).hasSizeGreaterThanOrEqualTo((int) sent);
        }
    }

    /** tshark says "Capturing on" once its filter is live; where it cannot capture, skip. */
    private static void awaitCapturing(PeerClient.Running capture) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            String err = capture.stderrSoFar();
            if (err.contains("Capturing on")) {
                return;
            }
            if (!capture.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        PeerClient.Result r = capture.stop();
        assumeTrue(false, "tshark cannot capture on lo here (it needs root or capture rights): " + r.stderr().strip());
    }
}
