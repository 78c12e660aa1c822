package org.mmsspec.server.asf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.codec.asf.AsfDataPacket;

class AsfPacketRewriterTest {

    private static final AsfFile SAMPLE = AsfFile.sample();
    private static final int VIDEO = 1;
    private static final int AUDIO = 2;

    @Test
    void strippedPacketsHaveNoPaddingAndPadBackToTheSamePayloads() {
        int shrunk = 0;
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            AsfDataPacket stored = SAMPLE.asfPacket(i);
            byte[] sent = AsfPacketRewriter.allStreams().rewrite(SAMPLE.packet(i)).orElseThrow();
            AsfDataPacket stripped = AsfDataPacket.parse(sent);
            assertThat(stripped.paddingLength()).as("packet %d", i).isZero();
            assertThat(sent.length).isEqualTo(SAMPLE.packetSize() - (int) stored.paddingLength());
            AsfDataPacket padded = AsfDataPacket.parse(Arrays.copyOf(sent, SAMPLE.packetSize()));
            assertThat(padded.payloads()).isEqualTo(stored.payloads());
            assertThat(padded.sendTime()).isEqualTo(stored.sendTime());
            shrunk += sent.length < SAMPLE.packetSize() ? 1 : 0;
        }
        assertThat(shrunk).as("the sample has padded packets to strip").isPositive();
    }

    @Test
    void aStrippedSinglePayloadPacketGainsAPacketLengthSoPaddedZerosAreNotPayload() {
        byte[] stored = AsfFilePacketsTest.hex("""
                10                       padding length WORD, no packet length
                5D  05 00  00 00 00 00  00 00
                01 00 00 00 00 00 00     stream 1, no replicated data
                AA BB CC
                00 00 00 00 00""");
        byte[] sent = new AsfPacketRewriter(null, true).rewrite(stored).orElseThrow();
        AsfDataPacket p = AsfDataPacket.parse(sent);
        assertThat(p.hasPacketLengthField()).isTrue();
        assertThat(p.packetLength()).isEqualTo(sent.length);
        assertThat(sent.length).isEqualTo(stored.length - 5 + 2);
        AsfDataPacket padded = AsfDataPacket.parse(Arrays.copyOf(sent, stored.length));
        assertThat(padded.payloads().get(0).payloadData().hex()).isEqualTo("aabbcc");
    }

    @Test
    void aStrippedPacketWithAPacketLengthFieldStatesItsNewLength() {
        byte[] stored = AsfFilePacketsTest.hex("""
                50  5D  18 00  02 00    packet length 24, padding 2
                00 00 00 00 00 00
                01 00 00 00 00 00 00 AA BB CC  00 00""");
        byte[] sent = AsfPacketRewriter.allStreams().rewrite(stored).orElseThrow();
        assertThat(sent).hasSize(22);
        assertThat(AsfDataPacket.parse(sent).packetLength()).isEqualTo(22);
    }

    @Test
    void removesThePayloadsOfStreamsNotSelected() {
        int emptied = 0;
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            AsfDataPacket stored = SAMPLE.asfPacket(i);
            var sent = new AsfPacketRewriter(Set.of(AUDIO), true).rewrite(SAMPLE.packet(i));
            List<AsfDataPacket.Payload> audio = stored.payloads().stream().filter(p -> p.streamNumber() == AUDIO)
                    .toList();
            if (audio.isEmpty()) {
                assertThat(sent).as("packet %d has no audio: not sent", i).isEmpty();
                emptied++;
                continue;
            }
            AsfDataPacket p = AsfDataPacket.parse(sent.orElseThrow());
            assertThat(p.payloads()).isEqualTo(audio);
            if (p.multiplePayloads()) {
                assertThat(p.payloadFlags() & 0x3F).as("payload count").isEqualTo(audio.size());
            }
        }
        assertThat(emptied).as("the sample has video-only packets").isPositive();
    }

    @Test
    void keepsTheStoredSizeWhenNotStripping() {
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            var sent = new AsfPacketRewriter(Set.of(AUDIO), false).rewrite(SAMPLE.packet(i));
            if (sent.isPresent()) {
                assertThat(sent.get()).hasSize(SAMPLE.packetSize());
                assertThat(AsfDataPacket.parse(sent.get()).streamNumbers()).containsOnly(AUDIO);
            }
        }
        assertThat(new AsfPacketRewriter(null, false).rewrite(SAMPLE.packet(3))).hasValue(SAMPLE.packet(3));
    }

    @Test
    void ffmpegReadsTheStrippedAndPaddedBackFileAsTheOriginal(@TempDir Path dir) throws IOException {
        Ffmpeg.assumeInstalled();
        Path original = Files.write(dir.resolve("original.asf"), SAMPLE.bytes());
        Path rebuilt = Reassembly.write(SAMPLE, AsfPacketRewriter.allStreams(), dir.resolve("rebuilt.asf"));
        List<String> expected = Ffmpeg.framemd5(original);
        assertThat(expected.stream().filter(l -> !l.startsWith("#"))).hasSizeGreaterThan(50);
        assertThat(Ffmpeg.framemd5(rebuilt)).isEqualTo(expected);
    }

    @Test
    void ffmpegSeesOnlyVideoPacketsWhenAudioIsFilteredOut(@TempDir Path dir) throws IOException {
        Ffmpeg.assumeInstalled();
        List<String> original = Ffmpeg.framemd5CopyTs(Files.write(dir.resolve("original.asf"), SAMPLE.bytes()));
        String video = ffmpegIndex(original, "video");
        Path rebuilt = Reassembly.write(SAMPLE, new AsfPacketRewriter(Set.of(VIDEO), true),
                dir.resolve("video.asf"));
        List<String> frames = withoutDuration(packets(Ffmpeg.framemd5CopyTs(rebuilt)));
        assertThat(frames).isNotEmpty().allMatch(l -> l.startsWith(video + ","));
        assertThat(frames).isEqualTo(withoutDuration(packets(original)).stream()
                .filter(l -> l.startsWith(video + ",")).toList());
    }

    /** framemd5's index of the stream of a media type, from its {@code #media_type N: video} line. */
    static String ffmpegIndex(List<String> framemd5, String mediaType) {
        return framemd5.stream().filter(l -> l.startsWith("#media_type") && l.endsWith(": " + mediaType))
                .map(l -> l.substring("#media_type".length(), l.indexOf(':')).trim()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + mediaType + " stream in " + framemd5));
    }

    /**
     * framemd5 lines without the duration column: ASF payloads carry no frame duration, and ffmpeg's estimate of it
     * (66 or 67 ms at 15 fps) changes with the streams it probes, not with the packets' bytes.
     */
    static List<String> withoutDuration(List<String> lines) {
        return lines.stream().map(l -> l.split(",\\s*")).map(c -> String.join(",", c[0], c[1], c[2], c[4], c[5]))
                .toList();
    }

    static List<String> packets(List<String> framemd5) {
        return framemd5.stream().filter(l -> !l.startsWith("#")).toList();
    }
}
