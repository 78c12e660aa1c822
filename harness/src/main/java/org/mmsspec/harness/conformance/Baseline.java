package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mmsspec.cases.Verdict;

/** An earlier report.json read back: the verdicts by case id (a baseline), or every case's line (the peer matrix). */
final class Baseline {

    /** One case of a report as it was written. */
    record Entry(String id, String section, String description, Verdict verdict, String message) {
    }

    /** The report's root and its cases, in report order. */
    record Report(JsonNode root, List<Entry> cases) {
    }

    private Baseline() {
    }

    static Map<String, Verdict> read(Path reportJson) {
        Map<String, Verdict> m = new LinkedHashMap<>();
        report(reportJson).cases().forEach(e -> m.put(e.id(), e.verdict()));
        return m;
    }

    static Report report(Path reportJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(reportJson.toFile());
            JsonNode cases = root.path("cases");
            if (!cases.isArray()) {
                throw new IllegalArgumentException(reportJson + " is no mmsspec report: it has no cases array");
            }
            List<Entry> out = new ArrayList<>();
            for (JsonNode c : cases) {
                out.add(new Entry(c.path("id").asText(), c.path("section").asText(), c.path("description").asText(),
                        verdict(reportJson, c.path("verdict").asText()), c.path("message").asText()));
            }
            return new Report(root, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report " + reportJson + ": " + e.getMessage(), e);
        }
    }

    private static Verdict verdict(Path file, String v) {
        try {
            return Verdict.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " holds an unknown verdict '" + v + "'");
        }
    }
}
