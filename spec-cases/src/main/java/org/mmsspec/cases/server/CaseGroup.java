package org.mmsspec.cases.server;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.CaseBuilder;
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
    public final class Builder extends CaseBuilder<Builder> {

        private Builder(int number, Level level, String description) {
            super(CaseIds.caseId(section, number), section, level, description);
        }

        public CaseGroup run(CaseScript script) {
            requireNew(cases);
            if (section.spec().equals(Section.WMSP)) {
                tags.add(ServerCase.MMSH);
            }
            cases.add(new ServerCase(id, caseSection, level, requirements, description, erratum, tags, script));
            return CaseGroup.this;
        }
    }
}
