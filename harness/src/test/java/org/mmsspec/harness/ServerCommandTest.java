package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;
import org.mmsspec.harness.conformance.CasePcaps;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Faults;

/**
 * {@code mmsspec server} as a user runs it: the exit status (0 conformant, 1 failing, 2 unusable options), the
 * baseline, and the files it writes. The cases are the 3.2.5.3 ones (Connect), against the embedded reference or a
 * reference with one reply field broken.
 */
class ServerCommandTest {

    /** Three cases by id: the section gains cases from every part, the test must not. */
    private static final String CASES = "MMSP-3.2.5.3-01,MMSP-3.2.5.3-02,MMSP-3.2.5.3-03";
    /** Cases 02 and 03 check the playIncarnation of ReportConnectedEX; 01 checks its hr. */
    private static final String PLAY_INCARNATION_CASE = "MMSP-3.2.5.3-02";
    private static final String HR_CASE = "MMSP-3.2.5.3-01";
    private static final String HOSTILE = "<script>alert('mmsspec')</script>\"&";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run server(String... args) {
        return execute("server", args);
    }

    /** {@code mmsspec COMMAND ARGS...}: its exit status and what it printed. */
    static Run execute(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The reference with ReportConnectedEX's fields overridden as given (field, value pairs). */
    static ReferenceServers broken(Object... fieldValues) {
        List<Faults.FieldOverride> overrides = new ArrayList<>();
        for (int i = 0; i < fieldValues.length; i += 2) {
            overrides.add(new Faults.FieldOverride("LinkMacToViewerReportConnectedEX", (String) fieldValues[i],
                    fieldValues[i + 1]));
        }
        Faults f = new Faults(Map.of(), Set.of(), overrides, false, false, null, null, 0x0C);
        return ReferenceServers.start(b -> b.faults(f).serverVersion(HOSTILE));
    }

    static String target(ReferenceServers ref) {
        return "127.0.0.1:" + ref.mmsPort();
    }

    static JsonNode json(Path reportDir) throws IOException {
        return new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
    }

    @Test
    void theReferencePassesWithExit0AndReportJsonHasTheIssuesShape() throws IOException {
        Path reports = dir.resolve("ok");
        Run r = server("--cases", CASES, "--report-dir", reports.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("mmsspec server: 3 cases against reference").contains("3 pass, 0 fail")
                .contains("coverage: ").doesNotContain("SLF4J");

        JsonNode root = json(reports);
        assertThat(root.path("target").asText()).isEqualTo("reference");
        assertThat(root.path("profile").asText()).isEqualTo("deployed");
        assertThat(root.path("cases")).hasSize(3);
        for (JsonNode c : root.path("cases")) {
            assertThat(c.path("id").asText()).startsWith("MMSP-3.2.5.3-");
            assertThat(c.path("section").asText()).isEqualTo("MS-MMSP 3.2.5.3");
            assertThat(c.path("level").asText()).isIn("MUST", "SHOULD");
            assertThat(c.path("requirements").isArray()).isTrue();
            assertThat(c.path("requirements").get(0).asText()).startsWith("MMSP-3.2.5.3-R");
            assertThat(c.path("verdict").asText()).isEqualTo("PASS");
            assertThat(c.path("message").isTextual()).isTrue();
            assertThat(c.path("durationMs").isIntegralNumber()).isTrue();
        }
        JsonNode summary = root.path("summary");
        assertThat(summary.properties()).extracting(Map.Entry::getKey)
                .containsExactly("pass", "fail", "warn", "skip", "error");
        assertThat(summary.path("pass").asInt()).isEqualTo(3);
        JsonNode cov = root.path("coverage");
        assertThat(cov.path("covered").asInt()).isPositive();
        assertThat(cov.path("uncovered").isInt()).isTrue();
        assertThat(cov.path("coveredIds")).extracting(JsonNode::asText).contains("MMSP-3.2.5.3-R6");
        assertThat(reports.resolve("report.html")).exists();
        assertThat(reports.resolve(CasePcaps.DIR)).doesNotExist();
    }

    @Test
    void aBrokenFieldIsExit1WithTheFindingInBothReportsAndHostileTextEscaped() throws IOException {
        Path reports = dir.resolve("fail");
        try (ReferenceServers ref = broken("playIncarnation", 0x1234L)) {
            Run r = server(target(ref), "--http-port", String.valueOf(ref.httpPort()), "--cases", CASES,
                    "--report-dir", reports.toString());
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL  " + PLAY_INCARNATION_CASE).contains("2 fail");
        }
        JsonNode failed = caseNode(json(reports), PLAY_INCARNATION_CASE);
        assertThat(failed.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(failed.path("message").asText()).contains("playIncarnation of ReportConnectedEX");
        JsonNode finding = failed.path("findings").get(0);
        assertThat(finding.path("expected").asText()).contains("0xF0F0F0EF");
        assertThat(finding.path("actual").asText()).contains("0x1234");

        String html = Files.readString(reports.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"" + PLAY_INCARNATION_CASE + "\"")
                .contains("playIncarnation of ReportConnectedEX").contains("0x1234")
                .contains("Connect without packet-pair gets playIncarnation 0xF0F0F0EF");
        // the target's text reaches the page (the failing case's transcript shows its fields), never as markup
        assertThat(html).contains("&lt;script&gt;alert(&#39;mmsspec&#39;)&lt;/script&gt;&quot;&amp;")
                .doesNotContain("<script>alert").doesNotContain("alert('mmsspec')");
        assertThat(html.split("<script>", -1)).as("only the page's own script").hasSize(2);
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void theBaselineTurnsAKnownFailIntoAPassingRunButNotANewFail() throws IOException {
        Path first = dir.resolve("first");
        try (ReferenceServers ref = broken("playIncarnation", 0x1234L)) {
            String[] common = {target(ref), "--http-port", String.valueOf(ref.httpPort()), "--cases", CASES};
            assertThat(server(concat(common, "--report-dir", first.toString())).exit()).isEqualTo(1);
            Path second = dir.resolve("second");
            Run known = server(concat(common, "--report-dir", second.toString(), "--baseline",
                    first.resolve("report.json").toString()));
            assertThat(known.exit()).as(known.toString()).isZero();
            assertThat(known.out()).contains("FAIL  " + PLAY_INCARNATION_CASE)
                    .contains("0 not in the baseline fail the build");
            assertThat(caseNode(json(second), PLAY_INCARNATION_CASE).path("inBaseline").asBoolean()).isTrue();
        }
        try (ReferenceServers worse = broken("playIncarnation", 0x1234L, "hr", 0x80070005L)) {
            Path third = dir.resolve("third");
            Run fresh = server(target(worse), "--http-port", String.valueOf(worse.httpPort()), "--cases", CASES,
                    "--report-dir", third.toString(), "--baseline", first.resolve("report.json").toString());
            assertThat(fresh.exit()).as(fresh.toString()).isEqualTo(1);
            JsonNode root = json(third);
            assertThat(caseNode(root, HR_CASE).path("verdict").asText()).isEqualTo("FAIL");
            assertThat(caseNode(root, HR_CASE).path("inBaseline").asBoolean()).isFalse();
        }
    }

    @Test
    void unusableOptionsAreExit2WithOneLine() {
        Path reports = dir.resolve("bad");
        List<String[]> bad = List.of(
                new String[] {"--timeout", "soon"},
                new String[] {"--profile", "pedantic"},
                new String[] {"--parallel", "0"},
                new String[] {"no-port-here"},
                new String[] {"--baseline", dir.resolve("missing.json").toString()},
                new String[] {"--no-such-option"});
        for (String[] args : bad) {
            Run r = server(concat(args, "--cases", CASES, "--report-dir", reports.toString()));
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).isNotBlank().doesNotContain("internal error")
                    .doesNotContain("\tat ");
        }
        assertThat(reports).doesNotExist();
    }

    @Test
    void pcapsOfEachCaseAreReadByTsharksMmsDissector() throws Exception {
        Path reports = dir.resolve("pcap");
        Run r = server("--cases", CASES, "--report-dir", reports.toString(), "--pcap");
        assertThat(r.exit()).as(r.toString()).isZero();
        Path pcap = reports.resolve(CasePcaps.DIR).resolve(HR_CASE + ".pcap");
        assertThat(pcap).exists();
        byte[] b = Files.readAllBytes(pcap);
        assertThat(b).startsWith((byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1);
        // the server's port is the destination of the first frame, the SYN (no tshark here: the test is skipped)
        String port = tshark(pcap, "-c", "1", "-T", "fields", "-e", "tcp.dstport").strip();
        String all = tshark(pcap, "-d", "tcp.port==" + port + ",msmms", "-V");
        assertThat(all).contains("Microsoft Media Server").doesNotContain("Malformed")
                .doesNotContain("Bad checksum").contains("Flags: 0x002 (SYN)").contains("(FIN, ACK)");
        String commands = tshark(pcap, "-d", "tcp.port==" + port + ",msmms", "-Y", "msmms.command", "-T", "fields",
                "-e", "tcp.srcport");
        assertThat(commands.lines().toList()).as("Connect, then ReportConnectedEX").hasSize(2)
                .last().isEqualTo(port);
        String analysis = tshark(pcap, "-Y", "tcp.analysis.flags", "-T", "fields", "-e", "frame.number");
        assertThat(analysis).as("no lost segments, retransmissions or bad acks").isBlank();
    }

    private static JsonNode caseNode(JsonNode root, String id) {
        for (JsonNode c : root.path("cases")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no case " + id + " in " + root);
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static String tshark(Path pcap, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new TestAbortedException("tshark is not installed: " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark " + cmd).isZero();
        return out;
    }
}
