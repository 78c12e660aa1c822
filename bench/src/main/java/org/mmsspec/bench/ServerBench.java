package org.mmsspec.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench server}: figure 2, the default server suite against the embedded reference as a user runs it:
 * {@code mmsspec server} in a fresh JVM each time, so the wall time holds the JVM's start, the reference's start,
 * every case and both reports.
 */
@Command(name = "server", sortOptions = false, description = "Run 'mmsspec server' (the default suite against the "
        + "embedded reference) N times, each in a fresh JVM, and print each run's wall time and cases per second; "
        + "last, 'cases=N runs=R first_wall_s=S median_wall_s=S median_cases_per_s=X run_wall_s=S'.")
final class ServerBench implements Callable<Integer> {

    /** A run that takes longer than this is stuck, not slow. */
    private static final long RUN_LIMIT_S = 300;

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs. Default: ${DEFAULT-VALUE}.")
    private int runs;

    @Option(names = "--parallel", paramLabel = "N", description = "Passed to mmsspec server: cases run at once.")
    private Integer parallel;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        Path dir = Files.createTempDirectory("mmsspec-bench-server");
        List<Double> walls = new ArrayList<>();
        List<Double> runWalls = new ArrayList<>();
        int cases = 0;
        try {
            for (int i = 1; i <= runs; i++) {
                Path reports = dir.resolve("run" + i);
                List<String> args = new ArrayList<>(List.of("server", "--quiet", "--report-dir", reports.toString()));
                if (parallel != null) {
                    args.addAll(List.of("--parallel", parallel.toString()));
                }
                Process p = new ProcessBuilder(JavaCommand.mmsspec(List.of(), args))
                        .redirectOutput(dir.resolve("run" + i + ".out").toFile()).redirectErrorStream(true).start();
                long t0 = System.nanoTime();
                if (!p.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    err.println("bench server: run " + i + " still running after " + RUN_LIMIT_S + " s");
                    return Bench.UNUSABLE;
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                Path json = reports.resolve("report.json");
                // 0: all pass; 1: a case failed, which the reference should not, but the run is still a run
                if (p.exitValue() > 1 || !Files.exists(json)) {
                    err.println("bench server: run " + i + " exited " + p.exitValue() + " without a report:");
                    err.println(Files.readString(dir.resolve("run" + i + ".out")));
                    return Bench.UNUSABLE;
                }
                JsonNode report = new ObjectMapper().readTree(json.toFile());
                cases = report.get("cases").size();
                double runWall = report.get("wallMs").asLong() / 1e3;
                walls.add(wall);
                runWalls.add(runWall);
                long failing = cases - report.get("summary").get("pass").asLong();
                out.printf(Locale.ROOT, "run %d: %d cases in %.3f s, %.1f cases/s (the cases alone %.3f s; %d not "
                        + "passing)%n", i, cases, wall, cases / wall, runWall, failing);
                out.flush();
            }
        } finally {
            FuzzBench.deleteTree(dir);
        }
        double first = walls.get(0);
        double median = median(walls);
        out.println(new Figures().put("cases", cases).put("runs", runs).put("first_wall_s", first, 3)
                .put("median_wall_s", median, 3).put("median_cases_per_s", cases / median, 1)
                .put("run_wall_s", median(runWalls), 3));
        out.flush();
        return 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
