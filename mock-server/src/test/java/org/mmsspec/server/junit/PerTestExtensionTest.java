package org.mmsspec.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.scenario.Scenario;

/** As an instance field the extension gives each test a server of its own, with an empty event log. */
class PerTestExtensionTest {

    static final Set<MockMmsServer> SEEN = new HashSet<>();

    @RegisterExtension
    MockMmsServerExtension mms = MockMmsServerExtension.with(Scenario.builder());

    @RepeatedTest(2)
    void freshServerPerTest(MockMmsServer server) {
        assertThat(server.events().events()).isEmpty();
        assertThat(SEEN.add(server)).isTrue();
    }

    @AfterAll
    static void twoServers() {
        assertThat(SEEN).hasSize(2);
    }
}
