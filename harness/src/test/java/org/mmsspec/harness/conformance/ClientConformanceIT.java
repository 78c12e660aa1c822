package org.mmsspec.harness.conformance;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.client.CommandWords;

/**
 * The client conformance run as {@code mvn verify -Dclient="COMMAND"} makes it: every selected client case is a JUnit
 * test of its own, named by id, section and description. A run against a server ({@code -Dtarget}) leaves it out.
 * Reports go to {@code target/mmsspec-client} unless {@code -Dreport.dir} says otherwise.
 */
@DisabledIfSystemProperty(named = "target", matches = ".*", disabledReason = "-Dtarget grades a server")
class ClientConformanceIT {

    /** The ffmpeg command the build grades until the reference client exists. */
    static final String FFMPEG = "ffmpeg -nostdin -v error -i {url} -c copy -f null -";

    private static ClientRun run;

    @TestFactory
    Stream<DynamicTest> clientCases() {
        ClientRunOptions given = ClientRunOptions.from(System.getProperties(), Path.of("target", "mmsspec-client"));
        run = given.command().isEmpty() ? defaultClientRun(given)
                : ClientRun.prepare(given, new CommandLauncher(given.command(), given.user()));
        return ConformanceTests.of(run, r -> r.evidence().stream().map(e -> "\n" + e).reduce("", String::concat));
    }

    /**
     * The run where no client is given. THE place to switch to the project's own reference client once it lands
     * ({@code return ClientRun.prepare(options, new org.mmsspec.cases.client.ReferenceClient(...))}); until then,
     * ffmpeg over mmst:// where it is installed.
     */
    private static ClientRun defaultClientRun(ClientRunOptions options) {
        if (!CommandLauncher.onPath("ffmpeg")) {
            abort("no -Dclient given and no ffmpeg on PATH: give -Dclient=\"COMMAND {url}\" to grade a client");
        }
        ClientRunOptions ffmpeg = options.withCommand(CommandWords.split(FFMPEG)).withScheme(Scheme.MMST);
        return ClientRun.prepare(ffmpeg, new CommandLauncher(ffmpeg.command(), ffmpeg.user()));
    }

    @AfterAll
    static void writeReports() throws IOException {
        ConformanceTests.finish(run);
    }
}
