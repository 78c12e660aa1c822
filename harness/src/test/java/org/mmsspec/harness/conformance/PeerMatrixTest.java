package org.mmsspec.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.harness.Mmsspec;

/** The peer matrix from reports as the client run writes them: rows, columns, cells, summary, escaping, links. */
class PeerMatrixTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&";

    @TempDir
    Path dir;

    static ClientCase c(String id) {
        return new ClientCase(id, Section.mmsp("2.2.4.17"), Level.MUST, List.of(), "does " + id, null, Set.of(),
                List.of(Scheme.MMST), b -> b, ctx -> true, ctx -> { });
    }

    static CaseResult r(String id, Verdict v, String message) {
        return new CaseResult(c(id), v, message, List.of(), 1, List.of(), List.of());
    }

    Path report(String name, String command, boolean html, CaseResult... results) throws Exception {
        RunReport report = new RunReport(RunReport.CLIENT, command, RunSettings.DEFAULTS, List.of(results), Map.of(),
                Coverage.of(RequirementIndex.bundled(), List.of(), Requirement.Role.CLIENT), 10);
        Path d = dir.resolve(name);
        if (html) {
            report.write(d, false);
        } else {
            ReportJson.write(report, d);
        }
        return d.resolve(ReportJson.FILE);
    }

    @Test
    void casesAreRowsPeersAreColumns() throws Exception {
        Map<String, Path> reports = new LinkedHashMap<>();
        reports.put("ffmpeg", report("ffmpeg", "ffmpeg -i {url}", true, r("C-A-01", Verdict.PASS, ""),
                r("C-A-02", Verdict.FAIL, "sent " + HOSTILE)));
        reports.put("vlc" + HOSTILE, report("vlc", "cvlc {url}", false, r("C-A-02", Verdict.WARN, "w"),
                r("C-A-03", Verdict.SKIP, "no mmst")));
        PeerMatrix m = PeerMatrix.read(reports);
        assertThat(m.rows()).extracting(PeerMatrix.Row::id).containsExactly("C-A-01", "C-A-02", "C-A-03");
        assertThat(m.peers()).extracting(PeerMatrix.Peer::graded).containsExactly("ffmpeg -i {url}", "cvlc {url}");
        assertThat(m.summary("ffmpeg")).containsEntry(Verdict.PASS, 1).containsEntry(Verdict.FAIL, 1)
                .containsEntry(Verdict.SKIP, 0);
        assertThat(m.rows().get(0).cells()).doesNotContainKey("vlc" + HOSTILE);

        Path out = m.write(dir.resolve("site").resolve(PeerMatrix.FILE));
        String html = Files.readString(out);
        assertThat(html).doesNotContain("<img").doesNotContain("http://").contains("<style>")
                .contains("title=\"sent &lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;\"")
                .contains("<a href=\"../ffmpeg/report.html#C-A-02\">")
                .contains("vlc&lt;img").contains("class=\"absent\"").contains("3 cases")
                .contains("<span class=\"badge fail\">1 fail</span>").contains("does C-A-03");
        assertThat(html).as("vlc wrote no report.html: no link").doesNotContain("vlc/report.html");
    }

    @Test
    void aFileThatIsNoReportIsRefused() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"cases\": 3}");
        assertThatThrownBy(() -> PeerMatrix.read(Map.of("x", bad))).hasMessageContaining("no mmsspec report");
    }

    @Test
    void theCommandWritesThePage() throws Exception {
        Path a = report("a", "a {url}", false, r("C-A-01", Verdict.PASS, ""));
        Path out = dir.resolve("m.html");
        var cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("matrix", "--out", out.toString(), "a=" + a)).isZero();
        assertThat(out).exists();
        assertThat(cl.execute("matrix", "--out", out.toString(), "a")).isEqualTo(2);
        assertThat(cl.execute("matrix", "--out", out.toString(), "a=" + a, "a=" + a)).isEqualTo(2);
    }
}
