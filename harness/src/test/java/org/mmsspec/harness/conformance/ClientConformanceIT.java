package org.mmsspec.harness.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.client.ClientCase;
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
        ClientRunOptions options = given.command().isEmpty() ? withDefaultClient(given) : given;
        run = ClientRun.prepare(options, new CommandLauncher(options.command(), options.user()));
        List<CompletableFuture<CaseResult>> results = run.start(r -> { });
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ClientCase c = run.cases().get(i);
            CompletableFuture<CaseResult> f = results.get(i);
            tests.add(DynamicTest.dynamicTest(c.displayName(), () -> judge(f.join())));
        }
        return tests.stream();
    }

    /**
     * The client the build grades where none is given. THE place to switch to the project's own reference client
     * (org.mmsspec.cases.client.ReferenceClient) once it lands: return the options unchanged and launch it instead.
     * Until then, ffmpeg over mmst:// where it is installed.
     */
    private static ClientRunOptions withDefaultClient(ClientRunOptions options) {
        if (!onPath("ffmpeg")) {
            abort("no -Dclient given and no ffmpeg on PATH: give -Dclient=\"COMMAND {url}\" to grade a client");
        }
        return options.withCommand(CommandWords.split(FFMPEG)).withScheme(Scheme.MMST);
    }

    static boolean onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, program)).anyMatch(Files::isExecutable);
    }

    private static void judge(CaseResult r) {
        if (r.verdict() == Verdict.SKIP) {
            abort("SKIP: " + r.message());
        }
        if (run.failsBuild(r)) {
            StringBuilder b = new StringBuilder(r.verdict() + ": " + r.message());
            r.evidence().forEach(e -> b.append('\n').append(e));
            fail(b.toString());
        }
    }

    @AfterAll
    static void writeReports() throws IOException {
        if (run == null) {
            return;
        }
        try {
            RunReport report = run.finish();
            Path dir = run.options().reportDir();
            report.write(dir, false);
            System.out.println("mmsspec: " + report.summaryLine() + "; reports in " + dir.toAbsolutePath());
        } finally {
            run.close();
        }
    }
}
