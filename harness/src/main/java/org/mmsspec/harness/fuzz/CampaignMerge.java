package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the output directories of one campaign's shards into one: each finding once (by its key, the file name),
 * the smaller transcript where two shards found the same, and one {@code stats.json} that adds up the shards'.
 */
public final class CampaignMerge {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Fewer bytes, then fewer steps, then the earlier session: which of two copies of a finding to keep. */
    static final Comparator<Reproducer> SMALLER = Comparator.comparingInt(Reproducer::bytes)
            .thenComparingInt(r -> r.steps().size()).thenComparingLong(Reproducer::session);

    private CampaignMerge() {
    }

    /**
     * @param sessions          the sessions of all shards
     * @param sessionsPerSecond the campaign's rate: sessions over the longest shard's elapsed time, or the sum of the
     *                          shards' rates where none says its elapsed time
     * @param findings          distinct keys
     * @param duplicates        findings left out because another shard had the same key
     * @param states            sessions per state reached, summed
     * @param seeds             the seeds met (one, unless forced)
     */
    public record MergeResult(int directories, long sessions, double sessionsPerSecond, int findings, int duplicates,
            Map<String, Long> states, Set<Long> seeds) {
    }

    public static MergeResult merge(Path out, List<Path> dirs) throws IOException {
        return merge(out, dirs, false);
    }

    /**
     * @param force merge directories of different seeds (different campaigns) all the same
     * @throws IllegalArgumentException where a directory is missing, {@code out} already holds a campaign, or the
     *                                  seeds differ without {@code force}
     */
    public static MergeResult merge(Path out, List<Path> dirs, boolean force) throws IOException {
        if (Files.exists(out.resolve("stats.json")) || nonEmpty(out.resolve("findings"))) {
            throw new IllegalArgumentException(out + " already holds a campaign: merge into a new directory");
        }
        long sessions = 0;
        double rates = 0;
        double elapsed = 0;
        Map<String, Long> states = new LinkedHashMap<>();
        Set<Long> seeds = new LinkedHashSet<>();
        List<String> shards = new ArrayList<>();
        Map<String, Found> kept = new TreeMap<>();
        int duplicates = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": not a directory");
            }
            Path statsFile = dir.resolve("stats.json");
            if (Files.exists(statsFile)) {
                JsonNode s = JSON.readTree(Files.readAllBytes(statsFile));
                sessions += s.path("sessions").asLong();
                rates += s.path("sessionsPerSecond").asDouble();
                elapsed = Math.max(elapsed, s.path("elapsedSeconds").asDouble());
                s.path("states").fields().forEachRemaining(e -> states.merge(e.getKey(), e.getValue().asLong(),
                        Long::sum));
                if (s.hasNonNull("seed")) {
                    seeds.add(s.get("seed").asLong());
                }
                if (s.hasNonNull("shard")) {
                    shards.add(s.get("shard").asText());
                }
            }
            for (Path file : findings(dir)) {
                Reproducer r = ReproducerFile.read(file);
                seeds.add(r.seed());
                Found f = new Found(r, file);
                Found before = kept.putIfAbsent(r.key(), f);
                if (before != null) {
                    duplicates++;
                    if (SMALLER.compare(r, before.reproducer()) < 0) {
                        kept.put(r.key(), f);
                    }
                }
            }
        }
        if (seeds.size() > 1 && !force) {
            throw new IllegalArgumentException("the directories hold different seeds " + seeds
                    + ", so different campaigns: merge them with --force if that is what you want");
        }
        for (Map.Entry<String, Found> e : kept.entrySet()) {
            AtomicFiles.write(out.resolve("findings").resolve(e.getKey() + ".json"),
                    Files.readAllBytes(e.getValue().file()));
        }
        double rate = elapsed > 0 ? sessions / elapsed : rates;
        MergeResult result = new MergeResult(dirs.size(), sessions, rate, kept.size(), duplicates, states, seeds);
        AtomicFiles.write(out.resolve("stats.json"), stats(result, elapsed, shards));
        return result;
    }

    private record Found(Reproducer reproducer, Path file) {
    }

    private static byte[] stats(MergeResult m, double elapsed, List<String> shards) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("sessions", m.sessions());
        o.put("sessionsPerSecond", Math.round(m.sessionsPerSecond() * 10) / 10.0);
        o.put("findings", m.findings());
        ObjectNode states = o.putObject("states");
        m.states().forEach(states::put);
        if (!m.seeds().isEmpty()) {
            o.put("seed", m.seeds().iterator().next());
        }
        if (m.seeds().size() > 1) {
            m.seeds().forEach(o.putArray("seeds")::add);
        }
        if (elapsed > 0) {
            o.put("elapsedSeconds", elapsed);
        }
        if (!shards.isEmpty()) {
            shards.forEach(o.putArray("shards")::add);
        }
        o.put("merged", m.directories());
        return JSON.writeValueAsBytes(o);
    }

    /** The finding files of a campaign directory, by name, so that ties are broken the same way every time. */
    private static List<Path> findings(Path dir) throws IOException {
        Path f = dir.resolve("findings");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(f)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(f, "*.json")) {
                s.forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator().hasNext();
        }
    }
}
