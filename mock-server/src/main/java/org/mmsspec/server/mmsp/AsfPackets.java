package org.mmsspec.server.mmsp;

import java.util.Set;

import org.mmsspec.server.asf.AsfFile;

/**
 * Packets as MS-MMSP 2.2.2 sends them: payloads of unselected streams removed, padding stripped unless the client is
 * WMS 4.0/4.1, at the send times the packets carry.
 */
final class AsfPackets implements PacketSource {

    static final AsfPackets INSTANCE = new AsfPackets();

    @Override
    public byte[] packet(AsfFile file, int i, Set<Integer> streams, boolean keepPadding) {
        if (streams.isEmpty()) {
            return null; // nothing selected: MS-MMSP 3.2.5.11 sends no data at all
        }
        return file.wirePacket(i, streams, !keepPadding);
    }

    @Override
    public long sendTimeMillis(AsfFile file, int i) {
        return file.sendTime(i);
    }

    @Override
    public int packetForTime(AsfFile file, double seconds) {
        return file.packetForTime(seconds);
    }

    @Override
    public int packetForOffset(AsfFile file, long asfOffset) {
        return file.packetForOffset(asfOffset);
    }
}
