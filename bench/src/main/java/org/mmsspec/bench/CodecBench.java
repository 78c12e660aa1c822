package org.mmsspec.bench;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the codec costs. Command benchmarks count packets per second over a mix of the packets a session starts with;
 * stream benchmarks count bytes per second over a ~1 MB server stream fed in socket-sized reads, with a plain copy
 * of the same bytes in the same chunks as the floor to compare framing against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBench {

    static final int READ_SIZE = 64 * 1024;
    static final int DATA_PACKET_SIZE = 3200;
    static final int DATA_PACKETS = 320;
    /** A Ping after every this many Data packets, as a server keeps the session alive while it streams. */
    static final int PING_EVERY = 32;
    /** A one-message Ping packet: 32-byte header, chunkLen and MID, dwParam1 and dwParam2. */
    static final int PING_PACKET_SIZE = 48;
    static final int STREAM_BYTES = DATA_PACKETS * DATA_PACKET_SIZE + DATA_PACKETS / PING_EVERY * PING_PACKET_SIZE;
    static final int MIX = 5;

    private CommandPacket[] packets;
    private byte[][] encoded;
    private byte[] stream;
    private byte[] copyTarget;

    @Setup
    public void setUp() {
        packets = new CommandPacket[] {
            CommandPacket.of(1, LinkViewerToMacConnect.of(
                    "NSPlayer/9.0.0.2980; {3300AD50-2C39-46c0-AE0A-60A1F25D8F6C}; Host: media.example.com")),
            CommandPacket.of(4, LinkViewerToMacReadBlock.of(1, 1)),
            CommandPacket.of(5, LinkViewerToMacStreamSwitch.of(StreamSwitchEntry.on(1), StreamSwitchEntry.on(2),
                    StreamSwitchEntry.off(3))),
            CommandPacket.of(1, LinkMacToViewerReportConnectedEX.of("9.1.1.3841", "NTLM")),
            CommandPacket.of(9, LinkMacToViewerPing.of()),
        };
        encoded = new byte[MIX][];
        for (int i = 0; i < MIX; i++) {
            encoded[i] = CommandPacketCodec.encode(packets[i]);
            // Measure conforming packets only: a mix that drew violations would time the error path.
            var d = CommandPacketCodec.decode(encoded[i], null, DecodeOptions.STRICT);
            if (!d.violations().isEmpty() || !d.value().equals(packets[i])) {
                throw new IllegalStateException("packet " + i + " does not round-trip: " + d.violations());
            }
        }
        stream = serverStream();
        copyTarget = new byte[READ_SIZE];
    }

    /** Data packets of ASF-sized payloads, LocationId counting up, a Ping now and then. */
    static byte[] serverStream() {
        SplittableRandom random = new SplittableRandom(2953575118L);
        ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES);
        byte[] payload = new byte[DATA_PACKET_SIZE - DataPacket.HEADER_SIZE];
        int seq = 10;
        for (int i = 0; i < DATA_PACKETS; i++) {
            random.nextBytes(payload);
            out.writeBytes(DataPacket.of(i, 1, 0, Bytes.copyOf(payload)).encode());
            if ((i + 1) % PING_EVERY == 0) {
                out.writeBytes(CommandPacketCodec.encode(seq++, LinkMacToViewerPing.of()));
            }
        }
        byte[] s = out.toByteArray();
        if (s.length != STREAM_BYTES) {
            throw new IllegalStateException("stream is " + s.length + " bytes, not " + STREAM_BYTES);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(MIX)
    public void decodeCommandPacket(Blackhole bh) {
        for (byte[] p : encoded) {
            bh.consume(CommandPacketCodec.decode(p, null, DecodeOptions.LENIENT));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MIX)
    public void encodeCommandPacket(Blackhole bh) {
        for (CommandPacket p : packets) {
            bh.consume(CommandPacketCodec.encode(p));
        }
    }

    /** Scored in bytes per second. */
    @Benchmark
    @OperationsPerInvocation(STREAM_BYTES)
    public void frameStream(Blackhole bh) {
        StreamFramer framer = new StreamFramer(Direction.S2C, DecodeOptions.LENIENT);
        for (int pos = 0; pos < stream.length; pos += READ_SIZE) {
            framer.feed(stream, pos, Math.min(READ_SIZE, stream.length - pos), bh::consume);
        }
        framer.finish();
    }

    /** The floor for {@link #frameStream}: the same bytes in the same reads, only copied. Scored in bytes per second. */
    @Benchmark
    @OperationsPerInvocation(STREAM_BYTES)
    public void copyStream(Blackhole bh) {
        for (int pos = 0; pos < stream.length; pos += READ_SIZE) {
            int n = Math.min(READ_SIZE, stream.length - pos);
            System.arraycopy(stream, pos, copyTarget, 0, n);
            bh.consume(copyTarget);
        }
    }
}
