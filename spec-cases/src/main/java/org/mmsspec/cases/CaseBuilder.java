package org.mmsspec.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * What every case under construction has, whichever role it judges: its id, level and one-line description, the
 * requirements it covers, its tags, an erratum, and the section it is judged by.
 *
 * @param <B> the concrete builder, so that chains keep their type
 */
public abstract class CaseBuilder<B extends CaseBuilder<B>> {

    protected final String id;
    protected final Level level;
    protected final String description;
    protected final List<String> requirements = new ArrayList<>();
    protected final Set<String> tags = new LinkedHashSet<>();
    protected final Section groupSection;
    protected Section caseSection;
    protected String erratum;

    protected CaseBuilder(String id, Section groupSection, Level level, String description) {
        this.id = id;
        this.groupSection = groupSection;
        this.caseSection = groupSection;
        this.level = level;
        this.description = description;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Requirement ids covered: {@code "R3"} is a statement of the group's section, a full id
     * ({@code "MMSP-3.2.5.8-R2"}) one of any other.
     */
    public B covers(String... ids) {
        requirements.addAll(CaseIds.requirements(groupSection, ids));
        return self();
    }

    /** Where the deployed world and the spec's words part: what the case follows, and why. */
    public B erratum(String note) {
        erratum = note;
        return self();
    }

    public B tags(String... t) {
        tags.addAll(List.of(t));
        return self();
    }

    /** Judges the case against another section than the group's, for a rule stated elsewhere. */
    public B judgedBy(Section s) {
        caseSection = s;
        return self();
    }

    /** Throws where {@code existing} already holds a case of this id. */
    protected void requireNew(List<? extends ConformanceCase> existing) {
        if (existing.stream().anyMatch(c -> c.id().equals(id))) {
            throw new IllegalStateException("duplicate case " + id);
        }
    }
}
