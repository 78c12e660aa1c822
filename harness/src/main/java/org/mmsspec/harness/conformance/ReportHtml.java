package org.mmsspec.harness.conformance;

import org.mmsspec.cases.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.cases.Evidence;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.client.Transcript;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;

/**
 * report.html: the report for people, one self-contained file (inline style and script, nothing fetched) that reads
 * offline. Each case shows its requirements in our paraphrase, its findings and, collapsed, every connection it
 * opened; the coverage of the requirements index closes the page. Every text from a case or a target is escaped.
 *
 * <p>Size is bounded: a case that passed or skipped shows only headlines of its first entries; one that did not shows
 * each entry's fields, violations and first bytes as hex (fewer for Data packets), up to a limit per connection.
 */
public final class ReportHtml {

    public static final String FILE = "report.html";
    /** Headlines shown per connection of a case that passed or skipped. */
    static final int QUIET_ENTRIES = 40;
    /** Entries shown in full (fields, violations, hex) per connection of a case that did not pass. */
    static final int DETAILED_ENTRIES = 200;
    /** Bytes of hex shown per Data packet; other entries show {@link Transcript#HEX_PER_ENTRY}. */
    static final int DATA_HEX = 64;
    /** Headlines shown per connection after the detailed ones. */
    static final int MORE_HEADLINES = 1000;
    /** Characters shown of one line of a client case's evidence (a client's output may hold anything). */
    static final int EVIDENCE_LINE = 400;

    private ReportHtml() {
    }

