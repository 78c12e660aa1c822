package org.mmsspec.server.mmsp;

import java.util.Set;

import org.mmsspec.server.asf.AsfFile;

/**
 * Packets exactly as the file stores them, padding included. Without an ASF packet parser it cannot filter payloads:
 * it sends a packet whole when any stream is selected and nothing when none is; send times are spread evenly at the
 * file's bit rate.
 */
final class StoredPackets implements PacketSource {

    static final StoredPackets INSTANCE = new StoredPackets();

    @Override
    public byte[] packet(AsfFile file, int i, Set<Integer> streams, boolean keepPadding) {
        return streams.isEmpty() ? null : file.packet(i);
    }

    @Override
    public long sendTimeMillis(AsfFile file, int i) {
        return (long) i * file.packetSize() * 8000L / Math.max(1, file.properties().maxBitrate());
    }

    @Override
    public int packetForTime(AsfFile file, double seconds) {
        double duration = file.properties().durationSeconds();
        if (!(seconds > 0) || duration <= 0) {
            return 0;
        }
        return (int) Math.min(file.packetCount(), Math.floor(seconds / duration * file.packetCount()));
    }

    @Override
    public int packetForOffset(AsfFile file, long asfOffset) {
        long first = file.packetOffset(0);
        if (asfOffset < first) {
            return 0;
        }
        return (int) Math.min(file.packetCount(), (asfOffset - first) / file.packetSize());
    }
}
