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
            if (r.verdict() == Verdict.SKIP && ClientFaults.unproven(c.id()).isPresent()) {
                Assumptions.abort(c.id() + " skips: " + ClientFaults.unproven(c.id()).get());
            }
            assertThat(r.verdict()).as("%s: %s", c.id(), r.message()).isEqualTo(Verdict.PASS);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseCatchesItsFault() {
        return ClientCases.all().stream().map(c -> DynamicTest.dynamicTest(c.id() + " catches its fault", () -> {
            var fault = ClientFaults.of(c.id());
            if (fault.isEmpty() && ClientFaults.unproven(c.id()).isPresent()) {
                System.out.println("[proof] " + c.id() + " unproven: " + ClientFaults.unproven(c.id()).get());
                Assumptions.abort(ClientFaults.unproven(c.id()).get());
            }
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

    /**
     * A line for a case that does not exist is a typo where its section has cases; where the section has none yet,
     * the line waits for cases still being written.
     */
    @Test
    void theTableNamesOnlyCasesThatExist() {
        Set<String> ids = ClientCases.all().stream().map(ClientCase::id).collect(Collectors.toSet());
        Set<String> sections = ids.stream().map(ClientCaseProofTest::section).collect(Collectors.toSet());
        List<String> stale = ClientFaults.table().keySet().stream()
                .filter(id -> !ids.contains(id) && sections.contains(section(id))).sorted().toList();
        assertThat(stale).as("ClientFaults lines for cases that do not exist").isEmpty();
    }

    /** {@code C-MMSP-2.2.4.17} of {@code C-MMSP-2.2.4.17-03}. */
    private static String section(String id) {
        return id.substring(0, id.lastIndexOf('-'));
    }
}
