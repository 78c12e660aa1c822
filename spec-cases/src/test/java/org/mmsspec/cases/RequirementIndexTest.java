package org.mmsspec.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The index is well formed: ids stable and unique, sections in their own files, reasons where unobservable. */
class RequirementIndexTest {

    static final RequirementIndex INDEX = RequirementIndex.bundled();

    @Test
    void idsAreUniqueAndNameTheirSection() {
        List<Requirement> all = INDEX.all();
        assertThat(all).isNotEmpty();
        assertThat(all.stream().map(Requirement::id).distinct().count()).isEqualTo(all.size());
        Pattern id = Pattern.compile("MMSP-(\\d+(?:\\.\\d+)*)-R(\\d+)");
        for (Requirement r : all) {
            var m = id.matcher(r.id());
            assertThat(m.matches()).as(r.id()).isTrue();
            assertThat(m.group(1)).as(r.id() + " names its section").isEqualTo(r.section().number());
        }
    }

    @Test
    void idsCountUpWithoutGapsWithinASection() {
        INDEX.all().stream().map(Requirement::section).distinct().forEach(s -> {
            List<Requirement> rs = INDEX.inSection(s);
            for (int i = 0; i < rs.size(); i++) {
                assertThat(rs.get(i).id()).as(s.toString()).endsWith("-R" + (i + 1));
            }
        });
    }

    @Test
    void everyUnobservableStatementSaysWhy() {
        assertThat(INDEX.all()).filteredOn(r -> !r.observable())
                .allSatisfy(r -> assertThat(r.reason()).as(r.id()).isNotBlank());
    }

    @Test
    void paraphrasesAreOneLine() {
        assertThat(INDEX.all()).allSatisfy(r -> assertThat(r.paraphrase()).as(r.id()).doesNotContain("\n")
                .hasSizeLessThan(300));
    }
}
