package org.mmsspec.harness.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseRunner;
import org.mmsspec.cases.client.ClientCases;
import org.mmsspec.cases.client.ClientLauncher;

/**
 * One conformance run of a client: the selected client cases, {@code parallel} at a time, each against its own fresh
 * mock server (so cases never share a port), each to a verdict. Results are handed out as they come.
 */
public final class ClientRun implements ConformanceRun {

    private final ClientRunOptions options;
    private final ClientLauncher launcher;
    private final CasePool<ClientCase> cases;
    /** Reading the requirements index costs a cold JVM about a second: it overlaps the cases. */
    private final CompletableFuture<Coverage> coverage = CompletableFuture.supplyAsync(
            () -> Coverage.of(RequirementIndex.bundled(), ClientCases.all(), Requirement.Role.CLIENT));

    private ClientRun(ClientRunOptions options, ClientLauncher launcher, List<ClientCase> selected) {
        this.options = options;
        this.launcher = launcher;
        this.cases = new CasePool<>(selected, options.baseline().map(Baseline::read).orElse(Map.of()),
                options.settings().strict(), options.parallel());
    }

    /** Selects the cases for {@code launcher}; an unreadable baseline throws. */
    public static ClientRun prepare(ClientRunOptions options, ClientLauncher launcher) {
        return prepare(options, launcher, ClientCases.all());
    }

    public static ClientRun prepare(ClientRunOptions options, ClientLauncher launcher, List<ClientCase> all) {
        return new ClientRun(options, launcher, CaseSelection.of(options).select(all));
    }

    @Override
    public List<ClientCase> cases() {
        return cases.cases();
    }

    public ClientRunOptions options() {
        return options;
    }

    @Override
    public Path reportDir() {
        return options.reportDir();
    }

    public ClientLauncher launcher() {
        return launcher;
    }

    @Override
    public boolean failsBuild(CaseResult r) {
        return cases.failsBuild(r);
    }

    @Override
    public List<CompletableFuture<CaseResult>> start(Consumer<CaseResult> each) {
        ClientCaseRunner runner = new ClientCaseRunner(launcher, options.clientSettings());
        return cases.start(runner::run, each);
    }

    @Override
    public RunReport finish() {
        List<CaseResult> results = cases.results();
        return new RunReport(RunReport.CLIENT, launcher.describe(), options.settings(), results, cases.baseline(),
                coverage.join(), cases.wallMs());
    }

    @Override
    public void close() {
        cases.close();
    }
}
