package org.mmsspec.cases.client.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.client.ClientCase;

/** The behaviour cases are well formed: observable client requirements that exist, one-line descriptions. */
class MmspBehaviourCasesTest {

    private static List<ClientCase> cases() {
        return MmspBehaviourCases.groups().stream().flatMap(g -> g.cases().stream()).toList();
    }

    @Test
    void atLeastTwentyTwoCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(22);
    }

    /** Every citation that is not an observable client (or both) statement of the index, all listed at once. */
    @Test
    void everyCitedRequirementIsAnObservableClientStatement() {
        RequirementIndex index = RequirementIndex.bundled();
        List<String> wrong = cases().stream().flatMap(c -> c.requirements().stream()
                .filter(id -> index.byId(id).map(r -> r.role() == Requirement.Role.SERVER || !r.observable())
                        .orElse(true))
                .map(id -> c.id() + " cites " + id)).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void descriptionsAreOneLine() {
        assertThat(cases()).allSatisfy(c -> {
            assertThat(c.description()).isNotBlank().doesNotContain("\n");
            assertThat(c.description().length()).as(c.id()).isLessThanOrEqualTo(160);
        });
    }
}
