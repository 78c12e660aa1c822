package org.mmsspec.harness.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.ConformanceCase;

/** A run of either role as JUnit and the command line drive it: cases started at once, results as they come. */
public interface ConformanceRun extends AutoCloseable {

    /** The selected cases, in the order {@link #start} hands out their futures. */
    List<? extends ConformanceCase> cases();

    /** Whether {@code r} fails the build: a failing verdict the baseline does not hold. */
    boolean failsBuild(CaseResult r);

    /** Submits every case; {@code each} sees each result as it is made (from the worker threads). */
    List<CompletableFuture<CaseResult>> start(Consumer<CaseResult> each);

    /** Waits for every case and makes the report. */
    RunReport finish();

    /** Where the reports go. */
    Path reportDir();

    /** Whether the reports include a pcap per case. */
    default boolean pcap() {
        return false;
    }

    /** Runs everything and waits. */
    default RunReport runAll(Consumer<CaseResult> each) {
        start(each);
        return finish();
    }

    @Override
    void close();
}
