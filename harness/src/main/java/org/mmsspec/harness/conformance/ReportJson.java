package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.CaseResult;

/** report.json: the machine-readable report, also what {@code -Dbaseline} reads back. */
public final class ReportJson {

    public static final String FILE = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static Path write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        JSON.writeValue(file.toFile(), tree(report));
        return file;
    }

    public static ObjectNode tree(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("role", report.role());
        root.put(report.role().equals(RunReport.CLIENT) ? "client" : "target", report.target());
        root.put("profile", report.settings().profile().name().toLowerCase(Locale.ROOT));
        root.put("strict", report.settings().strict());
        root.put("timeoutMs", report.settings().timeout().toMillis());
        root.put("wallMs", report.wallMs());
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : report.results()) {
            ConformanceCase c = r.conformanceCase();
            ObjectNode n = cases.addObject();
            n.put("id", c.id());
            n.put("section", c.section().toString());
            n.put("level", c.level().name());
            c.requirements().forEach(n.putArray("requirements")::add);
            n.put("description", c.description());
            if (c.erratum() != null) {
                n.put("erratum", c.erratum());
            }
            n.put("verdict", r.verdict().name());
            n.put("message", r.message());
            n.put("durationMs", r.durationMs());
            if (!report.baseline().isEmpty()) {
                n.put("inBaseline", report.known(r));
            }
            ArrayNode fs = n.putArray("findings");
            for (Finding f : r.findings()) {
                ObjectNode fn = fs.addObject();
                fn.put("section", f.section().toString());
                fn.put("level", f.level().name());
                fn.put("message", f.message());
                if (f.expected() != null) {
                    fn.put("expected", f.expected());
                    fn.put("actual", f.actual());
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        report.summary().forEach((v, count) -> summary.put(v.name().toLowerCase(Locale.ROOT), count));
        ObjectNode cov = root.putObject("coverage");
        Coverage coverage = report.coverage();
        cov.put("role", coverage.role().name().toLowerCase(Locale.ROOT));
        cov.put("covered", coverage.covered().size());
        cov.put("uncovered", coverage.uncovered().size());
        cov.put("unobservable", coverage.unobservable().size());
        cov.put("ratio", Math.round(coverage.ratio() * 1000) / 1000.0);
        coverage.covered().forEach(cov.putArray("coveredIds")::add);
        coverage.uncovered().forEach(cov.putArray("uncoveredIds")::add);
        return root;
    }

}
