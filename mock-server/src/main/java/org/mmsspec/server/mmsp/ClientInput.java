package org.mmsspec.server.mmsp;

import java.util.Arrays;
import java.util.Set;

import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * What the reference refuses in the client's byte stream before the session sees it (MS-MMSP 3.2.5.1): anything
 * that does not start with a TcpMessageHeader, a header that breaks a MUST of 2.2.3, message framing that breaks
 * 2.2.4, strings that are not UTF-16, and length fields that claim more than the message holds. Field rules that
 * deployed clients are known to break (Connect's playIncarnation, OpenFile's playIncarnation 0) are the session's
 * business, not refused here.
 */
final class ClientInput {

    private static final Section HEADER = Section.mmsp("2.2.3");
    private static final Section MESSAGES = Section.mmsp("2.2.4");
    private static final Set<String> LENGTH_FIELDS = Set.of("token", "cbtoken", "cbToken", "cStreamEntries");
    private static final Set<String> NOT_A_STRING = Set.of("whole UTF-16 code units", "well-formed UTF-16",
            "NUL-terminated UTF-16LE string");

    /** The first bytes (up to 8) of the unit the framer has begun but not finished. */
    private byte[] head = new byte[0];

    /** Why {@code d} is refused, or null. */
    static String refusal(Decoded<CommandPacket> d) {
        for (Violation v : d.violations()) {
            if (v.level() != Level.MUST) {
                continue;
            }
            boolean framing = v.section().equals(HEADER) && !v.field().equals("chunkCount")
                    || v.section().equals(MESSAGES);
            if (framing || LENGTH_FIELDS.contains(v.field()) || NOT_A_STRING.contains(v.expected())) {
                return v.toString();
            }
        }
        // chunkCount: the deployed messageLength/8 or the spec's packet size/8; anything else is no header
        TcpMessageHeader h = d.value().header();
        if (h.chunkCount() != h.messageLength() / 8 && h.chunkCount() != (h.messageLength() + 16) / 8) {
            return "chunkCount " + h.chunkCount() + " fits messageLength " + h.messageLength() + " in no reading";
        }
        return null;
    }

    /**
     * After {@code b} was fed and {@code pending} bytes of an unfinished unit are held: false once its first 8 bytes
     * are known not to carry the sessionId, so a client's Data packet or garbage is refused at once rather than
     * waited for up to the PacketSize it happens to announce.
     */
    boolean unfinishedIsCommand(byte[] b, int pending) {
        if (pending == 0) {
            head = new byte[0];
        } else if (pending <= b.length) {
            int from = b.length - pending;
            head = Arrays.copyOfRange(b, from, from + Math.min(8, pending));
        } else if (head.length < 8) {
            int more = Math.min(8 - head.length, b.length);
            byte[] h = Arrays.copyOf(head, head.length + more);
            System.arraycopy(b, 0, h, head.length, more);
            head = h;
        }
        return unfinishedIsCommand();
    }

    /** Whether the unit held back, as far as its first 8 bytes are known, may still be a command packet. */
    boolean unfinishedIsCommand() {
        return head.length < 8 || (head[4] & 0xFF | (head[5] & 0xFF) << 8 | (head[6] & 0xFF) << 16
                | (long) (head[7] & 0xFF) << 24) == TcpMessageHeader.SESSION_ID;
    }
}
