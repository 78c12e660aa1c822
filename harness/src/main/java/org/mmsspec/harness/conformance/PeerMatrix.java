package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mmsspec.cases.Verdict;

/**
 * The peer matrix: the verdicts of several clients' (or servers') reports side by side, cases as rows and peers as
 * columns, a summary row at the foot. One self-contained page in report.html's style; each cell carries the case's
 * message as its title and links to the case in that peer's report.html where one lies beside its report.json.
 *
 * @param peers the columns, in the order given
 * @param rows  every case any report holds, in the order the reports first list them
 */
public record PeerMatrix(List<Peer> peers, List<Row> rows) {

    public static final String FILE = "matrix.html";

    /** One column: a name, what its report graded, and where its report.html lies (if anywhere). */
    public record Peer(String name, String graded, Optional<Path> html) {
    }

    /** One case; {@code cells} by peer name, absent where that peer's report does not hold the case. */
    public record Row(String id, String section, String description, Map<String, Cell> cells) {
    }

    /** One peer's verdict on one case, and the message that says why. */
    public record Cell(Verdict verdict, String message) {
    }

    public PeerMatrix {
        peers = List.copyOf(peers);
        rows = List.copyOf(rows);
    }

    /** Reads the reports, by peer name, in column order. */
    public static PeerMatrix read(Map<String, Path> reports) {
        List<Peer> peers = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        reports.forEach((name, file) -> {
            Baseline.Report report = Baseline.report(file);
            String graded = report.root().path(report.root().has("client") ? "client" : "target").asText();
            Path html = file.toAbsolutePath().resolveSibling(ReportHtml.FILE);
            peers.add(new Peer(name, graded, Optional.of(html).filter(Files::isRegularFile)));
            for (Baseline.Entry e : report.cases()) {
                rows.computeIfAbsent(e.id(), id -> new Row(id, e.section(), e.description(), new LinkedHashMap<>()))
                        .cells().put(name, new Cell(e.verdict(), e.message()));
            }
        });
        return new PeerMatrix(peers, new ArrayList<>(rows.values()));
    }

    /** The verdict counts of one peer. */
    public Map<Verdict, Integer> summary(String peer) {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        rows.forEach(r -> Optional.ofNullable(r.cells().get(peer)).ifPresent(e -> m.merge(e.verdict(), 1,
                Integer::sum)));
        return m;
    }

    /** Writes the page to {@code out}; links to the peers' reports are relative to its folder. */
    public Path write(Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.writeString(out, render(dir), StandardCharsets.UTF_8);
        return out;
    }

    /** The page, its links relative to {@code dir}. */
    public String render(Path dir) {
        StringBuilder b = new StringBuilder(32 * 1024);
        ReportHtml.open(b, "mmsspec peer matrix");
        b.append("<header><h1>mmsspec peer matrix</h1>\n<dl class=\"meta\">");
        for (Peer p : peers) {
            b.append("<div><dt>").append(ReportHtml.esc(p.name())).append("</dt><dd>")
                    .append(ReportHtml.esc(p.graded())).append("</dd></div>");
        }
        b.append("</dl></header>\n<main>\n<table class=\"matrix\"><tr><th>case</th><th>section</th>");
        peers.forEach(p -> b.append("<th title=\"").append(ReportHtml.esc(p.graded())).append("\">")
                .append(ReportHtml.esc(p.name())).append("</th>"));
        b.append("<th>what it checks</th></tr>\n");
        for (Row r : rows) {
            b.append("<tr><td><b>").append(ReportHtml.esc(r.id())).append("</b></td><td>")
                    .append(ReportHtml.esc(r.section())).append("</td>");
            peers.forEach(p -> cell(b, p, r.id(), r.cells().get(p.name()), dir));
            b.append("<td>").append(ReportHtml.esc(r.description())).append("</td></tr>\n");
        }
        b.append("<tr class=\"total\"><th colspan=\"2\">").append(rows.size()).append(" cases</th>");
        for (Peer p : peers) {
            b.append("<td>");
            summary(p.name()).forEach((v, n) -> {
                if (n > 0) {
                    b.append("<span class=\"badge ").append(ReportHtml.css(v)).append("\">").append(n).append(' ')
                            .append(v.name().toLowerCase(Locale.ROOT)).append("</span> ");
                }
            });
            b.append("</td>");
        }
        b.append("<td></td></tr>\n</table>\n</main>\n</body></html>\n");
        return b.toString();
    }

    private static void cell(StringBuilder b, Peer p, String id, Cell e, Path dir) {
        if (e == null) {
            b.append("<td class=\"absent\">–</td>");
            return;
        }
        String title = e.message().isEmpty() ? e.verdict().name() : e.message();
        String badge = "<span class=\"badge " + ReportHtml.css(e.verdict()) + "\" title=\"" + ReportHtml.esc(title)
                + "\">" + e.verdict() + "</span>";
        b.append("<td>");
        if (p.html().isPresent()) {
            String href = dir.relativize(p.html().get()).toString().replace('\\', '/') + "#" + id;
            b.append("<a href=\"").append(ReportHtml.esc(href)).append("\">").append(badge).append("</a>");
        } else {
            b.append(badge);
        }
        b.append("</td>");
    }
}
