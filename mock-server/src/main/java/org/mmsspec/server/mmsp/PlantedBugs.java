package org.mmsspec.server.mmsp;

import java.util.Set;

import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.scenario.PlantedBug;

/**
 * Where the MMST server meets its planted bugs: asked about every command packet a client sends, before anything
 * judges it, as a server with such a bug would trip while parsing. {@link #NONE} where the scenario plants none, so
 * the reference's own path holds no trace of them.
 */
final class PlantedBugs {

    static final PlantedBugs NONE = new PlantedBugs(Set.of());

    /** What strict decoding says of a UTF-16 string that runs to the end of its message (WireReader.utf16z). */
    private static final String NUL_TERMINATED = "NUL-terminated UTF-16LE string";

    private final Set<PlantedBug> planted;

    private PlantedBugs(Set<PlantedBug> planted) {
        this.planted = planted;
    }

    static PlantedBugs of(Set<PlantedBug> planted) {
        return planted.isEmpty() ? NONE : new PlantedBugs(planted);
    }

    /**
     * The planted bug {@code packet} sets off, or null.
     *
     * @param pinged whether the server has sent a Ping on this connection
     */
    PlantedBug setOff(Decoded<CommandPacket> packet, boolean pinged) {
        if (planted.isEmpty()) {
            return null;
        }
        for (MmsMessage m : packet.value().messages()) {
            PlantedBug b = m instanceof LinkViewerToMacConnect c && unterminatedSubscriberName(c, packet)
                    ? PlantedBug.UNTERMINATED_SUBSCRIBER_NAME
                    : m instanceof LinkViewerToMacReadBlock r && r.length() == 0 ? PlantedBug.READ_BLOCK_LENGTH_ZERO
                    : m instanceof LinkViewerToMacPong && !pinged ? PlantedBug.PONG_BEFORE_PING : null;
            if (b != null && planted.contains(b)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Connect's strings are all decoded under the field name subscriberName; a string after the first one makes a
     * host or via string, so a missing NUL with neither is the first string's own: it ran to the message's end.
     */
    private static boolean unterminatedSubscriberName(LinkViewerToMacConnect c, Decoded<CommandPacket> packet) {
        if (!c.hostString().isEmpty() || !c.viaString().isEmpty()) {
            return false;
        }
        for (Violation v : packet.violations()) {
            if (v.field().equals("subscriberName") && v.expected().equals(NUL_TERMINATED)) {
                return true;
            }
        }
        return false;
    }
}
