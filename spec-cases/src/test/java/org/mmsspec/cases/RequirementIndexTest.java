package org.mmsspec.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.mmsspec.codec.Section;

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
     * Each MS-MMSP file's first line states how many normative keywords its section has (counted from the spec, which
     * is not in this repository); the file must hold exactly that many statements, so none is forgotten.
     */
    @Test
    void everySectionHoldsAsManyStatementsAsItsKeywords() throws Exception {
        for (SectionFile f : files("mmsp", Section::mmsp)) {
            assertThat(f.statedCount()).as(f.path() + " states its keyword count").isNotNull();
            assertThat(f.held()).as(f.path().toString()).hasSize(f.statedCount());
        }
        assertThat(INDEX.all()).filteredOn(r -> r.section().spec().equals(Section.MMSP))
                .as("MS-MMSP sections 2 and 3 hold 834 normative keywords").hasSize(834);
    }

    /**
     * The MS-WMSP index is small: a file either holds its whole section (its first line says how many keywords) or
     * says it is partial, holding only the statements the server cases cite.
     */
    @Test
    void everyWmspFileIsWholeOrSaysItIsPartial() throws Exception {
        for (SectionFile f : files("wmsp", Section::wmsp)) {
            assertThat(f.held()).as(f.path().toString()).isNotEmpty();
            if (f.statedCount() != null) {
                assertThat(f.held()).as(f.path().toString()).hasSize(f.statedCount());
            } else {
                assertThat(f.firstLine()).as(f.path() + " states its keyword count or that it is partial")
                        .contains("Partial");
            }
        }
    }

    /** One section's file, its first line, the count it states (or null), and what the index holds of it. */
    record SectionFile(Path path, String firstLine, Integer statedCount, List<Requirement> held) {
    }

    static List<SectionFile> files(String spec, Function<String, Section> section) throws IOException {
        Pattern count = Pattern.compile("Statements: (\\d+)");
        List<SectionFile> out = new ArrayList<>();
        try (var files = Files.list(Path.of("src/main/resources/requirements", spec))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String first = Files.readAllLines(f).get(0);
                var m = count.matcher(first);
                String number = f.getFileName().toString().replace(".yaml", "");
                out.add(new SectionFile(f, first, m.find() ? Integer.valueOf(m.group(1)) : null,
                        INDEX.inSection(section.apply(number))));
            }
        }
        return out;
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
