package org.mmsspec.cases.server.mmsp;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.asf.AsfDataPacket;

/**
 * What a case needs from the ASF data packet a Data packet carries: its Send Time and the stream numbers of its
 * payloads, read from the payload parsing information (ASF 5.2). Seeking and stream selection are judged by these.
 *
 * @param sendTime ms, Send Time of the packet
 * @param streams  stream numbers of the payloads, key-frame bit cleared
 * @param payloads how many payloads the packet carries (0 only for a multiple-payload packet that lists none)
 */
record AsfPacketInfo(long sendTime, Set<Integer> streams, int payloads) {

    /**
     * Reads {@code packet}.
     *
     * @throws org.mmsspec.codec.MalformedInputException where it does not parse as an ASF data packet
     */
    static AsfPacketInfo of(Bytes packet) {
        AsfDataPacket p = AsfDataPacket.parse(packet.toArray());
        return new AsfPacketInfo(p.sendTime(), new LinkedHashSet<>(p.streamNumbers()), p.payloads().size());
    }
}
