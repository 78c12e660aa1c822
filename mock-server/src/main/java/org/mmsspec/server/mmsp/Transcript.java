package org.mmsspec.server.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/** Everything one client sent on one MMST connection, decoded strictly, with the violations found. Thread-safe. */
public final class Transcript {

    /**
     * One received unit.
     *
     * @param offset     its offset in the client's byte stream
     * @param header     the TcpMessageHeader of a command packet, or null for anything else
     * @param messages   the messages of a command packet (empty for anything else)
     * @param violations what strict decoding found
     * @param error      why it could not be decoded, or null
     */
    public record Entry(long offset, TcpMessageHeader header, List<MmsMessage> messages, List<Violation> violations,
            String error) {
        public Entry {
            messages = List.copyOf(messages);
            violations = List.copyOf(violations);
        }

        /** An entry that is not a command packet. */
        public Entry(long offset, List<MmsMessage> messages, List<Violation> violations, String error) {
            this(offset, null, messages, violations, error);
        }

        /**
         * Whether the entry's bytes lack sessionId 0xB00BFACE at offset 4, so that they frame as no command packet:
         * a Data packet from the client, complete or left unframed at the close.
         */
        public boolean noCommand() {
            return error != null && error.startsWith(NOT_A_COMMAND);
        }

        @Override
        public String toString() {
            return "@" + offset + " " + (error != null ? "undecodable: " + error
                    : messages.stream().map(m -> m.type().name()).toList()) + (violations.isEmpty() ? ""
                            : " " + violations);
        }
    }

    /** The error of an entry whose bytes carry no sessionId 0xB00BFACE at offset 4 (MS-MMSP 3.1.5.2 framing). */
    public static final String NOT_A_COMMAND = "a Data packet from the client";

    private final long connection;
    /** Bounds memory on a long session: a chatty client cannot grow the transcript without end. */
    private final int maxEntries;
    private final List<Entry> entries = new ArrayList<>();

    Transcript(long connection, int maxEntries) {
        this.connection = connection;
        this.maxEntries = maxEntries;
    }

    public long connection() {
        return connection;
    }

    void add(StreamFramer.Unit u) {
        if (maxEntries == 0) {
            return; // recording is off: not even the entry is built
        }
        Entry e;
        if (u instanceof StreamFramer.Command c) {
            CommandPacket p = c.decoded().value();
            e = new Entry(u.offset(), p.header(), p.messages(), c.decoded().violations(), null);
        } else if (u instanceof StreamFramer.Undecodable x) {
            e = new Entry(u.offset(), List.of(), List.of(), x.error().getMessage());
        } else {
            e = new Entry(u.offset(), List.of(), u.decoded().violations(), NOT_A_COMMAND);
        }
        add(e);
    }

    /**
     * The bytes of a unit begun and never finished when the connection closed: a messageLength that runs past what
     * the client sent leaves them so, with the server waiting for the rest.
     */
    void unframed(long offset, int bytes, boolean command) {
        String left = bytes + " bytes left unframed when the connection closed";
        add(new Entry(offset, List.of(), List.of(), command ? left : NOT_A_COMMAND + ", " + left));
    }

    void add(Entry e) {
        synchronized (entries) {
            if (entries.size() < maxEntries) {
                entries.add(e);
            }
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The names of the messages received, in order. */
    public List<String> messageNames() {
        return entries().stream().flatMap(e -> e.messages().stream()).map(m -> m.type().name()).toList();
    }
}
