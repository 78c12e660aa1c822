package org.mmsspec.cases.client.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.Level;

/** The MS-MMSP message cases cite real client rules, one line each, and judge at least the rules the issue names. */
class MmspClientCasesTest {

    private static List<ClientCase> cases() {
        return MmspClientCases.groups().stream().flatMap(g -> g.cases().stream()).toList();
    }

    @Test
    void citeClientRulesThatExistAndCanBeBroken() {
        RequirementIndex index = RequirementIndex.bundled();
        for (ClientCase c : cases()) {
            for (String id : c.requirements()) {
                Optional<Requirement> r = index.byId(id);
                assertThat(r).as(c.id() + " cites " + id + ", which is not in the index").isPresent();
                assertThat(r.get().role()).as(c.id() + " cites the server rule " + id)
                        .isNotEqualTo(Requirement.Role.SERVER);
                assertThat(r.get().level()).as(c.id() + " cites the MAY " + id).isNotEqualTo(Level.MAY);
            }
        }
    }

    @Test
    void oneLineDescriptionsAndEnoughCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases()).allSatisfy(c -> assertThat(c.description()).isNotBlank().doesNotContain("\n")
                .hasSizeLessThanOrEqualTo(140));
        assertThat(MmspClientCases.groups()).extracting(ClientCaseGroup::title).doesNotHaveDuplicates();
    }

    @Test
    void casesWithAnotherPathServeMediaThere() {
        assertThat(cases()).filteredOn(c -> !c.path().equals(ClientCase.DEFAULT_PATH)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path()).doesNotContain(" "));
    }
}
