package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mmsspec.cases.Verdict;

/** The verdicts of an earlier report.json, by case id. */
final class Baseline {

    private Baseline() {
    }

    static Map<String, Verdict> read(Path reportJson) {
        try {
            JsonNode root = new ObjectMapper().readTree(reportJson.toFile());
            JsonNode cases = root.path("cases");
            if (!cases.isArray()) {
                throw new IllegalArgumentException(reportJson + " is no mmsspec report: it has no cases array");
            }
            Map<String, Verdict> m = new LinkedHashMap<>();
            for (JsonNode c : cases) {
                m.put(c.path("id").asText(), Verdict.valueOf(c.path("verdict").asText()));
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + reportJson + ": " + e.getMessage(), e);
        }
    }
}
