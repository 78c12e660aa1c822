package org.mmsspec.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Violation;

/**
 * Everything a client sent and received, in order, with times. Bounded: past {@link #MAX_ENTRIES} entries or
 * {@link #MAX_RAW_BYTES} bytes, entries are counted but not kept, so a flooding peer cannot exhaust memory.
 */
public final class Transcript {

    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_RAW_BYTES = 1L << 20;
    /** Bytes of hex printed per entry in {@link #render()}. */
    public static final int HEX_PER_ENTRY = 256;

    private final long start = System.nanoTime();
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private long rawBytes;
    private long dropped;

    /** {@code raw} must not change later: callers hand over fresh arrays. */
    synchronized TranscriptEntry add(Direction direction, TranscriptEntry.Kind kind, Bytes raw, Object decoded,
            List<Violation> violations, String note) {
        TranscriptEntry e = new TranscriptEntry(System.nanoTime() - start, Instant.now(), direction, kind,
                raw, decoded, violations, note);
        if (entries.size() >= MAX_ENTRIES || rawBytes + e.raw().length() > MAX_RAW_BYTES) {
            dropped++;
        } else {
            entries.add(e);
            rawBytes += e.raw().length();
        }
        return e;
    }

    /**
     * A TCP connection opened from {@code localPort} to {@code host:port}; entries up to the next such event travel on
     * it (pcap files are made from this).
     */
    public record Connection(String host, int port, int localPort) {

        private static final Pattern NOTE = Pattern.compile("connected to (.+):(\\d+) from port (\\d+)");

        static Optional<Connection> parse(String note) {
            Matcher m = note == null ? null : NOTE.matcher(note);
            return m != null && m.matches()
                    ? Optional.of(new Connection(m.group(1), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))))
                    : Optional.empty();
        }

        String note() {
            return "connected to " + host + ":" + port + " from port " + localPort;
        }
    }

    TranscriptEntry connected(String host, int port, int localPort) {
        return event(new Connection(host, port, localPort).note());
    }

    TranscriptEntry event(String note) {
        return add(null, TranscriptEntry.Kind.EVENT, null, null, List.of(), note);
    }

    public synchronized List<TranscriptEntry> entries() {
        return List.copyOf(entries);
    }

    public List<TranscriptEntry> entries(Predicate<TranscriptEntry> p) {
        return entries().stream().filter(p).toList();
    }

    /** Entries not kept because the transcript was full. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Every violation of every received unit. */
    public List<Violation> violations() {
        return entries().stream().filter(e -> e.direction() == Direction.S2C)
                .flatMap(e -> e.violations().stream()).toList();
    }

    /**
     * The text form for reports: per entry a headline with its time, the decoded fields, the violations and the first
     * {@link #HEX_PER_ENTRY} bytes as annotated hex.
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (TranscriptEntry e : entries()) {
            out.append(String.format("%10.3f ms  ", e.nanos() / 1e6)).append(e.headline()).append('\n');
            out.append(e.fieldsText("      "));
            for (Violation v : e.violations()) {
                out.append("      ! ").append(v).append('\n');
            }
            out.append(e.hexText(HEX_PER_ENTRY, "      "));
        }
        long d = dropped();
        if (d > 0) {
            out.append("… ").append(d).append(" entries not kept (transcript full)\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