    public static Path write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, render(report, RequirementIndex.bundled()), StandardCharsets.UTF_8);
        return file;
    }

    static String render(RunReport report, RequirementIndex index) {
        StringBuilder b = new StringBuilder(64 * 1024);
        open(b, "mmsspec " + report.role() + " report: " + report.target());
        header(b, report);
        b.append("<main>\n<h2>Cases</h2>\n<p id=\"shown\"></p>\n");
        for (CaseResult r : report.results()) {
            caseBlock(b, report, r, index);
        }
        coverage(b, report, index);
        b.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return b.toString();
    }

    /** The head of a self-contained page, up to the opened body: the matrix page shares it. */
    static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>\n<style>")
                .append(STYLE).append("</style></head>\n<body>\n");
    }

    private static void header(StringBuilder b, RunReport report) {
        var s = report.settings();
        b.append("<header><h1>mmsspec ").append(report.role()).append(" conformance</h1>\n<dl class=\"meta\">");
        meta(b, "role", report.role());
        meta(b, report.role().equals(RunReport.CLIENT) ? "client" : "target", report.target());
        meta(b, "profile", s.profile().name().toLowerCase(Locale.ROOT));
        meta(b, "strict", s.strict() ? "yes: a WARN fails" : "no");
        meta(b, "timeout", s.timeout().toMillis() + " ms per read");
        meta(b, "wall time", String.format(Locale.ROOT, "%.2f s", report.wallMs() / 1000.0));
        meta(b, "cases", Integer.toString(report.results().size()));
        meta(b, "failing the run", Integer.toString(report.failing().size())
                + (report.baseline().isEmpty() ? "" : " (not in the baseline)"));
        meta(b, "written", Instant.now().toString());
        b.append("</dl>\n<nav class=\"filters\"><button class=\"badge all on\" data-verdict=\"ALL\">all ")
                .append(report.results().size()).append("</button>");
        report.summary().forEach((v, n) -> b.append("<button class=\"badge ").append(css(v))
                .append("\" data-verdict=\"").append(v).append("\">").append(n).append(' ')
                .append(v.name().toLowerCase(Locale.ROOT)).append("</button>"));
        b.append("<input id=\"q\" type=\"search\" placeholder=\"filter: id, section, text\" aria-label=\"filter\">")
                .append("</nav></header>\n");
    }

    private static void meta(StringBuilder b, String name, String value) {
        b.append("<div><dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
    }

    private static void caseBlock(StringBuilder b, RunReport report, CaseResult r, RequirementIndex index) {
        ConformanceCase c = r.conformanceCase();
        boolean quiet = r.verdict() == Verdict.PASS || r.verdict() == Verdict.SKIP;
        String text = String.join(" ", c.id(), c.section().toString(), c.description(), r.message(),
                String.join(" ", c.requirements())).toLowerCase(Locale.ROOT);
        b.append("<details class=\"case ").append(css(r.verdict())).append("\" id=\"").append(esc(c.id()))
                .append("\" data-verdict=\"").append(r.verdict()).append("\" data-text=\"").append(esc(text))
                .append('"').append(report.failsBuild(r) ? " open" : "").append(">\n<summary><span class=\"badge ")
                .append(css(r.verdict())).append("\">").append(r.verdict()).append("</span> <b>").append(esc(c.id()))
                .append("</b> <span class=\"sec\">").append(esc(c.section().toString()))
                .append("</span> <span class=\"lvl\">").append(c.level()).append("</span> <span class=\"ms\">")
                .append(r.durationMs()).append(" ms</span> ")
                .append(esc(c.description())).append("</summary>\n<div class=\"body\">");
        if (report.known(r)) {
            b.append("<p class=\"note\">The baseline holds this verdict: it does not fail the run.</p>");
        }
        if (!r.message().isEmpty()) {
            b.append("<p class=\"msg\">").append(esc(r.message())).append("</p>");
        }
        if (c.erratum() != null) {
            b.append("<p class=\"erratum\"><b>Erratum:</b> ").append(esc(c.erratum())).append("</p>");
        }
        if (!c.tags().isEmpty()) {
            b.append("<p class=\"tags\">tags: ").append(esc(String.join(", ", c.tags().stream().sorted().toList())))
                    .append("</p>");
        }
        requirements(b, c, index);
        findings(b, r.findings());
        for (Recorded rec : r.transcripts()) {
            transcript(b, rec, quiet);
        }
        for (Evidence e : r.evidence()) {
            evidence(b, e, quiet);
        }
        b.append("</div></details>\n");
    }

    /** What a client case saw, one labelled block of lines, collapsed; fewer lines where the case passed. */
    private static void evidence(StringBuilder b, Evidence e, boolean quiet) {
        List<String> lines = e.lines();
        int shown = quiet ? QUIET_ENTRIES : DETAILED_ENTRIES + MORE_HEADLINES;
        b.append("<details class=\"conn\"><summary>").append(esc(e.label())).append(": ").append(lines.size())
                .append(lines.size() == 1 ? " line" : " lines").append("</summary><pre>");
        for (int i = 0; i < lines.size() && i < shown; i++) {
            String line = lines.get(i);
            b.append(esc(line.length() > EVIDENCE_LINE ? line.substring(0, EVIDENCE_LINE) + " …" : line)).append('\n');
        }
        if (lines.size() > shown) {
            b.append("… ").append(lines.size() - shown).append(" more lines not shown\n");
        }
        b.append("</pre></details>\n");
    }

    private static void requirements(StringBuilder b, ConformanceCase c, RequirementIndex index) {
        if (c.requirements().isEmpty()) {
            return;
        }
        b.append("<table class=\"reqs\"><tr><th>requirement</th><th>level</th><th>what it asks</th></tr>");
        for (String id : c.requirements()) {
            var req = index.byId(id);
            b.append("<tr><td>").append(esc(id)).append("</td><td>")
                    .append(req.map(Requirement::keyword).map(ReportHtml::esc).orElse("")).append("</td><td>")
                    .append(req.map(q -> esc(q.paraphrase())).orElse("<i>not in the requirements index</i>"))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void findings(StringBuilder b, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append("<table class=\"findings\"><tr><th>section</th><th>level</th><th>finding</th><th>expected</th>")
                .append("<th>actual</th></tr>");
        for (Finding f : findings) {
            b.append("<tr class=\"").append(css(f.verdict())).append("\"><td>").append(esc(f.section().toString()))
                    .append("</td><td>").append(f.level()).append("</td><td>").append(esc(f.message()))
                    .append("</td><td><code>").append(esc(f.expected() == null ? "" : f.expected()))
                    .append("</code></td><td><code>").append(esc(f.actual() == null ? "" : f.actual()))
                    .append("</code></td></tr>");
        }
        b.append("</table>");
    }

    private static void transcript(StringBuilder b, Recorded rec, boolean quiet) {
        Transcript t = rec.transcript();
        List<TranscriptEntry> entries = t.entries();
        b.append("<details class=\"conn\"><summary>").append(esc(rec.label())).append(": ").append(entries.size())
                .append(entries.size() == 1 ? " entry" : " entries")
                .append(quiet ? " (headlines only)" : "").append("</summary><pre>");
        int detailed = quiet ? 0 : DETAILED_ENTRIES;
        int shown = quiet ? QUIET_ENTRIES : DETAILED_ENTRIES + MORE_HEADLINES;
        for (int i = 0; i < entries.size() && i < shown; i++) {
            TranscriptEntry e = entries.get(i);
            boolean bad = !e.violations().isEmpty();
            String side = e.direction() == null ? "ev" : e.direction().name().toLowerCase(Locale.ROOT);
            b.append("<span class=\"").append(side).append(bad ? " bad" : "").append("\">")
                    .append(esc(String.format(Locale.ROOT, "%10.3f ms  ", e.nanos() / 1e6))).append(esc(e.headline()))
                    .append("</span>\n");
            if (i < detailed) {
                b.append(esc(e.fieldsText("      ")));
                for (Violation v : e.violations()) {
                    b.append("<span class=\"bad\">      ! ").append(esc(v.toString())).append("</span>\n");
                }
                if (e.raw().length() > 0) {
                    b.append("<span class=\"hex\">").append(esc(e.hexText(hexBytes(e), "      "))).append("</span>");
                }
            }
        }
        if (entries.size() > shown) {
            b.append("… ").append(entries.size() - shown).append(" more entries not shown\n");
        }
        if (t.dropped() > 0) {
            b.append("… ").append(t.dropped()).append(" entries not kept (transcript full)\n");
        }
        b.append("</pre></details>\n");
    }

    /** Data packets are many and their payload is media: their first bytes (the header) say enough. */
    private static int hexBytes(TranscriptEntry e) {
        return e.kind() == TranscriptEntry.Kind.DATA || e.kind() == TranscriptEntry.Kind.UDP_DATA ? DATA_HEX
                : Transcript.HEX_PER_ENTRY;
    }

    private static void coverage(StringBuilder b, RunReport report, RequirementIndex index) {
        Coverage cov = report.coverage();
        Map<String, List<String>> casesById = new LinkedHashMap<>();
        for (CaseResult r : report.results()) {
            for (String id : r.conformanceCase().requirements()) {
                casesById.computeIfAbsent(id, k -> new ArrayList<>()).add(r.id());
            }
        }
        b.append("<h2 id=\"coverage\">Coverage of the requirements index</h2>\n<p>")
                .append(cov.covered().size()).append(" of ").append(cov.covered().size() + cov.uncovered().size())
                .append(" observable statements that bind a ").append(roleName(cov))
                .append(" have a case (")
                .append(Math.round(cov.ratio() * 100)).append("%); ").append(cov.unobservable().size())
                .append(" more cannot be seen on the wire. Cases link where this run holds them.</p>\n");
        Map<Section, List<Requirement>> bySection = new LinkedHashMap<>();
        for (Requirement q : index.all()) {
            if (q.role() == cov.role() || q.role() == Requirement.Role.BOTH) {
                bySection.computeIfAbsent(q.section(), k -> new ArrayList<>()).add(q);
            }
        }
        b.append("<table class=\"coverage\"><tr><th>section</th><th>covered</th><th>statements</th></tr>\n");
        bySection.forEach((section, reqs) -> {
            long covered = reqs.stream().filter(q -> cov.covered().contains(q.id())).count();
            long observable = reqs.stream().filter(q -> !cov.unobservable().contains(q.id())).count();
            b.append("<tr class=\"").append(covered == observable ? "full" : covered == 0 ? "none" : "part")
                    .append("\"><td>").append(esc(section.toString())).append("</td><td>").append(covered)
                    .append(" / ").append(observable).append("</td><td><details><summary>")
                    .append(observable - covered).append(" without a case");
            if (reqs.size() > observable) {
                b.append(", ").append(reqs.size() - observable).append(" not on the wire");
            }
            b.append("</summary><ul>");
            for (Requirement q : reqs) {
                b.append("<li class=\"").append(status(cov, q.id())).append("\"><b>").append(esc(q.id()))
                        .append("</b> ").append(q.keyword()).append(": ").append(esc(q.paraphrase()));
                if (cov.unobservable().contains(q.id()) && q.reason() != null) {
                    b.append(" <i>(not on the wire: ").append(esc(q.reason())).append(")</i>");
                }
                for (String id : casesById.getOrDefault(q.id(), List.of())) {
                    b.append(" <a href=\"#").append(esc(id)).append("\">").append(esc(id)).append("</a>");
                }
                b.append("</li>");
            }
            b.append("</ul></details></td></tr>\n");
        });
        b.append("</table>\n");
    }

    private static String roleName(Coverage cov) {
        return cov.role().name().toLowerCase(Locale.ROOT);
    }

    private static String status(Coverage cov, String id) {
        return cov.covered().contains(id) ? "covered" : cov.uncovered().contains(id) ? "uncovered" : "unobservable";
    }

    static String css(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /** Text for an element or a quoted attribute: nothing in it can open a tag, an entity or end the quotes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch < 0x20 && ch != '\n' && ch != '\t' ? '\uFFFD' : ch);
            }
        }
        return b.toString();
    }

    static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
            header{background:#fff;border-bottom:1px solid #ddd;padding:.5em 1.5em;position:sticky;top:0;z-index:1}
            h1{font-size:1.3em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}
            main{padding:0 1.5em 2em}
            .meta{display:flex;flex-wrap:wrap;gap:.3em 1.5em;margin:.3em 0}.meta dt{color:#777;font-size:.85em}
            .meta dd{margin:0;font-weight:600}
            .filters{display:flex;flex-wrap:wrap;gap:.4em;align-items:center;margin:.4em 0}
            .badge{display:inline-block;border:0;border-radius:1em;padding:.1em .7em;font-weight:600;color:#fff;
              font-size:.85em;cursor:default}
            button.badge{cursor:pointer;opacity:.55}button.badge.on{opacity:1;outline:2px solid #333}
            .pass{--c:#2e7d32}.fail{--c:#c62828}.warn{--c:#ef6c00}.skip{--c:#757575}.error{--c:#6a1b9a}
            .all{--c:#1565c0}.badge{background:var(--c)}
            #q{flex:1;min-width:12em;padding:.3em .6em;border:1px solid #bbb;border-radius:4px}
            details.case{background:#fff;border:1px solid #ddd;border-left:5px solid var(--c);margin:.3em 0;
              border-radius:3px}
            details.case>summary{padding:.35em .6em;cursor:pointer}
            .sec,.lvl,.ms{color:#666;font-size:.9em;margin-right:.4em}
            .body{padding:.2em 1em .8em}.msg{font-weight:600}.erratum{background:#fff8e1;padding:.3em .5em}
            .note{color:#1565c0}.tags{color:#777;font-size:.85em}
            table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ddd;padding:.2em .5em;
              text-align:left;vertical-align:top}th{background:#f0f0f0}
            .findings tr.fail td:first-child{border-left:4px solid #c62828}
            .findings tr.warn td:first-child{border-left:4px solid #ef6c00}
            details.conn{margin:.3em 0}details.conn>summary{cursor:pointer;color:#1565c0}
            pre{background:#f6f6f6;border:1px solid #e3e3e3;padding:.5em;overflow-x:auto;font-size:12px;
              max-height:40em}
            .c2s{color:#0d47a1}.s2c{color:#1b5e20}.ev{color:#777}.bad{color:#c62828;font-weight:600}
            .hex{color:#555}
            li.covered b{background:#c8e6c9}li.uncovered b{background:#ffcdd2}
            li.unobservable b{background:#eee;color:#777}
            tr.full td:nth-child(2){color:#2e7d32}tr.none td:nth-child(2){color:#c62828}
            .hidden{display:none}
            table.matrix td{text-align:center}table.matrix td:first-child,table.matrix td:last-child{text-align:left}
            table.matrix a{text-decoration:none}.absent{color:#aaa}tr.total td{text-align:left}
            """;

    private static final String SCRIPT = """
            (function(){
              var verdict='ALL',q=document.getElementById('q'),cases=document.querySelectorAll('details.case');
              var buttons=document.querySelectorAll('.filters button');
              function apply(){
                var text=q.value.trim().toLowerCase(),n=0;
                cases.forEach(function(c){
                  var show=(verdict==='ALL'||c.dataset.verdict===verdict)&&(!text||c.dataset.text.indexOf(text)>=0);
                  c.classList.toggle('hidden',!show);if(show){n++;}
                });
                document.getElementById('shown').textContent=n+' of '+cases.length+' cases shown';
              }
              buttons.forEach(function(b){b.addEventListener('click',function(){
                verdict=b.dataset.verdict;buttons.forEach(function(o){o.classList.toggle('on',o===b);});apply();
              });});
              q.addEventListener('input',apply);apply();
            })();
            """;
}
