package org.mmsspec.harness.conformance;

import org.mmsspec.cases.ConformanceCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.codec.Level;

/** {@code -Dcases} / {@code --cases}: globs on the id, prefixes of id or section, exclusions, and slow cases. */
class CaseSelectionTest {

    private static final List<ServerCase> ALL = cases();

    private static List<ServerCase> cases() {
        CaseGroup a = CaseGroup.mmsp("2.2.4.7", "A");
        a.add(1, Level.MUST, "one").run(ctx -> { });
        a.add(2, Level.MUST, "two").run(ctx -> { });
        a.add(12, Level.SHOULD, "twelve").tags(ConformanceCase.SLOW).run(ctx -> { });
        CaseGroup b = CaseGroup.mmsp("2.2.4.17", "B");
        b.add(1, Level.MUST, "one").run(ctx -> { });
        CaseGroup c = CaseGroup.mmsp("3.2.5.3", "C");
        c.add(1, Level.MUST, "one").tags(ServerCase.NEGATIVE).run(ctx -> { });
        CaseGroup w = CaseGroup.wmsp("2.2.2.1", "W");
        w.add(1, Level.MUST, "one").run(ctx -> { });
        return List.of(a, b, c, w).stream().flatMap(g -> g.cases().stream()).toList();
    }

    private static List<String> select(List<String> include, List<String> exclude, boolean slow) {
        return new CaseSelection(include, exclude, slow).select(ALL).stream().map(ServerCase::id).toList();
    }

    private static List<String> select(String... include) {
        return select(List.of(include), List.of(), false);
    }

    @Test
    void nothingGivenIsEveryCaseButTheSlowOnes() {
        assertThat(select()).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-02", "MMSP-2.2.4.17-01",
                "MMSP-3.2.5.3-01", "WMSP-2.2.2.1-01");
        assertThat(select(List.of(), List.of(), true)).hasSize(ALL.size()).contains("MMSP-2.2.4.7-12");
    }

    @Test
    void globsMatchTheWholeIdIgnoringCase() {
        assertThat(select("MMSP-2.2.4.*-0?")).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-02",
                "MMSP-2.2.4.17-01");
        assertThat(select("mmsp-2.2.4.7-*")).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-02");
        assertThat(select("*-01")).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.17-01", "MMSP-3.2.5.3-01",
                "WMSP-2.2.2.1-01");
        assertThat(select("MMSP-2.2.4.7")).as("the dots of a glob are literal, not any character")
                .doesNotContain("MMSP-2.2.4.17-01");
        assertThat(select("MMSP-2?2.4.7-01")).containsExactly("MMSP-2.2.4.7-01");
        assertThat(select("MMSP-2.2.4.7-0[1]")).isEmpty();
    }

    @Test
    void prefixesOfIdOrSectionStopAtWholeParts() {
        assertThat(select("MMSP-2.2.4.7")).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-02");
        assertThat(select("2.2.4.7")).as("section 2.2.4.7, not 2.2.4.17").containsExactly("MMSP-2.2.4.7-01",
                "MMSP-2.2.4.7-02");
        assertThat(select("2.2")).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-02", "MMSP-2.2.4.17-01",
                "WMSP-2.2.2.1-01");
        assertThat(select("3.2.5")).containsExactly("MMSP-3.2.5.3-01");
        assertThat(select("MS-MMSP 3.2.5.3")).containsExactly("MMSP-3.2.5.3-01");
        assertThat(select("WMSP")).containsExactly("WMSP-2.2.2.1-01");
        assertThat(select("3.2.5.3", "2.2.4.17")).containsExactly("MMSP-2.2.4.17-01", "MMSP-3.2.5.3-01");
    }

    @Test
    void excludeWinsOverInclude() {
        assertThat(select(List.of("2.2.4"), List.of("*-02"), false)).containsExactly("MMSP-2.2.4.7-01",
                "MMSP-2.2.4.17-01");
        assertThat(select(List.of(), List.of("MMSP", "WMSP-2.2.2.1-01"), true)).isEmpty();
        assertThat(select(List.of("MMSP-2.2.4.7-12"), List.of("2.2.4.7"), false)).isEmpty();
    }

    @Test
    void aSlowCaseComesWhenAskedForOrNamedByItsId() {
        assertThat(select("2.2.4.7")).doesNotContain("MMSP-2.2.4.7-12");
        assertThat(select(List.of("2.2.4.7"), List.of(), true)).contains("MMSP-2.2.4.7-12");
        assertThat(select("MMSP-2.2.4.7-12")).containsExactly("MMSP-2.2.4.7-12");
        assertThat(select("MMSP-2.2.4.7-1?")).as("a glob does not name it").isEmpty();
    }

    @Test
    void optionsAreReadFromCommaSeparatedProperties() {
        var p = new java.util.Properties();
        p.setProperty("cases", " 2.2.4.7 , ,MMSP-3.2.5.3-01");
        p.setProperty("exclude", "*-02");
        p.setProperty("slow", "");
        CaseSelection s = CaseSelection.of(RunOptions.from(p, RunOptions.DEFAULT_REPORT_DIR));
        assertThat(s.include()).containsExactly("2.2.4.7", "MMSP-3.2.5.3-01");
        assertThat(s.slow()).isTrue();
        assertThat(s.select(ALL)).extracting(ServerCase::id).containsExactly("MMSP-2.2.4.7-01", "MMSP-2.2.4.7-12",
                "MMSP-3.2.5.3-01");
    }
}
