package org.mmsspec.server.mmsh;

import org.mmsspec.server.asf.AsfFile;

/**
 * The ASF packet that goes into a $D: the seam where padding stripping and stream filtering plug in (MS-WMSP
 * 2.2.3.3, 3.2.5.6). {@link #AS_STORED} sends packets as the file holds them and can only drop all of them.
 */
@FunctionalInterface
public interface DataPacketSource {

    /**
     * Packet {@code index} of {@code file} as the client should get it, or null where nothing of it is left to send
     * (no selected stream in it).
     */
    byte[] packet(AsfFile file, int index, StreamSelection selection, ClientVersion client);

    /** Padding and all streams kept; with no stream selected, no packet is sent. */
    DataPacketSource AS_STORED = (file, index, selection, client) -> selection.isEmpty() ? null : file.packet(index);
}
