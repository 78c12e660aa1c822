package org.mmsspec.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar mmsspec-bench.jar FIGURE}: every performance figure of mmsspec, each measured the way a user meets
 * it. Each command prints its figures last, on one line of {@code key=value} words a script can read.
 */
@Command(name = "mmsspec-bench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Measure how fast mmsspec runs.",
        subcommands = {CodecCommand.class, ServerBench.class, FuzzBench.Rate.class, FuzzBench.Survival.class,
            StreamingBench.class, ServerMemoryBench.class, FuzzMemory.class, MmshBench.class})
public final class Bench implements Runnable {

    /** Exit status of a bench that could not measure (bad options use picocli's 2 as well). */
    static final int UNUSABLE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to measure: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
