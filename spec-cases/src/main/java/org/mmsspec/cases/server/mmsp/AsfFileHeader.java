package org.mmsspec.cases.server.mmsp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * What ReportOpenFile must agree with, read from the ASF file header the server sent (the Header Object and the first
 * 50 bytes of the Data Object, MS-MMSP 2.2.2): the sizes and the File Properties Object's fields.
 *
 * @param size            bytes of the ASF file header as sent
 * @param headerObject    size the Header Object declares
 * @param dataPackets     File Properties' Data Packets Count
 * @param playDuration    in 100-ns units, preroll included
 * @param preroll         in ms
 * @param broadcast       File Properties' Broadcast flag: duration and packet count are not known
 * @param maxPacketSize   File Properties' Maximum Data Packet Size
 * @param maxBitrate      File Properties' Maximum Bitrate: by ASF's definition, the sum of the streams' bit rates
 */
record AsfFileHeader(int size, long headerObject, long dataPackets, long playDuration, long preroll,
        boolean broadcast, long maxPacketSize, long maxBitrate) {

    /** GUIDs as stored: the first three parts little-endian. */
    static final byte[] HEADER_OBJECT = guid("75B22630-668E-11CF-A6D9-00AA0062CE6C");
    static final byte[] DATA_OBJECT = guid("75B22636-668E-11CF-A6D9-00AA0062CE6C");
    static final byte[] FILE_PROPERTIES = guid("8CABDCA1-A947-11CF-8EE4-00C00C205365");
    /** The part of the Data Object that travels with the header. */
    static final int DATA_OBJECT_PREFIX = 50;
    /** Header Object: GUID, size, object count, two reserved bytes. */
    private static final int HEADER_OBJECT_PREFIX = 30;

    /** The header's facts, or empty where it holds no Header Object with a File Properties Object. */
    static Optional<AsfFileHeader> read(byte[] h) {
        if (h.length < HEADER_OBJECT_PREFIX || !at(h, 0, HEADER_OBJECT)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        long headerSize = b.getLong(16);
        long end = Math.min(headerSize, h.length);
        for (long pos = HEADER_OBJECT_PREFIX; pos + 24 <= end; ) {
            int p = (int) pos;
            long size = b.getLong(p + 16);
            if (size < 24 || pos + size > end) {
                return Optional.empty();
            }
            if (at(h, p, FILE_PROPERTIES) && size >= 24 + 80) {
                int f = p + 24;
                return Optional.of(new AsfFileHeader(h.length, headerSize, b.getLong(f + 32), b.getLong(f + 40),
                        b.getLong(f + 56), (b.getInt(f + 64) & 1) != 0, b.getInt(f + 72) & 0xFFFFFFFFL,
                        b.getInt(f + 76) & 0xFFFFFFFFL));
            }
            pos += size;
        }
        return Optional.empty();
    }

    /** Seconds of content: play duration less preroll; 0 for a broadcast, whose length is not known. */
    double durationSeconds() {
        return broadcast ? 0 : Math.max(0, playDuration / 1e7 - preroll / 1e3);
    }

    /** Whether the Data Object's start follows the Header Object and ends the header. */
    boolean endsWithDataObject(byte[] h) {
        return headerObject + DATA_OBJECT_PREFIX == h.length && at(h, (int) headerObject, DATA_OBJECT);
    }

    private static boolean at(byte[] h, int off, byte[] guid) {
        return off >= 0 && off + guid.length <= h.length
                && Arrays.equals(h, off, off + guid.length, guid, 0, guid.length);
    }

    private static byte[] guid(String s) {
        String[] p = s.split("-");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) Long.parseLong(p[0], 16)).putShort((short) Integer.parseInt(p[1], 16))
                .putShort((short) Integer.parseInt(p[2], 16));
        String tail = p[3] + p[4];
        for (int i = 0; i < 16; i += 2) {
            b.put((byte) Integer.parseInt(tail.substring(i, i + 2), 16));
        }
        return b.array();
    }
}
