package org.mmsspec.server.mmsp;

import java.util.Set;

import org.mmsspec.server.asf.AsfFile;

/**
 * Where the ASF data packets of a stream come from. The session asks for each packet as it sends it, so the ASF packet
 * rewriter (padding strip, stream filtering, send times) plugs in here without touching the state machine.
 */
public interface PacketSource {

    /**
     * Packet {@code i} of {@code file} as it goes on the wire: payloads of streams outside {@code streams} removed and,
     * unless {@code keepPadding}, padding stripped (MS-MMSP 2.2.2). Null when nothing of it is left to send. Nobody
     * changes the array once returned, the source included: the session sends a view of it, and a source may hand
     * every session the same array.
     */
    byte[] packet(AsfFile file, int i, Set<Integer> streams, boolean keepPadding);

    /** Send time of packet {@code i} in milliseconds from the start of the file. */
    long sendTimeMillis(AsfFile file, int i);

    /** The packet to start from for a position in seconds. */
    int packetForTime(AsfFile file, double seconds);

    /** The packet holding the byte at {@code asfOffset} of the file. */
    int packetForOffset(AsfFile file, long asfOffset);

    /** Packets rewritten from the ASF file as MS-MMSP 2.2.2 asks. */
    static PacketSource asf() {
        return AsfPackets.INSTANCE;
    }
}
