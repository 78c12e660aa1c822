package org.mmsspec.cases.client.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientCases;
import org.mmsspec.codec.Level;

/** The MS-MMSP message cases cite real client rules, one line each, and judge at least the rules the issue names. */
class MmspClientCasesTest {

    private static List<ClientCase> cases() {
        return MmspClientCases.groups().stream().flatMap(g -> g.cases().stream()).toList();
    }

    @Test
    void citeClientRulesThatExistAndCanBeBroken() {
        RequirementIndex index = RequirementIndex.bundled();
        // a MAY grants a freedom no behaviour breaks, and a server rule does not bind the client
        List<String> wrong = cases().stream().flatMap(c -> c.requirements().stream()
                .filter(id -> index.byId(id).filter(r -> r.role() != Requirement.Role.SERVER)
                        .filter(r -> r.level() != Level.MAY).isEmpty())
                .map(id -> c.id() + " cites " + id)).toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void oneLineDescriptionsAndEnoughCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases()).allSatisfy(c -> assertThat(c.description()).isNotBlank().doesNotContain("\n")
                .hasSizeLessThanOrEqualTo(140));
        assertThat(MmspClientCases.groups()).extracting(ClientCaseGroup::title).doesNotHaveDuplicates();
        // every part together: no other registry took one of these ids
        assertThat(ClientCases.all()).extracting(ClientCase::id).containsAll(cases().stream().map(ClientCase::id)
                .toList());
    }

    @Test
    void casesWithAnotherPathServeMediaThere() {
        assertThat(cases()).filteredOn(c -> !c.path().equals(ClientCase.DEFAULT_PATH)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path()).doesNotContain(" "));
    }
}
