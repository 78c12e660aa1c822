package org.mmsspec.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 3.1.5.2: command packets and Data packets cut from one TCP stream, whatever the reads. */
class StreamFramerTest {

    /** The bundled sample, found from the codec module's folder (Maven runs tests there). */
    static final Path SAMPLE = Path.of("../mock-server/src/main/resources/org/mmsspec/server/media/sample.asf");
    static final int ASF_HEADER = 709;
    static final int ASF_PACKET = 3200;

    /** The units of a server's stream: a reply, the ASF header in two fragments, pings mixed with data packets. */
    static final List<byte[]> UNITS = units();
    static final byte[] STREAM = concat(UNITS);

    static List<byte[]> units() {
        byte[] asf = sampleOrSynthetic();
        List<byte[]> out = new ArrayList<>();
        out.add(CommandPacketCodec.encode(0, LinkMacToViewerPing.of()));
        int half = ASF_HEADER / 2;
        out.add(DataPacket.of(0, 2, DataPacket.AF_HEADER_MORE, Bytes.view(asf, 0, half)).encode());
        out.add(DataPacket.of(1, 2, DataPacket.AF_HEADER_LAST, Bytes.view(asf, half, ASF_HEADER - half)).encode());
        // several messages in one command packet: the server may combine them (3.2.5.2)
        out.add(CommandPacketCodec.encode(CommandPacket.of(1, LinkMacToViewerPing.of(), LinkMacToViewerPing.of(),
                LinkMacToViewerPing.of())));
        int seq = 2;
        for (int i = 0, at = ASF_HEADER; at + ASF_PACKET <= asf.length && i < 12; i++, at += ASF_PACKET) {
            out.add(DataPacket.of(i, 9, i, Bytes.view(asf, at, ASF_PACKET)).encode());
            if (i % 4 == 3) {
                out.add(CommandPacketCodec.encode(seq++, LinkMacToViewerPing.of()));
            }
        }
        out.add(DataPacket.of(0xF0F0F000L, 0xFF, DataPacket.AF_PACKET_PAIR, Bytes.EMPTY).encode());
        return out;
    }

    static byte[] sampleOrSynthetic() {
        try {
            if (Files.isReadable(SAMPLE)) {
                return Files.readAllBytes(SAMPLE);
            }
        } catch (IOException e) {
            // fall through to synthetic bytes
        }
        byte[] b = new byte[ASF_HEADER + 12 * ASF_PACKET];
        new Random(7).nextBytes(b);
        return b;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Frames {@code stream} fed in pieces cut at {@code cuts}, then finishes. */
    static List<StreamFramer.Unit> frame(byte[] stream, int... cuts) {
        StreamFramer f = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
        List<StreamFramer.Unit> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            f.feed(stream, from, cut - from, out::add);
            from = cut;
        }
        f.feed(stream, from, stream.length - from, out::add);
        f.finish();
        return out;
    }

    /** What must not depend on the split: each unit's offset, size, kind, bytes and verdict. */
    static List<String> summary(List<StreamFramer.Unit> units) {
        List<String> s = new ArrayList<>();
        for (StreamFramer.Unit u : units) {
            Object value = u.decoded() == null ? null : u.decoded().value();
            s.add(u.getClass().getSimpleName() + "@" + u.offset() + "+" + u.length() + " "
                    + (u.decoded() == null ? "-" : u.decoded().violations()) + " " + value);
        }
        return s;
    }

    @Test
    void theWholeStreamFramesIntoItsUnitsWithoutViolations() {
        List<StreamFramer.Unit> units = frame(STREAM);
        assertThat(units).hasSize(UNITS.size());
        long at = 0;
        for (int i = 0; i < units.size(); i++) {
            StreamFramer.Unit u = units.get(i);
            assertThat(u.offset()).isEqualTo(at);
            assertThat(u.length()).isEqualTo(UNITS.get(i).length);
            assertThat(u.decoded().violations()).as("unit %d", i).isEmpty();
            at += u.length();
        }
        assertThat(units.get(3)).isInstanceOfSatisfying(StreamFramer.Command.class,
                c -> assertThat(c.decoded().value().messages()).hasSize(3));
        assertThat(units.stream().filter(u -> u instanceof StreamFramer.Data).count()).isGreaterThan(10);
    }

