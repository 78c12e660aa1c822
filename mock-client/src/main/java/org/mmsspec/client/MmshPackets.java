package org.mmsspec.client;

import java.util.Optional;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;

/** The MMS Data packet that $H, $D and $M frames carry. */
final class MmshPackets {

    private MmshPackets() {
    }

    static Optional<DataPacket> dataPacket(MmshPacket p) {
        if (p instanceof MmshHeader h) {
            return Optional.of(h.packet());
        }
        if (p instanceof MmshData d) {
            return Optional.of(d.packet());
        }
        if (p instanceof MmshMetadata m) {
            return Optional.of(m.packet());
        }
        return Optional.empty();
    }
}
