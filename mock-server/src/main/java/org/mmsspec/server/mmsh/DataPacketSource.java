package org.mmsspec.server.mmsh;

import org.mmsspec.server.asf.AsfFile;

/**
 * The ASF packet that goes into a $D: the seam where padding stripping and stream filtering plug in (MS-WMSP
 * 2.2.3.3, 3.2.5.6).
 */
@FunctionalInterface
public interface DataPacketSource {

    /**
     * Packet {@code index} of {@code file} as the client should get it, or null where nothing of it is left to send
     * (no selected stream in it). Nobody changes the array once returned, the source included: the session sends a
     * view of it, and a source may hand every session the same array.
     */
    byte[] packet(AsfFile file, int index, StreamSelection selection, ClientVersion client);

    /**
     * As MS-WMSP 2.2.3.3 asks: payloads of unselected streams removed, padding stripped except for NSServer clients
     * older than 5.0; with no stream selected, no packet is sent.
     */
    DataPacketSource ASF = (file, index, selection, client) -> selection.isEmpty() ? null
            : file.wirePacket(index, selection.all() ? null : selection.selected(),
                    !(client.token().equals("NSServer") && client.major() < 5));
}
