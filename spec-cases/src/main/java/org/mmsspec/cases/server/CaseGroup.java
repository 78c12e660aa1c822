package org.mmsspec.cases.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.cases.CaseIds;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * The cases of one section, as h2spec groups them: {@code CaseGroup.mmsp("2.2.4.23", "LinkViewerToMacReadBlock")},
 * then one {@link #add} chain per case. Case numbers are the last part of the id and never reused.
 */
public final class CaseGroup {

    private final Section section;
    private final String title;
    private final List<ServerCase> cases = new ArrayList<>();

    private CaseGroup(Section section, String title) {
        this.section = section;
        this.title = title;
    }

    public static CaseGroup mmsp(String number, String title) {
        return new CaseGroup(Section.mmsp(number), title);
    }

    public static CaseGroup wmsp(String number, String title) {
        return new CaseGroup(Section.wmsp(number), title);
    }

    public Section section() {
        return section;
    }

    public String title() {
        return title;
    }

    public List<ServerCase> cases() {
        return List.copyOf(cases);
    }

    /** Starts case {@code number} of this section; {@link Builder#run} adds it. */
    public Builder add(int number, Level level, String description) {
        return new Builder(number, level, description);
    }

    /** One case under construction. */
    public final class Builder {
        private final int number;
        private final Level level;
        private final String description;
        private final List<String> requirements = new ArrayList<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private Section caseSection = section;
        private String erratum;

        private Builder(int number, Level level, String description) {
            CaseIds.caseId(section, number); // checks the range
            this.number = number;
            this.level = level;
            this.description = description;
        }

        /**
         * Requirement ids covered: {@code "R3"} is a statement of this group's section, a full id
         * ({@code "MMSP-3.2.5.8-R2"}) one of any other.
         */
        public Builder covers(String... ids) {
            requirements.addAll(CaseIds.requirements(section, ids));
            return this;
        }

        public Builder erratum(String note) {
            this.erratum = note;
            return this;
        }

        public Builder tags(String... t) {
            tags.addAll(List.of(t));
            return this;
        }

        /** Judges the case against another section than the group's, for a rule stated elsewhere. */
        public Builder judgedBy(Section s) {
            this.caseSection = s;
            return this;
        }

        public CaseGroup run(CaseScript script) {
            String id = CaseIds.caseId(section, number);
            if (cases.stream().anyMatch(c -> c.id().equals(id))) {
                throw new IllegalStateException("duplicate case " + id);
            }
            if (section.spec().equals(Section.WMSP)) {
                tags.add(ServerCase.MMSH);
            }
            cases.add(new ServerCase(id, caseSection, level, requirements, description, erratum, tags, script));
            return CaseGroup.this;
        }
    }
}
