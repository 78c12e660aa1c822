package org.mmsspec.server.asf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.asf.AsfDataPacket;

/**
 * An ASF file as an MMS server needs it ([ASF] 3.1, 3.2, 3.3, 5.1): the Header Object, the File Properties and Stream
 * Properties it holds, and the Data Object's fixed-size packets. The MMS "ASF file header" is the Header Object plus
 * the first 50 bytes of the Data Object (MS-MMSP 2.2.2).
 *
 * <p>Every data packet is parsed when the file is read, so a file the server accepts has no packet it cannot rewrite.
 * Data packets of variable size (File Properties minimum and maximum packet sizes differ) are refused with an
 * {@link AsfException}: MMS clients pad every packet back to one size, and the whole server counts in it.
 */
public final class AsfFile {

    static final AsfGuid HEADER_OBJECT = AsfGuid.parse("75B22630-668E-11CF-A6D9-00AA0062CE6C");
    static final AsfGuid DATA_OBJECT = AsfGuid.parse("75B22636-668E-11CF-A6D9-00AA0062CE6C");
    static final AsfGuid FILE_PROPERTIES = AsfGuid.parse("8CABDCA1-A947-11CF-8EE4-00C00C205365");
    static final AsfGuid STREAM_PROPERTIES = AsfGuid.parse("B7DC0791-A9B7-11CF-8EE6-00C00C205365");
    static final AsfGuid STREAM_BITRATE_PROPERTIES = AsfGuid.parse("7BF875CE-468D-11D1-8D82-006097C9A2B2");
    static final AsfGuid AUDIO_MEDIA = AsfGuid.parse("F8699E40-5B4D-11CF-A8FD-00805F5C442B");
    static final AsfGuid VIDEO_MEDIA = AsfGuid.parse("BC19EFC0-5B4D-11CF-A8FD-00805F5C442B");
    /** Header Object: GUID, size, object count, two reserved bytes. */
    static final int HEADER_OBJECT_PREFIX = 30;
    /** Data Object: GUID, size, file ID, total data packets, reserved: the part that travels with the header. */
    public static final int DATA_OBJECT_PREFIX = 50;

    /** One stream of the file. */
    public record Stream(int number, Kind kind) {
        public enum Kind { AUDIO, VIDEO, OTHER }
    }

    private final byte[] bytes;
    private final String name;
    private final int headerObjectSize;
    private final int dataObjectOffset;
    private final FileProperties properties;
    private final List<Stream> streams;
    /** Sum of the Stream Bitrate Properties average bit rates; 0 where the header has no such object. */
    private final long streamBitrateSum;
    private final long[] sendTimes;
    private final Map<RewriteKey, Rewrites> rewritten = new ConcurrentHashMap<>();

    /**
     * What a rewrite depends on, looked up with the caller's set as it is (a paced session asks with every packet it
     * sends, and copying the set each time showed in the profile); stored with a copy of it.
     */
    private record RewriteKey(Set<Integer> streams, boolean stripPadding) {
    }

    /** A selection's rewriter and the packets it has rewritten so far. */
    private record Rewrites(AsfPacketRewriter rewriter, AtomicReferenceArray<byte[]> packets) {
    }
    private static final int CACHED_SELECTIONS = 16;
    /** Marks a packet with nothing left in the cache, where null means not rewritten yet. */
    private static final byte[] NOTHING_LEFT = new byte[0];

