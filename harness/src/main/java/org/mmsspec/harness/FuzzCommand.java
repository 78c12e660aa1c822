package org.mmsspec.harness;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mmsspec fuzz}: fuzzing campaigns; each side that can be fuzzed is a subcommand. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzzing campaigns: stateful, reproducible, minimised, resumable.",
        subcommands = {FuzzServerCommand.class})
final class FuzzCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mmsspec fuzz: say what to fuzz: mmsspec fuzz server ...");
        spec.commandLine().usage(spec.commandLine().getErr());
        return FuzzServerCommand.UNUSABLE;
    }
}
