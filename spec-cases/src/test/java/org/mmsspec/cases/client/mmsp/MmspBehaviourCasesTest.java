package org.mmsspec.cases.client.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

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

    @Test
    void everyCitedRequirementExistsBindsTheClientAndCanBeSeen() {
        RequirementIndex index = RequirementIndex.bundled();
        for (ClientCase c : cases()) {
            for (String id : c.requirements()) {
                Optional<Requirement> r = index.byId(id);
                assertThat(r).as(c.id() + " cites " + id + ", which is not in the index").isPresent();
                assertThat(r.get().role()).as(c.id() + " cites the server rule " + id)
                        .isNotEqualTo(Requirement.Role.SERVER);
                assertThat(r.get().observable()).as(c.id() + " cites the unobservable " + id).isTrue();
            }
        }
    }

    @Test
    void descriptionsAreOneLine() {
        assertThat(cases()).allSatisfy(c -> {
            assertThat(c.description()).isNotBlank().doesNotContain("\n");
            assertThat(c.description().length()).as(c.id()).isLessThanOrEqualTo(160);
        });
    }
}