    @Test
    void everySingleSplitPointFramesTheSame() {
        List<String> whole = summary(frame(STREAM));
        for (int cut = 0; cut <= STREAM.length; cut++) {
            assertThat(summary(frame(STREAM, cut))).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void oneByteFeedsFrameTheSame() {
        int[] cuts = new int[STREAM.length - 1];
        Arrays.setAll(cuts, i -> i + 1);
        assertThat(summary(frame(STREAM, cuts))).isEqualTo(summary(frame(STREAM)));
    }

    @Test
    void randomSplitsFrameTheSame() {
        List<String> whole = summary(frame(STREAM));
        for (long seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            int[] cuts = r.ints(r.nextInt(40), 0, STREAM.length + 1).sorted().toArray();
            assertThat(summary(frame(STREAM, cuts))).as("seed %d", seed).isEqualTo(whole);
        }
    }

    @Test
    void truncationAtTheEndIsReportedByFinish() {
        for (int cut : new int[] {1, 7, 8, 15, 16, STREAM.length - 1}) {
            StreamFramer f = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
            f.feed(STREAM, 0, cut, u -> { });
            assertThat(f.pendingBytes()).as("cut %d", cut).isPositive();
            assertThatThrownBy(f::finish).isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("stream ends inside a unit");
        }
    }

    @Test
    void aFourGigabyteMessageLengthIsRejectedBeforeAnyAllocation() {
        byte[] header = Arrays.copyOf(UNITS.get(0), 16);
        header[8] = header[9] = header[10] = header[11] = (byte) 0xFF;
        StreamFramer f = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
        assertThatThrownBy(() -> f.feed(header)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("exceeds the bound");
        assertThat(f.pendingBytes()).isZero();
        // the stream is lost: later feeds fail the same way
        assertThatThrownBy(() -> f.feed(UNITS.get(0))).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aPacketSizeBelowTheHeaderLosesTheStream() {
        for (int size = 0; size < DataPacket.HEADER_SIZE; size++) {
            byte[] b = {0, 0, 0, 0, 9, 0, (byte) size, 0};
            StreamFramer f = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
            assertThatThrownBy(() -> f.feed(b)).isInstanceOf(MalformedInputException.class)
                    .hasMessageContaining("below the 8-byte header");
        }
    }

    @Test
    void anUndecodableCommandPacketIsReportedAndTheStreamGoesOn() {
        // a ReportConnectedEX cut after its MID: framed by messageLength, but its fields are missing
        byte[] full = CommandPacketCodec.encode(0, LinkMacToViewerReportConnectedEX.of("9.0", ""));
        byte[] cut = Arrays.copyOf(full, 48);
        cut[8] = 32; // messageLength: 16 bytes of message
        cut[32] = 2; // chunkLen 2: the message holds its 8-byte prefix and 8 more bytes
        byte[] stream = concat(List.of(cut, UNITS.get(1)));
        List<StreamFramer.Unit> units = frame(stream);
        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isInstanceOf(StreamFramer.Undecodable.class);
        assertThat(units.get(1)).isInstanceOf(StreamFramer.Data.class);
        assertThat(units.get(1).offset()).isEqualTo(48);
    }

    @Test
    void dataPayloadsFedWholeAreViewsOfTheFedArray() {
        byte[] stream = STREAM.clone();
        List<StreamFramer.Unit> units = new StreamFramer(Direction.S2C, DecodeOptions.STRICT).feed(stream);
        StreamFramer.Data d = (StreamFramer.Data) units.get(1);
        Bytes before = Bytes.copyOf(d.decoded().value().Payload().toArray());
        stream[(int) d.offset() + DataPacket.HEADER_SIZE] ^= 0x55;
        assertThat(d.decoded().value().Payload()).as("a view sees the change").isNotEqualTo(before);
    }

    @Test
    void aClientStreamJudgesServerMids() {
        byte[] b = CommandPacketCodec.encode(0, LinkViewerToMacReadBlock.of(1, 1));
        List<StreamFramer.Unit> units = new StreamFramer(Direction.S2C, DecodeOptions.STRICT).feed(b);
        assertThat(units.get(0).decoded().violations()).extracting(Violation::field).contains("MID");
    }
}
