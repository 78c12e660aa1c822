package org.mmsspec.harness.conformance;

import org.mmsspec.cases.Recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsspec.cases.Evidence;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Transcript;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.server.reference.ReferenceServers;

/** report.html: what each case shows, escaping of every text a case or target supplies, and bounded size. */
class ReportHtmlTest {

    private static final String HOSTILE = "</pre><img src=x onerror=alert(1)>\"'&";
    private static final RequirementIndex INDEX = RequirementIndex.bundled();
    /** A whole played session: a few hundred entries, most of them Data packets. */
    private static Transcript played;

    @BeforeAll
    static void playTheSample() {
        try (ReferenceServers ref = ReferenceServers.start();
                MmstClient c = MmstClient.connect("127.0.0.1", ref.mmsPort(), Duration.ofSeconds(2))) {
            c.happyPath(ReferenceServers.MEDIA).readAll();
            for (int i = 0; i < ReportHtml.QUIET_ENTRIES * 2; i++) {
                c.send(LinkViewerToMacPong.of()); // more entries than a passing case shows
            }
            played = c.transcript();
        }
        assertThat(played.entries()).hasSizeGreaterThan(ReportHtml.QUIET_ENTRIES * 2);
    }

    static ServerCase serverCase(String id, String description, String erratum) {
        return new ServerCase(id, Section.mmsp("3.2.5.3"), Level.MUST, List.of("MMSP-3.2.5.3-R6"), description,
                erratum, Set.of(), ctx -> { });
    }

    static RunReport report(CaseResult... results) {
        return new RunReport(RunReport.SERVER, "127.0.0.1:1755", RunSettings.DEFAULTS, List.of(results), Map.of(),
                Coverage.of(INDEX, List.of(serverCase("MMSP-3.2.5.3-01", "d", null)), Requirement.Role.SERVER),
                1234);
    }

    static ClientCase clientCase(String id) {
        return new ClientCase(id, Section.mmsp("2.2.4.17"), Level.MUST, List.of(), "connects " + HOSTILE, null,
                Set.of(), List.of(Scheme.MMST), b -> b, ctx -> true, ctx -> { });
    }

    static RunReport clientReport(CaseResult... results) {
        return new RunReport(RunReport.CLIENT, "ffmpeg -i {url} " + HOSTILE, RunSettings.DEFAULTS, List.of(results),
                Map.of(), Coverage.of(INDEX, List.of(clientCase("C-MMSP-2.2.4.17-01")), Requirement.Role.CLIENT),
                1234);
    }

    static CaseResult result(String id, Verdict v, String message, List<Finding> findings) {
        return new CaseResult(serverCase(id, "sends " + HOSTILE, "the world " + HOSTILE), v, message, findings, 7,
                List.of(new Recorded("MMST connection 1 " + HOSTILE, played)));
    }

