package org.mmsspec.harness.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.server.CaseRunner;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.ServerCases;
import org.mmsspec.cases.server.Target;
import org.mmsspec.server.scenario.Scenario;

/**
 * One conformance run against a server: the selected cases, {@code parallel} at a time, each to a verdict. Results are
 * handed out as they come ({@link #start}), so that JUnit and the command line can show them one by one.
 */
public final class ServerRun implements ConformanceRun {

    private final RunOptions options;
    private final TargetHandle handle;
    private final CasePool<ServerCase> cases;
    /** Reading the requirements index costs a cold JVM about a second: it overlaps the cases. */
    private final CompletableFuture<Coverage> coverage = CompletableFuture.supplyAsync(
            () -> Coverage.of(RequirementIndex.bundled(), ServerCases.all(), Requirement.Role.SERVER));

    private ServerRun(RunOptions options, TargetHandle handle, List<ServerCase> selected) {
        this.options = options;
        this.handle = handle;
        this.cases = new CasePool<>(selected, options.baseline().map(Baseline::read).orElse(Map.of()),
                options.settings().strict(), options.parallel());
    }

    /** Resolves the target (starting the reference where none is given) and selects the cases. */
    public static ServerRun prepare(RunOptions options) {
        return prepare(options, ServerCases.all());
    }

    public static ServerRun prepare(RunOptions options, List<ServerCase> all) {
        return prepare(options, all, UnaryOperator.identity());
    }

    /**
     * As {@link #prepare(RunOptions, List)}; where no target is given, the embedded reference is started with
     * {@code reference} applied to its scenarios (the mutation harness injects its fault this way).
     */
    public static ServerRun prepare(RunOptions options, List<ServerCase> all,
            UnaryOperator<Scenario.Builder> reference) {
        return prepare(options, all, TargetHandle.open(options, reference));
    }

    /** A run against {@code handle}, which the run closes when it ends (pass a borrowed one to keep it). */
    public static ServerRun prepare(RunOptions options, List<ServerCase> all, TargetHandle handle) {
        try {
            return new ServerRun(options, handle, CaseSelection.of(options).select(all));
        } catch (RuntimeException e) {
            handle.close(); // an unreadable baseline must not leave the reference running
            throw e;
        }
    }

    @Override
    public List<ServerCase> cases() {
        return cases.cases();
    }

    public RunOptions options() {
        return options;
    }

    @Override
    public Path reportDir() {
        return options.reportDir();
    }

    @Override
    public boolean pcap() {
        return options.pcap();
    }

    @Override
    public boolean failsBuild(CaseResult r) {
        return cases.failsBuild(r);
    }

    public Target target() {
        return handle.target();
    }

    @Override
    public List<CompletableFuture<CaseResult>> start(Consumer<CaseResult> each) {
        CaseRunner runner = new CaseRunner(handle.target(), options.settings());
        return cases.start(c -> handle.unavailable().map(why -> skipped(c, why)).orElseGet(() -> runner.run(c)),
                each);
    }

    @Override
    public RunReport finish() {
        List<CaseResult> results = cases.results();
        return new RunReport(RunReport.SERVER, handle.target().name(), options.settings(), results, cases.baseline(),
                coverage.join(), cases.wallMs());
    }

    private static CaseResult skipped(ServerCase c, String why) {
        return new CaseResult(c, Verdict.SKIP, why, List.of(), 0, List.of());
    }

    @Override
    public void close() {
        cases.close();
        handle.close();
    }
}
