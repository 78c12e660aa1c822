package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.mmsspec.cases.server.ServerCases;
import org.mmsspec.harness.conformance.ReportHtml;
import org.mmsspec.harness.conformance.ReportJson;
import org.mmsspec.harness.conformance.RunOptions;
import org.mmsspec.harness.conformance.RunReport;
import org.mmsspec.harness.conformance.ServerRun;
import org.mmsspec.harness.conformance.TargetHandle;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmsspec bench ...}: how fast the tools are, measured the way a user runs them. */
@Command(name = "bench", description = "Measure how fast mmsspec runs.", subcommands = {BenchCommand.Server.class,
        FuzzBench.Rate.class, FuzzBench.Survival.class})
final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name what to measure: bench server, bench fuzz or bench fuzz-survival");
    }

    /**
     * {@code mmsspec bench server}: the default suite against the embedded reference, several times in one JVM,
     * each run as {@code mmsspec server} makes it (selection, cases, report.json and report.html), the reference
     * started once.
     */
    @Command(name = "server", sortOptions = false, description = "Run the default server suite against the embedded "
            + "reference N times and print each run's wall time and cases per second, then the median; last, "
            + "'cases=N runs=R first_wall_s=S median_wall_s=S median_cases_per_s=X'.")
    static final class Server implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs. Default: "
                + "${DEFAULT-VALUE}.")
        private int runs;

        @Option(names = "--parallel", paramLabel = "N", description = "Cases run at once. Default: "
                + RunOptions.DEFAULT_PARALLEL + ".")
        private Integer parallel;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (runs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
            }
            Path reports = Files.createTempDirectory("mmsspec-bench");
            Properties p = new Properties();
            if (parallel != null) {
                p.setProperty("parallel", parallel.toString());
            }
            RunOptions options = RunOptions.from(p, reports);
            List<Double> rates = new ArrayList<>();
            List<Double> walls = new ArrayList<>();
            int cases = 0;
            try (TargetHandle reference = TargetHandle.open(options)) {
                for (int i = 1; i <= runs; i++) {
                    long t0 = System.nanoTime();
                    RunReport report;
                    try (ServerRun run = ServerRun.prepare(options, ServerCases.all(), reference.borrowed())) {
                        report = run.runAll(r -> { });
                    }
                    ReportJson.write(report, reports);
                    ReportHtml.write(report, reports);
                    double s = (System.nanoTime() - t0) / 1e9;
                    int n = report.results().size();
                    cases = n;
                    rates.add(n / s);
                    walls.add(s);
                    out.printf("run %d: %d cases in %.3f s, %.1f cases/s (%d failing)%s%n", i, n, s, n / s,
                            report.failing().size(), i == 1 ? String.format("; %.3f s since the JVM started",
                                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3) : "");
                    out.flush();
                }
            } finally {
                FuzzBench.deleteTree(reports);
            }
            double first = walls.get(0);
            rates.sort(Comparator.naturalOrder());
            walls.sort(Comparator.naturalOrder());
            out.printf("median: %.1f cases/s over %d runs%n", rates.get(rates.size() / 2), runs);
            // last, for a script: the first (cold) run and the median one
            out.printf(Locale.ROOT, "cases=%d runs=%d first_wall_s=%.3f median_wall_s=%.3f median_cases_per_s=%.1f%n",
                    cases, runs, first, walls.get(walls.size() / 2), rates.get(rates.size() / 2));
            out.flush();
            return 0;
        }
    }
}
