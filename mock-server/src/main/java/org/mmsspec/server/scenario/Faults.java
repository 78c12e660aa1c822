package org.mmsspec.server.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deliberate misbehaviour for client testing, each off by default. Message names are the spec's
 * ({@code LinkMacToViewerReportOpenFile}); MMSH packets are named {@code $H}, {@code $D}, ...
 *
 * @param delayReply      hold each named reply back this long before sending it
 * @param dropReply       never send the named replies
 * @param fieldOverrides  send the named field of the named message with another value
 * @param oneByteSegments write every byte in its own TCP segment (flushed one by one, Nagle off)
 * @param combineMessages carry the replies that answer one request in one command packet (legal, MS-MMSP 2.2.3)
 * @param closeMidMessage close the connection halfway through writing the named message
 * @param garbageAfter    write 16 fixed bytes of garbage right after the named message (MMST: PacketSize 0 at
 *                        offset 6, so neither a command nor a Data packet; MMSH: 0xEE)
 * @param headerLastFlag  AFFlags of the last ASF header fragment: 0x0C (the default, MS-MMSP 2.2.2) or 0x08
 */
public record Faults(Map<String, Duration> delayReply, Set<String> dropReply, List<FieldOverride> fieldOverrides,
        boolean oneByteSegments, boolean combineMessages, String closeMidMessage, String garbageAfter,
        int headerLastFlag) {

    /** Send {@code field} of {@code message} as {@code value} (a number, or a string for string fields). */
    public record FieldOverride(String message, String field, Object value) {
    }

    public static final Faults NONE = new Faults(Map.of(), Set.of(), List.of(), false, false, null, null, 0x0C);

    public Faults {
        delayReply = Map.copyOf(delayReply);
        dropReply = Set.copyOf(dropReply);
        fieldOverrides = List.copyOf(fieldOverrides);
        if (headerLastFlag != 0x0C && headerLastFlag != 0x08) {
            throw new IllegalArgumentException("headerLastFlag must be 0x0C or 0x08: " + headerLastFlag);
        }
    }

    /** These faults, and {@code message} held back {@code d} before it is sent. */
    public Faults withDelayReply(String message, Duration d) {
        Map<String, Duration> m = new java.util.HashMap<>(delayReply);
        m.put(message, d);
        return new Faults(m, dropReply, fieldOverrides, oneByteSegments, combineMessages, closeMidMessage,
                garbageAfter, headerLastFlag);
    }

    /** These faults, and {@code message} never sent. */
    public Faults withDropReply(String message) {
        Set<String> s = new java.util.HashSet<>(dropReply);
        s.add(message);
        return new Faults(delayReply, s, fieldOverrides, oneByteSegments, combineMessages, closeMidMessage,
                garbageAfter, headerLastFlag);
    }

    /** These faults, and {@code field} of {@code message} sent as {@code value}. */
    public Faults withFieldOverride(String message, String field, Object value) {
        List<FieldOverride> o = new java.util.ArrayList<>(fieldOverrides);
        o.add(new FieldOverride(message, field, value));
        return new Faults(delayReply, dropReply, o, oneByteSegments, combineMessages, closeMidMessage, garbageAfter,
                headerLastFlag);
    }

    /** These faults, and every byte in its own TCP segment. */
    public Faults withOneByteSegments() {
        return new Faults(delayReply, dropReply, fieldOverrides, true, combineMessages, closeMidMessage, garbageAfter,
                headerLastFlag);
    }

    /** These faults, and the replies to one request in one command packet. */
    public Faults withCombineMessages() {
        return new Faults(delayReply, dropReply, fieldOverrides, oneByteSegments, true, closeMidMessage, garbageAfter,
                headerLastFlag);
    }

    /** These faults, and the connection closed halfway through {@code message}. */
    public Faults withCloseMidMessage(String message) {
        return new Faults(delayReply, dropReply, fieldOverrides, oneByteSegments, combineMessages, message,
                garbageAfter, headerLastFlag);
    }

    /** These faults, and garbage right after {@code message}. */
    public Faults withGarbageAfter(String message) {
        return new Faults(delayReply, dropReply, fieldOverrides, oneByteSegments, combineMessages, closeMidMessage,
                message, headerLastFlag);
    }

    /** These faults, with {@code flag} (0x0C or 0x08) on the last ASF header fragment. */
    public Faults withHeaderLastFlag(int flag) {
        return new Faults(delayReply, dropReply, fieldOverrides, oneByteSegments, combineMessages, closeMidMessage,
                garbageAfter, flag);
    }

    public boolean any() {
        return !equals(NONE);
    }
}
