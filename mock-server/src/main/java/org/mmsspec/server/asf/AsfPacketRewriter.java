package org.mmsspec.server.asf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mmsspec.codec.asf.AsfDataPacket;

/**
 * What the server does to a stored ASF data packet before it goes into an MMS Data packet (MS-MMSP 2.2.2): drop the
 * payloads of streams the client did not select, and strip the Padding Data unless the client is a WMS 4.0/4.1
 * server. Either way the result is a valid ASF packet that the client zero-pads back to the file's packet size.
 *
 * @param selectedStreams the stream numbers to keep; {@code null} keeps every stream
 * @param stripPadding    remove Padding Data (the SHOULD of 2.2.2); if false, the packet keeps its stored size
 */
public record AsfPacketRewriter(Set<Integer> selectedStreams, boolean stripPadding) {

    public AsfPacketRewriter {
        selectedStreams = selectedStreams == null ? null : Set.copyOf(selectedStreams);
    }

    /** Every stream, padding stripped: what a server sends a client that selected nothing special. */
    public static AsfPacketRewriter allStreams() {
        return new AsfPacketRewriter(null, true);
    }

    public AsfPacketRewriter withStreams(Set<Integer> streams) {
        return new AsfPacketRewriter(streams, stripPadding);
    }

    /**
     * The packet to send, or empty when no selected payload is left: such a packet is not sent at all.
     *
     * @throws org.mmsspec.codec.MalformedInputException if {@code stored} is not an ASF data packet
     */
    public Optional<byte[]> rewrite(byte[] stored) {
        return rewrite(AsfDataPacket.parse(stored), stored.length).map(AsfDataPacket::encode);
    }

    /** As {@link #rewrite(byte[])}, on a parsed packet stored in {@code storedSize} bytes. */
    public Optional<AsfDataPacket> rewrite(AsfDataPacket packet, int storedSize) {
        List<AsfDataPacket.Payload> kept = selectedStreams == null ? packet.payloads()
                : packet.payloads().stream().filter(p -> selectedStreams.contains(p.streamNumber())).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        AsfDataPacket filtered = kept.size() == packet.payloads().size() ? packet : packet.withPayloads(kept);
        if (stripPadding) {
            return Optional.of(filtered.withoutPadding());
        }
        return Optional.of(filtered == packet ? packet : filtered.paddedTo(storedSize));
    }
}
