package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmsspec.cases.server.CaseResult;

/** report.html: the report for people, one self-contained file that reads offline. */
public final class ReportHtml {

    public static final String FILE = "report.html";

    private ReportHtml() {
    }

    public static Path write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>mmsspec</title>"
                + "</head><body><h1>mmsspec: ").append(esc(report.target())).append("</h1><p>")
                .append(esc(report.summaryLine())).append("</p><table>");
        for (CaseResult r : report.results()) {
            b.append("<tr><td>").append(esc(r.id())).append("</td><td>").append(r.verdict()).append("</td><td>")
                    .append(esc(r.message())).append("</td></tr>");
        }
        b.append("</table></body></html>\n");
        Path file = dir.resolve(FILE);
        Files.writeString(file, b, StandardCharsets.UTF_8);
        return file;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