    @Test
    void aFailingCaseShowsItsFindingRequirementAndTranscriptAllEscaped() {
        Finding f = new Finding(Section.mmsp("3.2.5.3"), Level.MUST, "hr of " + HOSTILE, "0", HOSTILE);
        String html = ReportHtml.render(report(result("MMSP-3.2.5.3-01", Verdict.FAIL, f.toString(), List.of(f))),
                INDEX);
        assertThat(html).doesNotContain("<img").doesNotContain("</pre><img").doesNotContain("'&\"")
                .contains("&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
        assertThat(html).contains("<b>MMSP-3.2.5.3-01</b>").contains("FAIL").contains("MS-MMSP 3.2.5.3")
                .contains("Erratum:").contains("<code>0</code>")
                .contains(INDEX.byId("MMSP-3.2.5.3-R6").orElseThrow().paraphrase().replace("'", "&#39;")
                        .replace("\"", "&quot;"))
                .contains("LinkMacToViewerReportOpenFile").contains("TcpMessageHeader {")
                .contains("0000  ").contains("id=\"coverage\"").contains("<a href=\"#MMSP-3.2.5.3-01\">");
        assertThat(html).contains("data-verdict=\"FAIL\" data-text=").contains(" open>");
    }

    @Test
    void aClientCaseShowsItsEvidenceEscapedAndBounded() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ReportHtml.DETAILED_ENTRIES + ReportHtml.MORE_HEADLINES + 10; i++) {
            many.add("line " + i);
        }
        many.set(0, "x".repeat(ReportHtml.EVIDENCE_LINE * 3));
        CaseResult r = new CaseResult(clientCase("C-MMSP-2.2.4.17-01"), Verdict.FAIL, "bad " + HOSTILE, List.of(), 9,
                List.of(), List.of(new Evidence("client output (tail) " + HOSTILE, List.of("said " + HOSTILE)),
                        new Evidence("events", many)));
        String html = ReportHtml.render(clientReport(r), INDEX);
        assertThat(html).doesNotContain("<img").contains("<h1>mmsspec client conformance</h1>")
                .contains("<dt>client</dt><dd>ffmpeg -i {url} &lt;/pre&gt;")
                .contains("client output (tail) &lt;/pre&gt;&lt;img").contains("said &lt;/pre&gt;&lt;img")
                .contains("events: " + many.size() + " lines").contains("… 10 more lines not shown")
                .doesNotContain("x".repeat(ReportHtml.EVIDENCE_LINE + 1))
                .contains("statements that bind a client");
        assertThat(ReportJson.tree(clientReport(r)).path("role").asText()).isEqualTo("client");
        assertThat(ReportJson.tree(clientReport(r)).path("client").asText()).startsWith("ffmpeg -i {url} ");
        assertThat(ReportJson.tree(report()).path("role").asText()).isEqualTo("server");
    }

    @Test
    void coverageCountsTheStatementsOfItsRole() {
        Coverage server = Coverage.of(INDEX, List.of(), Requirement.Role.SERVER);
        Coverage client = Coverage.of(INDEX, List.of(), Requirement.Role.CLIENT);
        for (Requirement q : INDEX.all()) {
            boolean inServer = server.uncovered().contains(q.id()) || server.unobservable().contains(q.id());
            boolean inClient = client.uncovered().contains(q.id()) || client.unobservable().contains(q.id());
            assertThat(inServer).as(q.id()).isEqualTo(q.role() != Requirement.Role.CLIENT);
            assertThat(inClient).as(q.id()).isEqualTo(q.role() != Requirement.Role.SERVER);
        }
        String covered = INDEX.all().stream().filter(q -> q.role() == Requirement.Role.CLIENT).findFirst()
                .orElseThrow().id();
        ClientCase c = new ClientCase("C-X-01", Section.mmsp("2.2.4.17"), Level.MUST, List.of(covered), "d", null,
                Set.of(), List.of(Scheme.MMST), b -> b, ctx -> true, ctx -> { });
        assertThat(Coverage.of(INDEX, List.of(c), Requirement.Role.CLIENT).covered()).containsExactly(covered);
    }

    @Test
    void passingCasesShowHeadlinesOnlyAndEveryCaseIsBounded() {
        String pass = ReportHtml.render(report(result("MMSP-3.2.5.3-01", Verdict.PASS, "", List.of())), INDEX);
        String fail = ReportHtml.render(report(result("MMSP-3.2.5.3-01", Verdict.FAIL, "x", List.of())), INDEX);
        String none = ReportHtml.render(report(), INDEX);
        int passCase = pass.length() - none.length();
        int failCase = fail.length() - none.length();
        assertThat(pass).contains("headlines only").contains("more entries not shown").doesNotContain("0000  ");
        assertThat(passCase).as("a passing case").isLessThan(12_000);
        int entries = Math.min(played.entries().size(), ReportHtml.DETAILED_ENTRIES + ReportHtml.MORE_HEADLINES);
        assertThat(failCase).as("a failing case").isGreaterThan(passCase)
                .isLessThan(entries * (Transcript.HEX_PER_ENTRY * 5 + 2_000));
        assertThat(none).doesNotContain("http://").doesNotContain("https://").contains("<style>")
                .contains("<script>");
    }
}
