package org.mmsspec.harness.fuzz;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a campaign has done, kept so that {@code kill -9} loses nothing: an append-only journal (one line per finished
 * session, written with one {@code write()} each, which survives the death of the JVM) and a snapshot
 * ({@code campaign.json}, written atomically) after which the journal starts again. Sessions are counted by their
 * position in the shard: every position below {@link #lowWater()} is done, and so are those in {@code done}.
 *
 * <p>Replaying the journal is idempotent (a record whose session the snapshot already holds is skipped), so a kill
 * between the snapshot's rename and the journal's truncation counts nothing twice.
 */
final class CampaignLog implements Closeable {

    static final String FORMAT = "mmsspec-campaign/1";
    static final String SNAPSHOT = "campaign.json";
    static final String JOURNAL = "journal";
    static final String FINDINGS = "findings";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final long seed;
    private final Shard shard;
    private final FileChannel journal;
    /** Where the next record goes: kept here, so that a record costs one pwrite and no fstat. */
    private long journalEnd;
    private long lowWater;
    private final TreeSet<Long> done = new TreeSet<>();
    private long sessions;
    private long repeats;
    private long elapsedMillis;
    private final Map<FuzzState, Long> states = new EnumMap<>(FuzzState.class);
    /** Every key a finding had, before or after minimisation: what makes a new finding a repeat. */
    private final Set<String> keys = new LinkedHashSet<>();

    private CampaignLog(Path out, long seed, Shard shard) throws IOException {
        this.out = out;
        this.seed = seed;
        this.shard = shard;
        Files.createDirectories(out.resolve(FINDINGS));
        this.journal = FileChannel.open(out.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Whether {@code out} holds a campaign. */
    static boolean exists(Path out) {
        return Files.exists(out.resolve(SNAPSHOT)) || Files.exists(out.resolve(JOURNAL));
    }

    /** The seed of the campaign in {@code out}, for a {@code --resume} that does not repeat it. */
    static Long savedSeed(Path out) throws IOException {
        Path f = out.resolve(SNAPSHOT);
        return Files.exists(f) ? JSON.readTree(f.toFile()).path("seed").asLong() : null;
    }

    /**
     * Opens the campaign state in {@code options.out()}: a new one, or with {@code resume} the one there.
     *
     * @throws CampaignException where the directory holds a campaign and resume is off, or the saved campaign has
     *                           another seed or shard
     */
    static CampaignLog open(FuzzOptions options) throws IOException {
        Path out = options.out();
        boolean exists = exists(out);
        if (exists && !options.resume()) {
            throw new CampaignException(out + " holds a campaign already: resume it with --resume, or choose "
                    + "another --out");
        }
        CampaignLog log = new CampaignLog(out, options.seed(), options.shard());
        try {
            if (exists) {
                log.load();
            } else {
                log.journal.truncate(0);
            }
            log.loadKeysFromFindings();
            log.snapshot(); // also drops a torn last record, which later appends would otherwise run into
            return log;
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private void load() throws IOException {
        Path f = out.resolve(SNAPSHOT);
        if (Files.exists(f)) {
            JsonNode o = JSON.readTree(f.toFile());
            if (!FORMAT.equals(o.path("format").asText())) {
                throw new CampaignException(f + ": not an mmsspec campaign state");
            }
            if (o.path("seed").asLong() != seed) {
                throw new CampaignException("--resume: the campaign in " + out + " has seed "
                        + o.path("seed").asLong() + ", not " + seed);
            }
            if (!shard.toString().equals(o.path("shard").asText())) {
                throw new CampaignException("--resume: the campaign in " + out + " is shard "
                        + o.path("shard").asText() + ", not " + shard);
            }
            lowWater = o.path("lowWater").asLong();
            o.path("done").forEach(n -> done.add(n.asLong()));
            sessions = o.path("sessions").asLong();
            repeats = o.path("repeats").asLong();
            elapsedMillis = o.path("elapsedMillis").asLong();
            o.path("states").fields().forEachRemaining(e -> states.put(FuzzState.byLabel(e.getKey()),
                    e.getValue().asLong()));
            o.path("keys").forEach(k -> keys.add(k.asText()));
        }
        replayJournal();
    }

    private void replayJournal() throws IOException {
        String text = Files.readString(out.resolve(JOURNAL), StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n'); // whatever follows the last newline is a torn record
        if (end < 0) {
            return;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length < 2) {
                continue;
            }
            long position = shard.position(Long.parseLong(w[0]));
            if (position < 0) {
                throw new CampaignException(out.resolve(JOURNAL) + ": session " + w[0] + " is not shard " + shard
                        + "'s");
            }
            List<String> found = List.of(w).subList(2, w.length);
            count(position, FuzzState.byLabel(w[1]), found.contains("+") ? 1 : 0, found);
        }
    }

    private void loadKeysFromFindings() throws IOException {
        try (DirectoryStream<Path> d = Files.newDirectoryStream(out.resolve(FINDINGS), "*.json")) {
            for (Path p : d) {
                String name = p.getFileName().toString();
                keys.add(name.substring(0, name.length() - ".json".length()));
            }
        }
    }

    synchronized boolean isDone(long position) {
        return position < lowWater || done.contains(position);
    }

    synchronized long lowWater() {
        return lowWater;
    }

    /** Whether a finding with this key is known; if not, it is from now on. */
    synchronized boolean claim(String key) {
        return !keys.add(key);
    }

    synchronized void alias(String key) {
        keys.add(key);
    }

    /**
     * Journals a finished session: its state and the keys of the new findings it saved (their files are written
     * already), or "+" where it found a repeat.
     */
    synchronized void record(long number, FuzzState reached, boolean repeat, List<String> newKeys)
            throws IOException {
        StringBuilder line = new StringBuilder(32).append(number).append(' ').append(reached.label());
        if (repeat) {
            line.append(" +");
        }
        newKeys.forEach(k -> line.append(' ').append(k));
        ByteBuffer b = ByteBuffer.wrap(line.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining()) {
            journalEnd += journal.write(b, journalEnd);
        }
        count(shard.position(number), reached, repeat ? 1 : 0, newKeys);
    }

    private void count(long position, FuzzState reached, int repeat, List<String> newKeys) {
        if (isDone(position)) {
            return;
        }
        done.add(position);
        while (done.remove(lowWater)) {
            lowWater++;
        }
        sessions++;
        repeats += repeat;
        states.merge(reached, 1L, Long::sum);
        newKeys.stream().filter(k -> !k.equals("+")).forEach(keys::add);
    }

    /** Writes campaign.json atomically, then starts the journal again. */
    synchronized void snapshot() throws IOException {
        AtomicFiles.write(out.resolve(SNAPSHOT), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson()));
        journal.truncate(0);
        journalEnd = 0;
    }

    private ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("seed", seed);
        o.put("shard", shard.toString());
        o.put("lowWater", lowWater);
        done.forEach(o.putArray("done")::add);
        o.put("sessions", sessions);
        o.put("repeats", repeats);
        o.put("elapsedMillis", elapsedMillis);
        ObjectNode s = o.putObject("states");
        states.forEach((k, v) -> s.put(k.label(), v));
        keys.forEach(o.putArray("keys")::add);
        return o;
    }

    synchronized void addElapsed(long millis) {
        elapsedMillis += millis;
    }

    synchronized long sessions() {
        return sessions;
    }

    synchronized long repeats() {
        return repeats;
    }

    synchronized long elapsedMillis() {
        return elapsedMillis;
    }

    synchronized Map<FuzzState, Long> states() {
        return new EnumMap<>(states);
    }

    /** The positions done above the low-water mark (sessions that ran out of order). */
    synchronized List<Long> doneAbove() {
        return new ArrayList<>(done);
    }

    Path findings() {
        return out.resolve(FINDINGS);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
