package org.mmsspec.harness.conformance;


import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.mmsspec.cases.client.ReferenceClient;
import org.mmsspec.harness.client.CommandLauncher;

/**
 * The client conformance run as {@code mvn verify -Dclient="COMMAND"} makes it: every selected client case is a JUnit
 * test of its own, named by id, section and description. A run against a server ({@code -Dtarget}) leaves it out.
 * Reports go to {@code target/mmsspec-client} unless {@code -Dreport.dir} says otherwise.
 */
@DisabledIfSystemProperty(named = "target", matches = ".*", disabledReason = "-Dtarget grades a server")
@DisabledIfSystemProperty(named = "fuzz", matches = ".*", disabledReason = "-Dfuzz runs a fuzzing campaign instead")
class ClientConformanceIT {

    private static ClientRun run;

    @TestFactory
    Stream<DynamicTest> clientCases() {
        ClientRunOptions given = ClientRunOptions.from(System.getProperties(), Path.of("target", "mmsspec-client"));
        run = given.command().isEmpty() ? defaultClientRun(given)
                : ClientRun.prepare(given, new CommandLauncher(given.command(), given.user()));
        return ConformanceTests.of(run, r -> r.evidence().stream().map(e -> "\n" + e).reduce("", String::concat));
    }

    /** The run where no client is given: the project's own reference client, conformant, in process. */
    private static ClientRun defaultClientRun(ClientRunOptions options) {
        return ClientRun.prepare(options, new ReferenceClient());
    }

    @AfterAll
    static void writeReports() throws IOException {
        ConformanceTests.finish(run);
    }
}
