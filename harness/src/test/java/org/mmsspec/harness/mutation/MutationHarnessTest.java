package org.mmsspec.harness.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.ServerCases;
import org.mmsspec.codec.Section;
import org.mmsspec.harness.conformance.RunOptions;
import org.mmsspec.harness.conformance.ServerRun;
import org.mmsspec.server.scenario.Scenario;

/**
 * Proof that the suite catches faults: the whole default suite against the reference with each {@link Mutant}
 * injected must give a FAIL or WARN finding of the mutant's section, and against the reference as it is, none. Prints
 * the kill ratio, each mutant's killers and the cases that kill nothing; the target/mmsspec/mutation.txt file keeps
 * it. Every mutant must die; {@code -Dmmsspec.mutation.strict=false} only reports survivors (while a new mutant waits
 * for its case).
 * {@code -Dmmsspec.mutation.parallel} mutants run at once (3), each with the suite's parallelism. With
 * {@code -Dmmsspec.mutation.focus=true} a mutant meets only the cases that can kill it (those of its section, or citing
 * a requirement of it): the same kills, much faster, without the count of cases it upsets elsewhere. By default
 * ({@code auto}) that happens only where the whole suite for every mutant would take more than {@link #BUDGET}.
 * {@code -Dmmsspec.mutation.only=2.2.3,seal} runs only the mutants of those sections (and their subsections) or with
 * those words in their names: a case writer's fast loop.
 */
class MutationHarnessTest {

    static final boolean STRICT = Boolean.parseBoolean(System.getProperty("mmsspec.mutation.strict", "true"));
    static final int AT_ONCE = Integer.getInteger("mmsspec.mutation.parallel", 3);
    /** Every read of a case: the conformance run's, so that the unmutated run judges as the failsafe run does. */
    static final String TIMEOUT = System.getProperty("mmsspec.mutation.timeout",
            RunSettings.DEFAULT_TIMEOUT.toMillis() + "ms");
    static final String FOCUS = System.getProperty("mmsspec.mutation.focus", "auto");
    /**
     * What CI affords the mutants on two cores, judged from the time of the unmutated run; mutants that hang cases
     * until their timeouts take longer, hence the margin below three minutes.
     */
    static final Duration BUDGET = Duration.ofSeconds(90);
    static final List<String> ONLY = Stream.of(System.getProperty("mmsspec.mutation.only", "").split(","))
            .map(String::strip).filter(w -> !w.isEmpty()).toList();
    static final int AT_LEAST = 45;

    static List<Mutant> all() {
        return Stream.of(MessageMutants.all(), FramingMutants.all(), SessionMutants.all(), NegativeMutants.all(),
                WmspMutants.all()).flatMap(List::stream).toList();
    }

    @Test
    void mutantsAreManyEachNamedOnceWithItsRule() {
        List<Mutant> all = all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        assertThat(all).extracting(Mutant::name).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(m -> assertThat(m.rule()).isNotBlank());
    }

    @Test
    void everyMutantIsKilledByACaseOfItsSectionAndTheReferenceByNone() throws IOException {
        long start = System.nanoTime();
        RunOptions options = options();
        List<CaseResult> clean = run(options, ServerCases.all(), UnaryOperator.identity());
        assertThat(clean).as("the unmutated reference gives no FAIL or WARN")
                .filteredOn(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.WARN)
                .extracting(r -> r.id() + ": " + r.message()).isEmpty();
        boolean focus = focus(Duration.ofNanos(System.nanoTime() - start));

        KillReport report = new KillReport(clean.stream().map(r -> (ServerCase) r.conformanceCase()).toList(),
                runMutants(options, focus));
        String text = report.text() + String.format("%nmutation: %.1f s%s", (System.nanoTime() - start) / 1e9,
                focus ? ", each mutant against the cases that can kill it" : "");
        System.out.println(text);
        Path file = RunOptions.DEFAULT_REPORT_DIR.resolve("mutation.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + System.lineSeparator());
        if (STRICT) {
            assertThat(report.alive()).as("mutants no case of their section catches").isEmpty();
        }
    }

    /** Whether to focus: as asked, or (auto) where the whole suite per mutant would pass the budget. */
    private static boolean focus(Duration cleanRun) {
        Duration projected = cleanRun.multipliedBy(selected().size()).dividedBy(AT_ONCE);
        return FOCUS.equals("auto") ? projected.compareTo(BUDGET) > 0 : Boolean.parseBoolean(FOCUS);
    }

    /** Each selected mutant's results, {@link #AT_ONCE} runs at a time. */
    private static Map<Mutant, List<CaseResult>> runMutants(RunOptions options, boolean focus) {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            Map<Mutant, CompletableFuture<List<CaseResult>>> runs = new LinkedHashMap<>();
            selected().forEach(m -> runs.put(m, CompletableFuture.supplyAsync(
                    () -> run(options, focus ? canKill(m) : ServerCases.all(), m.inject()), pool)));
            Map<Mutant, List<CaseResult>> results = new LinkedHashMap<>();
            runs.forEach((m, f) -> results.put(m, f.join()));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Mutant> selected() {
        return all().stream().filter(m -> ONLY.isEmpty() || ONLY.stream().anyMatch(w -> m.breaks().number().equals(w)
                || m.breaks().number().startsWith(w + ".")
                || m.name().toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)))).toList();
    }

    /** The default selection (no slow cases), whatever -D options the build was given for the conformance run. */
    private static RunOptions options() {
        Properties p = new Properties();
        p.setProperty("timeout", TIMEOUT);
        return RunOptions.from(p, RunOptions.DEFAULT_REPORT_DIR);
    }

    /** The cases that can kill {@code m}: of its section, or citing one of its section's requirements. */
    static List<ServerCase> canKill(Mutant m) {
        String cited = (m.breaks().spec().equals(Section.WMSP) ? "WMSP-" : "MMSP-") + m.breaks().number() + "-R";
        return ServerCases.all().stream().filter(c -> c.section().equals(m.breaks())
                || c.requirements().stream().anyMatch(r -> r.startsWith(cited))).toList();
    }

    /**
     * One run of {@code cases} against the reference changed by {@code reference}; the results in case order, without
     * their transcripts, which a hundred runs could not hold.
     */
    private static List<CaseResult> run(RunOptions options, List<ServerCase> cases,
            UnaryOperator<Scenario.Builder> reference) {
        try (ServerRun run = ServerRun.prepare(options, cases, reference)) {
            return run.start(r -> { }).stream().map(CompletableFuture::join).map(r -> new CaseResult(r.conformanceCase(),
                    r.verdict(), r.message(), r.findings(), r.durationMs(), List.of())).toList();
        }
    }
}
