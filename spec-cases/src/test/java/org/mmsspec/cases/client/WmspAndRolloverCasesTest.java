package org.mmsspec.cases.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.client.rollover.RolloverCases;
import org.mmsspec.cases.client.wmsp.WmspClientCases;

/** The MMSH and rollover client cases are well formed: client requirements that exist, one-line descriptions. */
class WmspAndRolloverCasesTest {

    private static List<ClientCase> cases() {
        return Stream.concat(WmspClientCases.groups().stream(), RolloverCases.groups().stream())
                .flatMap(g -> g.cases().stream()).toList();
    }

    @Test
    void atLeastTwentyMmshAndEightRolloverCases() {
        assertThat(cases()).filteredOn(c -> c.tags().contains("mmsh") && !c.tagged(ClientCase.ROLLOVER))
                .hasSizeGreaterThanOrEqualTo(20);
        assertThat(cases()).filteredOn(c -> c.tagged(ClientCase.ROLLOVER)).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyCitedRequirementExistsAndBindsTheClient() {
        RequirementIndex index = RequirementIndex.bundled();
        for (ClientCase c : cases()) {
            for (String id : c.requirements()) {
                Optional<Requirement> r = index.byId(id);
                assertThat(r).as(c.id() + " cites " + id + ", which is not in the index").isPresent();
                assertThat(r.get().role()).as(c.id() + " cites the server rule " + id)
                        .isNotEqualTo(Requirement.Role.SERVER);
            }
        }
    }

    @Test
    void descriptionsAreOneLine() {
        assertThat(cases()).allSatisfy(c -> {
            assertThat(c.description()).isNotBlank().doesNotContain("\n");
            assertThat(c.description().length()).as(c.id()).isLessThanOrEqualTo(140);
        });
    }

    @Test
    void rolloverCasesAreTaggedAndMmshCasesAskForMmsh() {
        assertThat(RolloverCases.groups().stream().flatMap(g -> g.cases().stream()))
                .allSatisfy(c -> assertThat(c.tagged(ClientCase.ROLLOVER)).as(c.id()).isTrue());
        assertThat(WmspClientCases.groups().stream().flatMap(g -> g.cases().stream()))
                .allSatisfy(c -> assertThat(c.schemes()).as(c.id()).containsExactly(Scheme.MMSH));
    }
}
