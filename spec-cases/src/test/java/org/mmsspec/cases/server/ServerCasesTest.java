package org.mmsspec.cases.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;

/** The catalogue of server cases is well-formed: ids keyed by section, real requirement ids, one-line descriptions. */
class ServerCasesTest {

    private static final Pattern ID = Pattern.compile("(MMSP|WMSP)-\\d+(\\.\\d+)*-\\d\\d");

    @Test
    void idsAreKeyedBySectionAndUnique() {
        List<ServerCase> all = ServerCases.all();
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(c -> assertThat(c.id()).matches(ID));
        assertThat(all.stream().map(ServerCase::id).distinct().count()).isEqualTo(all.size());
    }

    @Test
    void everyCaseCoversServerRequirementsThatExist() {
        RequirementIndex index = RequirementIndex.bundled();
        for (ServerCase c : ServerCases.all()) {
            assertThat(c.requirements()).as(c.id() + " covers no requirement").isNotEmpty();
            for (String id : c.requirements()) {
                Optional<Requirement> r = index.byId(id);
                assertThat(r).as(c.id() + " cites " + id + ", which is not in the index").isPresent();
                assertThat(r.get().role()).as(c.id() + " cites the client rule " + id)
                        .isNotEqualTo(Requirement.Role.CLIENT);
            }
        }
    }

    @Test
    void descriptionsAreOneLine() {
        assertThat(ServerCases.all()).allSatisfy(c -> {
            assertThat(c.description()).isNotBlank().doesNotContain("\n");
            assertThat(c.description().length()).as(c.id()).isLessThanOrEqualTo(140);
        });
    }
}
