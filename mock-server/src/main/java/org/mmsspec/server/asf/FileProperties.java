package org.mmsspec.server.asf;

/**
 * The File Properties Object ([ASF] 3.2): what ReportOpenFile reports.
 *
 * @param playDuration in 100-nanosecond units, preroll included
 * @param preroll      in milliseconds
 * @param flags        0x01 broadcast, 0x02 seekable
 */
public record FileProperties(long fileSize, long dataPacketsCount, long playDuration, long sendDuration, long preroll,
        long flags, long minDataPacketSize, long maxDataPacketSize, long maxBitrate) {

    public static final long BROADCAST = 0x01;
    public static final long SEEKABLE = 0x02;

    static FileProperties read(byte[] b, int at, int size, String name) {
        if (size < 80) {
            throw new AsfException(name + ": File Properties Object of " + size + " bytes, 80 needed");
        }
        // file ID (16), then the fields
        return new FileProperties(Le.u64(b, at + 16), Le.u64(b, at + 32), Le.u64(b, at + 40), Le.u64(b, at + 48),
                Le.u64(b, at + 56), Le.u32(b, at + 64), Le.u32(b, at + 68), Le.u32(b, at + 72), Le.u32(b, at + 76));
    }

    /** Seconds of content, preroll excluded: ReportOpenFile's fileDuration. */
    public double durationSeconds() {
        return Math.max(0, playDuration / 1e7 - preroll / 1e3);
    }
}
