package org.mmsspec.server.asf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.codec.asf.AsfDataPacket;

/** Files other than the bundled sample, made by ffmpeg at test time: "any ASF file a user passes". */
class FfmpegMadeFilesTest {

    private static final String[] VIDEO = {"-f", "lavfi", "-i", "testsrc=size=176x144:rate=25"};
    private static final String[] AUDIO = {"-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsFfmpeg() {
        Ffmpeg.assumeInstalled();
    }

    @Test
    void audioAndVideoInPacketsOf2048Bytes() throws IOException {
        Path file = Ffmpeg.make(dir, "av2048.asf", args(VIDEO, AUDIO, "-t", "2", "-c:v", "wmv2", "-b:v", "150k",
                "-c:a", "wmav2", "-b:a", "64k", "-packet_size", "2048"));
        AsfFile asf = readAndRewriteEveryPacket(file, Set.of(AsfFile.Stream.Kind.VIDEO, AsfFile.Stream.Kind.AUDIO));
        assertThat(asf.packetSize()).isEqualTo(2048);
        assertThatFfmpegReadsTheRebuiltFileAsTheOriginal(asf, file);
    }

    @Test
    void audioOnlyWmav2() throws IOException {
        Path file = Ffmpeg.make(dir, "audio.asf", args(AUDIO, "-t", "2", "-c:a", "wmav2", "-b:a", "64k"));
        AsfFile asf = readAndRewriteEveryPacket(file, Set.of(AsfFile.Stream.Kind.AUDIO));
        assertThatFfmpegReadsTheRebuiltFileAsTheOriginal(asf, file);
    }

    @Test
    void videoOnlyInPacketsOf4096Bytes() throws IOException {
        Path file = Ffmpeg.make(dir, "video.asf", args(VIDEO, "-t", "2", "-c:v", "wmv2", "-b:v", "300k",
                "-packet_size", "4096"));
        AsfFile asf = readAndRewriteEveryPacket(file, Set.of(AsfFile.Stream.Kind.VIDEO));
        assertThat(asf.packetSize()).isEqualTo(4096);
        assertThatFfmpegReadsTheRebuiltFileAsTheOriginal(asf, file);
    }

    /** Reads the file, checks its streams, and rewrites each packet: stripped, it pads back to the same payloads. */
    private static AsfFile readAndRewriteEveryPacket(Path file, Set<AsfFile.Stream.Kind> kinds) throws IOException {
        AsfFile asf = AsfFile.read(file);
        assertThat(asf.streams().stream().map(AsfFile.Stream::kind).collect(Collectors.toSet())).isEqualTo(kinds);
        assertThat(asf.packetCount()).isPositive();
        assertThat(asf.bitRate()).isPositive();
        for (int i = 0; i < asf.packetCount(); i++) {
            byte[] sent = AsfPacketRewriter.allStreams().rewrite(asf.packet(i)).orElseThrow();
            assertThat(sent.length).isLessThanOrEqualTo(asf.packetSize());
            AsfDataPacket back = AsfDataPacket.parse(Arrays.copyOf(sent, asf.packetSize()));
            assertThat(back.payloads()).as("packet %d", i).isEqualTo(asf.asfPacket(i).payloads());
        }
        return asf;
    }

    private static void assertThatFfmpegReadsTheRebuiltFileAsTheOriginal(AsfFile asf, Path original)
            throws IOException {
        Path rebuilt = Reassembly.write(asf, AsfPacketRewriter.allStreams(), dir.resolve("rebuilt-"
                + original.getFileName()));
        List<String> expected = Ffmpeg.framemd5(original);
        assertThat(AsfPacketRewriterTest.packets(expected)).isNotEmpty();
        assertThat(Ffmpeg.framemd5(rebuilt)).isEqualTo(expected);
    }

    private static String[] args(Object... parts) {
        return Arrays.stream(parts).flatMap(p -> p instanceof String[] a ? Arrays.stream(a) : java.util.stream.Stream
                .of((String) p)).toArray(String[]::new);
    }
}
