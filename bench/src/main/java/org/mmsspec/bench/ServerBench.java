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
 * {@code bench server}: figure 2, the default server suite against the embedded reference as a user runs it, a fresh
 * process each time, so the wall time holds the JVM's start, the reference's start, every case and both reports.
 * Two ways side by side, run after run in turn: the {@code bin/mmsspec} launcher (JVM options for a short run, class
 * data sharing) and plain {@code java -jar} on the same jar.
 */
@Command(name = "server", sortOptions = false, description = "Run the default server suite against the embedded "
        + "reference N times through bin/mmsspec and N times through plain 'java -jar', in turn, each a fresh "
        + "process; print each run, then last 'cases=N runs=R median_wall_s=S median_cases_per_s=X "
        + "run_wall_s=S java_jar_median_wall_s=S java_jar_median_cases_per_s=X launcher_speedup=R'.")
final class ServerBench implements Callable<Integer> {

    /** A run that takes longer than this is stuck, not slow. */
    private static final long RUN_LIMIT_S = 300;

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Runs of each way. Default: "
            + "${DEFAULT-VALUE}.")
    private int runs;

    @Option(names = "--parallel", paramLabel = "N", description = "Passed to mmsspec server: cases run at once.")
    private Integer parallel;

    @Option(names = "--launcher", paramLabel = "PATH", defaultValue = "bin/mmsspec",
            description = "The launcher script. Default: ${DEFAULT-VALUE} (run from the project's root).")
    private Path launcher;

    @Option(names = "--jar", paramLabel = "PATH", defaultValue = "harness/target/mmsspec.jar",
            description = "The jar the launcher runs, run with 'java -jar' for the comparison. Default: "
                    + "${DEFAULT-VALUE}.")
    private Path jar;

    /** One way of starting the tool, and what its runs measured. */
    private record Way(String name, List<String> command, List<Double> walls, List<Double> runWalls,
            List<Integer> cases) {

        Way(String name, List<String> command) {
            this(name, command, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        for (Path p : List.of(launcher, jar)) {
            if (!Files.isRegularFile(p)) {
                err.println("bench server: " + p + " is missing: run from the project's root after "
                        + "'mvn -B -q package -DskipTests', or give --launcher and --jar");
                return Bench.UNUSABLE;
            }
        }
        List<String> args = new ArrayList<>(List.of("server", "--quiet"));
        if (parallel != null) {
            args.addAll(List.of("--parallel", parallel.toString()));
        }
        List<String> viaLauncher = new ArrayList<>(List.of(launcher.toString()));
        viaLauncher.addAll(args);
        List<String> viaJar = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        viaJar.addAll(args);
        List<Way> ways = List.of(new Way("bin/mmsspec", viaLauncher), new Way("java -jar", viaJar));
        Path dir = Files.createTempDirectory("mmsspec-bench-server");
        try {
            // the launcher's first run after a build writes its class archive: not a run a user repeats
            if (!runOnce(ways.get(0), 0, dir, out, err)) {
                return Bench.UNUSABLE;
            }
            ways.get(0).walls().clear();
            ways.get(0).runWalls().clear();
            ways.get(0).cases().clear();
            for (int i = 1; i <= runs; i++) {
                for (Way w : ways) {
                    if (!runOnce(w, i, dir, out, err)) {
                        return Bench.UNUSABLE;
                    }
                }
            }
        } finally {
            FuzzBench.deleteTree(dir);
        }
        Way launched = ways.get(0);
        Way plain = ways.get(1);
        int cases = launched.cases().get(0);
        double wall = median(launched.walls());
        double plainWall = median(plain.walls());
        out.println(new Figures().put("cases", cases).put("runs", runs).put("median_wall_s", wall, 3)
                .put("median_cases_per_s", cases / wall, 1).put("run_wall_s", median(launched.runWalls()), 3)
                .put("java_jar_median_wall_s", plainWall, 3).put("java_jar_median_cases_per_s", cases / plainWall, 1)
                .put("launcher_speedup", plainWall / wall, 2));
        out.flush();
        return 0;
    }

    /** Runs {@code way} once; prints its figures, or says why it could not and returns false. */
    private static boolean runOnce(Way way, int i, Path dir, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Path reports = dir.resolve(way.name().replaceAll("[^a-z]+", "-") + "-" + i);
        List<String> command = new ArrayList<>(way.command());
        command.addAll(List.of("--report-dir", reports.toString()));
        Path log = dir.resolve(reports.getFileName() + ".out");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(log.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            err.println("bench server: " + way.name() + " run " + i + " still running after " + RUN_LIMIT_S + " s");
            return false;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Path json = reports.resolve("report.json");
        // 0: all pass; 1: a case failed, which the reference should not, but the run is still a run
        if (p.exitValue() > 1 || !Files.exists(json)) {
            err.println("bench server: " + way.name() + " run " + i + " exited " + p.exitValue()
                    + " without a report:");
            err.println(Files.readString(log));
            return false;
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        int cases = report.get("cases").size();
        double runWall = report.get("wallMs").asLong() / 1e3;
        way.walls().add(wall);
        way.runWalls().add(runWall);
        way.cases().add(cases);
        long failing = cases - report.get("summary").get("pass").asLong();
        out.printf(Locale.ROOT, "%-11s %s: %d cases in %.3f s, %.1f cases/s (the cases alone %.3f s; %d not "
                + "passing)%n", way.name(), i == 0 ? "archiving run" : "run " + i, cases, wall, cases / wall,
                runWall, failing);
        out.flush();
        return true;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
