package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.mmsspec.cases.CaseResult;

/**
 * The server conformance run as {@code mvn verify} makes it: every selected case is a JUnit test of its own, named
 * by id, section and description, against {@code -Dtarget} or the embedded reference. All cases start at once
 * ({@code -Dparallel} at a time); each test waits for its own. The reports are written when the last has ended.
 * A run that grades a client ({@code -Dclient}) leaves it out.
 */
@DisabledIfSystemProperty(named = "client", matches = ".*", disabledReason = "-Dclient grades a client")
@DisabledIfSystemProperty(named = "fuzz", matches = ".*", disabledReason = "-Dfuzz runs a fuzzing campaign instead")
class ServerConformanceIT {

    private static ServerRun run;

    @TestFactory
    Stream<DynamicTest> serverCases() {
        run = ServerRun.prepare(RunOptions.from(System.getProperties(), RunOptions.DEFAULT_REPORT_DIR));
        return ConformanceTests.of(run, ServerConformanceIT::transcriptTail);
    }

    private static String transcriptTail(CaseResult r) {
        StringBuilder b = new StringBuilder();
        r.transcripts().forEach(t -> b.append("\n--- ").append(t.label()).append('\n').append(t.transcript()));
        return b.toString();
    }

    @AfterAll
    static void writeReports() throws IOException {
        ConformanceTests.finish(run);
    }
}