    private AsfFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        if (bytes.length < HEADER_OBJECT_PREFIX || !AsfGuid.at(bytes, 0).equals(HEADER_OBJECT)) {
            throw new AsfException(name + ": not an ASF file (no Header Object at offset 0)");
        }
        long headerSize = Le.u64(bytes, 16);
        if (headerSize < HEADER_OBJECT_PREFIX || headerSize + DATA_OBJECT_PREFIX > bytes.length) {
            throw new AsfException(name + ": Header Object size " + headerSize + " does not fit the file");
        }
        headerObjectSize = (int) headerSize;
        dataObjectOffset = headerObjectSize;
        if (!AsfGuid.at(bytes, dataObjectOffset).equals(DATA_OBJECT)) {
            throw new AsfException(name + ": no Data Object right after the Header Object");
        }
        FileProperties props = null;
        List<Stream> found = new ArrayList<>();
        long bitrateSum = 0;
        int pos = HEADER_OBJECT_PREFIX;
        while (pos + 24 <= headerObjectSize) {
            AsfGuid id = AsfGuid.at(bytes, pos);
            long size = Le.u64(bytes, pos + 16);
            if (size < 24 || pos + size > headerObjectSize) {
                throw new AsfException(name + ": header object at " + pos + " has size " + size);
            }
            if (id.equals(FILE_PROPERTIES)) {
                props = FileProperties.read(bytes, pos + 24, (int) size - 24, name);
            } else if (id.equals(STREAM_PROPERTIES) && size >= 24 + 50) {
                AsfGuid type = AsfGuid.at(bytes, pos + 24);
                int flags = Le.u16(bytes, pos + 24 + 48);
                found.add(new Stream(flags & 0x7F, type.equals(AUDIO_MEDIA) ? Stream.Kind.AUDIO
                        : type.equals(VIDEO_MEDIA) ? Stream.Kind.VIDEO : Stream.Kind.OTHER));
            } else if (id.equals(STREAM_BITRATE_PROPERTIES) && size >= 24 + 2) {
                int records = Le.u16(bytes, pos + 24);
                if (26L + 6L * records > size) {
                    throw new AsfException(name + ": Stream Bitrate Properties claims " + records + " records in "
                            + size + " bytes");
                }
                for (int i = 0; i < records; i++) {
                    bitrateSum += Le.u32(bytes, pos + 26 + 6 * i + 2);
                }
            }
            pos += (int) size;
        }
        if (props == null) {
            throw new AsfException(name + ": no File Properties Object");
        }
        if (props.minDataPacketSize() != props.maxDataPacketSize() || props.maxDataPacketSize() == 0) {
            throw new AsfException(name + ": data packets of variable size are not supported");
        }
        long dataBytes = (long) packetCountIn(props) * props.maxDataPacketSize();
        if (dataObjectOffset + DATA_OBJECT_PREFIX + dataBytes > bytes.length) {
            throw new AsfException(name + ": " + props.dataPacketsCount() + " packets do not fit the file");
        }
        properties = props;
        streams = List.copyOf(found);
        streamBitrateSum = bitrateSum;
        sendTimes = new long[packetCount()];
        for (int i = 0; i < sendTimes.length; i++) {
            try {
                sendTimes[i] = asfPacket(i).sendTime();
            } catch (MalformedInputException e) {
                throw new AsfException(name + ": data packet " + i + ": " + e.getMessage());
            }
        }
    }

    private static int packetCountIn(FileProperties p) {
        if (p.dataPacketsCount() > Integer.MAX_VALUE) {
            throw new AsfException("too many data packets: " + p.dataPacketsCount());
        }
        return (int) p.dataPacketsCount();
    }

    public static AsfFile read(Path path) throws IOException {
        return new AsfFile(path.getFileName().toString(), Files.readAllBytes(path));
    }

    public static AsfFile of(String name, byte[] bytes) {
        return new AsfFile(name, bytes.clone());
    }

    /** The bundled sample: WMV2 and WMAv2, about four seconds (see media/README.md). */
    public static AsfFile sample() {
        try (var in = AsfFile.class.getResourceAsStream("/org/mmsspec/server/media/sample.asf")) {
            if (in == null) {
                throw new IllegalStateException("sample.asf is not on the class path");
            }
            return new AsfFile("sample.asf", in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public FileProperties properties() {
        return properties;
    }

    public List<Stream> streams() {
        return streams;
    }

    /** The MMS "ASF file header": the Header Object and the first 50 bytes of the Data Object. */
    public byte[] mmsHeader() {
        return java.util.Arrays.copyOfRange(bytes, 0, dataObjectOffset + DATA_OBJECT_PREFIX);
    }

    public int mmsHeaderSize() {
        return dataObjectOffset + DATA_OBJECT_PREFIX;
    }

    public int packetSize() {
        return (int) properties.maxDataPacketSize();
    }

    public int packetCount() {
        return (int) properties.dataPacketsCount();
    }

    /** Data packet {@code i} as stored, padding and all. */
    public byte[] packet(int i) {
        java.util.Objects.checkIndex(i, packetCount());
        int from = dataObjectOffset + DATA_OBJECT_PREFIX + i * packetSize();
        return java.util.Arrays.copyOfRange(bytes, from, from + packetSize());
    }

    /** Byte offset of packet {@code i} in the file: what StartPlaying's asfOffset counts. */
    public long packetOffset(int i) {
        return dataObjectOffset + DATA_OBJECT_PREFIX + (long) i * packetSize();
    }

    /** Data packet {@code i}, parsed. */
    public AsfDataPacket asfPacket(int i) {
        return AsfDataPacket.parse(packet(i));
    }

    /**
     * Packet {@code i} as MS-MMSP 2.2.2 and MS-WMSP 2.2.3.3 send it: only the payloads of {@code streams} (null for
     * all), padding stripped or not. Null where no payload is left. Every client that selected the same streams gets
     * the same bytes, so the first rewrite of each packet is kept, for up to {@value #CACHED_SELECTIONS} selections
     * (past that, rewrites are made afresh: a client choosing odd selections cannot grow memory). The array is
     * shared: callers must not change it.
     */
    public byte[] wirePacket(int i, Set<Integer> streams, boolean stripPadding) {
        java.util.Objects.checkIndex(i, packetCount());
        Rewrites r = rewritten.get(new RewriteKey(streams, stripPadding));
        if (r == null) {
            AsfPacketRewriter rewriter = new AsfPacketRewriter(streams, stripPadding);
            if (rewritten.size() >= CACHED_SELECTIONS) {
                return wire(rewriter, i);
            }
            r = rewritten.computeIfAbsent(new RewriteKey(rewriter.selectedStreams(), stripPadding),
                    k -> new Rewrites(rewriter, new AtomicReferenceArray<>(packetCount())));
        }
        byte[] b = r.packets().get(i);
        if (b == null) {
            b = wire(r.rewriter(), i);
            r.packets().set(i, b == null ? NOTHING_LEFT : b); // two threads may both rewrite: they store equal bytes
            return b;
        }
        return b == NOTHING_LEFT ? null : b;
    }

    /** Packet {@code i} rewritten, or null where no payload is left. */
    private byte[] wire(AsfPacketRewriter rewriter, int i) {
        return rewriter.rewrite(asfPacket(i), packetSize()).map(AsfDataPacket::encode).orElse(null);
    }

    /** Send Time of packet {@code i} in milliseconds: when a paced server sends it, relative to the first. */
    public long sendTime(int i) {
        java.util.Objects.checkIndex(i, sendTimes.length);
        return sendTimes[i];
    }

    /**
     * The packet to start from for StartPlaying's {@code position}: the first whose Send Time is at or after it, or
     * {@link #packetCount()} when none is. Writers send a payload a preroll ahead of its presentation time, so send
     * times run on the same clock as the position (content time 0 = first packet), and preroll is not added. A
     * negative or NaN position starts at the beginning.
     */
    public int packetForTime(double seconds) {
        if (!(seconds > 0)) {
            return 0;
        }
        double ms = seconds * 1000;
        for (int i = 0; i < sendTimes.length; i++) {
            if (sendTimes[i] >= ms) {
                return i;
            }
        }
        return sendTimes.length;
    }

    /**
     * The packet holding byte {@code asfOffset} of the file (StartPlaying's asfOffset): offsets inside the header give
     * packet 0, offsets past the last packet give {@link #packetCount()}.
     */
    public int packetForOffset(long asfOffset) {
        long first = packetOffset(0);
        if (asfOffset < first) {
            return 0;
        }
        return (int) Math.min(packetCount(), (asfOffset - first) / packetSize());
    }

    /**
     * Bit rate of the content in bit/s, for ReportOpenFile's fileBitRate and for pacing: the sum of the Stream
     * Bitrate Properties Object's average rates where the header has one, else File Properties' maximum bit rate.
     */
    public long bitRate() {
        return streamBitrateSum > 0 ? streamBitrateSum : properties.maxBitrate();
    }

    /** The whole file, for a test that compares. */
    public byte[] bytes() {
        return bytes.clone();
    }
}
