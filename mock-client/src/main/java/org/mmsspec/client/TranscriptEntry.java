package org.mmsspec.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Violation;

/**
 * One unit sent or received, or one event of the connection.
 *
 * @param nanos      monotonic time since the client started
 * @param wall       wall-clock time, for reports
 * @param direction  c2s or s2c; null for an event of the client's own (a timeout)
 * @param kind       what the bytes are
 * @param raw        the bytes on the wire (empty for events)
 * @param decoded    the decoded unit (a CommandPacket, DataPacket, MmshPacket, HttpHead), or null where it could not be
 *                   decoded
 * @param violations what strict decoding found
 * @param note       anything else worth a line: a decode error, a split, an event
 */
public record TranscriptEntry(long nanos, Instant wall, Direction direction, Kind kind, Bytes raw, Object decoded,
        List<Violation> violations, String note) {

    public enum Kind {
        /** A TcpMessageHeader packet. */
        COMMAND,
        /** A Data packet over TCP. */
        DATA,
        /** A Data packet in a UDP datagram. */
        UDP_DATA,
        /** A packet of an MMSH response body. */
        MMSH_FRAME,
        /** An HTTP request or response head. */
        HTTP_HEAD,
        /** Bytes sent or received that are no unit (malformed input, bytes after a lost stream). */
        RAW,
        /** Timeout, end of stream, reset, loss of framing. */
        EVENT
    }

    public TranscriptEntry {
        violations = List.copyOf(violations);
        raw = raw == null ? Bytes.EMPTY : raw;
    }

    /** One line: direction, kind, size and the unit's name. */
    public String headline() {
        StringBuilder b = new StringBuilder();
        b.append(direction == null ? "---" : direction.label()).append(' ').append(kind.name().toLowerCase());
        if (raw.length() > 0) {
            b.append(' ').append(raw.length()).append(" bytes");
        }
        String name = Rendering.name(decoded);
        if (!name.isEmpty()) {
            b.append(' ').append(name);
        }
        if (note != null && !note.isEmpty()) {
            b.append(" (").append(note).append(')');
        }
        if (!violations.isEmpty()) {
            b.append(", ").append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
        }
        return b.toString();
    }

    /** The decoded fields as text, one line per message or structure, each indented by {@code indent}. */
    public String fieldsText(String indent) {
        StringBuilder b = new StringBuilder();
        Rendering.fields(b, decoded, indent);
        return b.toString();
    }

    /** The first {@code max} bytes as annotated hex (offsets and ASCII), each line indented by {@code indent}. */
    public String hexText(int max, String indent) {
        StringBuilder b = new StringBuilder();
        Rendering.hex(b, raw, max, indent);
        return b.toString();
    }

    /** The TCP connection this event says was opened, for entries {@link Transcript#connected} made. */
    public Optional<Transcript.Connection> connection() {
        return kind == Kind.EVENT ? Transcript.Connection.parse(note) : Optional.empty();
    }
}
