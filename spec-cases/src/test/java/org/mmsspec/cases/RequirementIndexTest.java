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
        Pattern id = Pattern.compile("(MMSP|WMSP)-(\\d+(?:\\.\\d+)*)-R(\\d+)");
        for (Requirement r : all) {
            var m = id.matcher(r.id());
            assertThat(m.matches()).as(r.id()).isTrue();
            assertThat("MS-" + m.group(1)).as(r.id() + " names its specification").isEqualTo(r.section().spec());
            assertThat(m.group(2)).as(r.id() + " names its section").isEqualTo(r.section().number());
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

    /**
     * Each file's first line states how many normative keywords its section has (counted from the spec, which is
     * not in this repository); the file must hold exactly that many statements, so none is forgotten.
     */
    @Test
    void everySectionHoldsAsManyStatementsAsItsKeywords() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/requirements/mmsp");
        Pattern count = Pattern.compile("Statements: (\\d+)");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String first = java.nio.file.Files.readAllLines(f).get(0);
                var m = count.matcher(first);
                assertThat(m.find()).as(f + " states its keyword count").isTrue();
                String number = f.getFileName().toString().replace(".yaml", "");
                assertThat(INDEX.inSection(org.mmsspec.codec.Section.mmsp(number))).as(f.toString())
                        .hasSize(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(INDEX.all()).filteredOn(r -> r.section().spec().equals(org.mmsspec.codec.Section.MMSP))
                .as("MS-MMSP sections 2 and 3 hold 834 normative keywords").hasSize(834);
    }

    /**
     * The MS-WMSP index is small: a file either holds its whole section (its first line says how many keywords) or
     * says it is partial, holding only the statements the server cases cite.
     */
    @Test
    void everyWmspFileIsWholeOrSaysItIsPartial() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/requirements/wmsp");
        Pattern count = Pattern.compile("Statements: (\\d+)");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String first = java.nio.file.Files.readAllLines(f).get(0);
                String number = f.getFileName().toString().replace(".yaml", "");
                var held = INDEX.inSection(org.mmsspec.codec.Section.wmsp(number));
                assertThat(held).as(f.toString()).isNotEmpty();
                var m = count.matcher(first);
                if (m.find()) {
                    assertThat(held).as(f.toString()).hasSize(Integer.parseInt(m.group(1)));
                } else {
                    assertThat(first).as(f + " states its keyword count or that it is partial").contains("Partial");
                }
            }
        }
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
