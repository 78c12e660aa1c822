package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.mmsspec.harness.fuzz.client.ClientDriver;
import org.mmsspec.server.reference.ReferenceServers;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mmsspec replay}: sends a finding's transcript again, N times, each on a fresh target, and says how often it
 * set off the finding's symptom.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Send a reproducer (a file of DIR/findings/) again and say whether, and how often, it reproduces.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the symptom came back every time",
            "1:it came back some of the times (a flaky finding)",
            "2:the file is not a reproducer, the options contradict each other, or the target cannot be reached",
            "4:it never came back"})
public final class ReplayCommand implements Callable<Integer> {

    static final int SOMETIMES = 1;
    static final int UNUSABLE = 2;
    static final int NEVER = 4;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The reproducer, a JSON file written by a campaign.")
    private Path file;

    @Option(names = "--times", paramLabel = "N", defaultValue = "1",
            description = "How many times to send it. Default: ${DEFAULT-VALUE}.")
    private int times;

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "Send to this server instead of the reproducer's own target.")
    private String address;

    @Option(names = "--target-cmd", paramLabel = "COMMAND",
            description = "Start the target with this command (a server, or a client with {url}) instead of the "
                    + "reproducer's own.")
    private String command;

    @Option(names = "--embedded", description = "Send to the embedded reference server, with the bugs of --plant, "
            + "else the reproducer's planted bugs, else none.")
    private boolean embedded;

    @Option(names = "--plant", paramLabel = "BUG", description = "A planted bug of the embedded reference server; "
            + "repeatable; implies --embedded.")
    private List<String> plant = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long one read may wait before the target counts as silent (500ms, 2s, 1m). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--quiet", description = "Do not print the transcript first.")
    private boolean quiet;

    /** How a reproducer (its target already overridden by the options) reaches its target; tests put a fake here. */
    private Function<Reproducer, SessionDriver> drivers = this::openDriver;

    void drivers(Function<Reproducer, SessionDriver> factory) {
        this.drivers = factory;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (times < 1) {
            throw new ParameterException(spec.commandLine(), "--times " + times + ": want at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reproducer r;
        try {
            r = ReproducerFile.read(file);
        } catch (NoSuchFileException e) {
            err.println("mmsspec replay: " + file + ": no such file");
            return UNUSABLE;
        } catch (IOException e) {
            err.println("mmsspec replay: " + e.getMessage());
            return UNUSABLE;
        }
        r = retarget(r, target(r.target()));
        if (!quiet) {
            print(out, r);
        }
        SessionDriver driver;
        try {
            driver = drivers.apply(r);
        } catch (RuntimeException e) {
            err.println("mmsspec replay: cannot reach the target: " + e.getMessage());
            return UNUSABLE;
        }
        Replay.ReplayResult result;
        try (driver) {
            int n = times;
            Symptom expected = r.symptom();
            result = Replay.replay(r, driver, n, (i, seen) -> {
                out.println("attempt " + i + " of " + n + ": " + seen.map(Symptom::label).orElse("nothing")
                        + (seen.isPresent() && seen.get() != expected ? " (not " + expected.label() + ")" : ""));
                out.flush();
            });
        }
        out.println("reproduced " + result.reproduced() + " of " + result.times() + " times (symptom "
                + r.symptom().label() + ")");
        out.flush();
        return result.always() ? 0 : result.never() ? NEVER : SOMETIMES;
    }

    /** The reproducer's own target, with what the options say instead. */
    private Reproducer.Target target(Reproducer.Target own) {
        boolean embedding = embedded || !plant.isEmpty();
        if (embedding && (address != null || command != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--embedded (or --plant) and --target/--target-cmd name different targets: give one");
        }
        if (embedding) {
            List<String> bugs = !plant.isEmpty() ? plant : own.planted() != null ? own.planted() : List.of();
            return new Reproducer.Target(null, null, bugs);
        }
        if (address != null || command != null) {
            return new Reproducer.Target(address != null ? address : own.address(), command, null);
        }
        return own;
    }

    /** The driver for {@code r.target()}, the way the campaign that found it reached it, with {@code --timeout}. */
    private SessionDriver openDriver(Reproducer r) {
        FuzzOptions o = new FuzzOptions(r.seed(), Duration.ZERO, 0, Path.of("."), false, 1, Shard.ALL, timeout,
                ReferenceServers.MEDIA, false, false);
        if (r.role() == Reproducer.Role.CLIENT) {
            return ClientDriver.open(r.target(), o);
        }
        try {
            return ServerDriver.open(r.target(), o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CampaignException("interrupted while the target started");
        }
    }

    private static Reproducer retarget(Reproducer r, Reproducer.Target t) {
        return t.equals(r.target()) ? r
                : new Reproducer(r.role(), r.seed(), r.session(), r.transport(), r.symptom(), r.state(), r.trigger(),
                        r.detail(), t, r.attack(), r.steps(), r.minimised(), r.originalSteps(), r.originalBytes());
    }

    static void print(PrintWriter out, Reproducer r) {
        out.println("finding " + r.key() + ": " + r.symptom().label() + " of a " + r.role().name().toLowerCase()
                + " in state " + r.state().label() + ", trigger " + r.trigger());
        if (!r.detail().isEmpty()) {
            out.println("  " + r.detail());
        }
        out.println("  seed " + r.seed() + ", session " + r.session() + ", " + r.transport() + ", attack: "
                + r.attack());
        out.println("  " + r.steps().size() + " steps, " + r.bytes() + " bytes"
                + (r.minimised() ? " (minimised from " + r.originalSteps() + " steps, " + r.originalBytes()
                        + " bytes)" : " (not minimised)"));
        out.println("  target: " + describe(r.target()));
        for (int i = 0; i < r.steps().size(); i++) {
            Step s = r.steps().get(i);
            out.println("step " + (i + 1) + " on connection " + s.connection() + ", " + s.length() + " bytes, "
                    + s.segmenting() + ", then await " + s.await() + ": " + s.note());
            ReproducerFile.dump(s.bytes()).forEach(line -> out.println("  " + line));
        }
        out.flush();
    }

    static String describe(Reproducer.Target t) {
        if (t.command() != null) {
            return "command " + t.command() + (t.address() != null ? " at " + t.address() : "");
        }
        if (t.planted() != null) {
            return "embedded reference server" + (t.planted().isEmpty() ? "" : ", planted " + t.planted());
        }
        return Optional.ofNullable(t.address()).orElse("(none)");
    }

    /** 500ms, 2s, 1m, 1h, or a bare number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String s) {
            try {
                return Durations.parse("--timeout", s);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
