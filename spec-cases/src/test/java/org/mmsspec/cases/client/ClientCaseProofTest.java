package org.mmsspec.cases.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Verdict;
import org.mmsspec.client.player.PlayerFault;

/**
 * Every client case proven both ways against the reference player: it passes the conformant player, and it catches
 * the fault {@link ClientFaults} names for it (FAIL or WARN). A case without a fault fails the proof, unless
 * {@code -Dmmsspec.proof.lenient=true}, which only reports it while cases are still being written.
 */
class ClientCaseProofTest {

    private static final boolean LENIENT = Boolean.getBoolean("mmsspec.proof.lenient");
    private static final Set<Verdict> CAUGHT = Set.of(Verdict.FAIL, Verdict.WARN);

    @TestFactory
    Stream<DynamicTest> everyCasePassesTheConformantPlayer() {
        ClientCaseRunner runner = new ClientCaseRunner(new ReferenceClient(), ClientSettings.DEFAULTS);
        return ClientCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id() + " passes", () -> {
            CaseResult r = runner.run(c);
            assertThat(r.verdict()).as("%s: %s", c.id(), r.message()).isEqualTo(Verdict.PASS);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseCatchesItsFault() {
        return ClientCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id() + " catches its fault", () -> {
            var fault = ClientFaults.of(c.id());
            if (fault.isEmpty()) {
                String msg = c.id() + " has no fault in ClientFaults: nothing proves it can fail";
                if (LENIENT) {
                    System.out.println("[proof] " + msg);
                    Assumptions.abort(msg);
                }
                throw new AssertionError(msg);
            }
            PlayerFault f = fault.get();
            CaseResult r = new ClientCaseRunner(new ReferenceClient(f), ClientSettings.DEFAULTS).run(c);
            assertThat(r.verdict()).as("%s with %s: %s", c.id(), f, r.message()).isIn(CAUGHT);
        }));
    }

    @Test
    void theTableNamesOnlyCasesThatExist() {
        Set<String> ids = ClientCases.all().stream().map(ClientCase::id).collect(Collectors.toSet());
        List<String> stale = ClientFaults.table().keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
        assertThat(stale).as("ClientFaults lines for cases that do not exist").isEmpty();
    }
}
