package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.mmsspec.harness.fuzz.Campaign;
import org.mmsspec.harness.fuzz.CampaignException;
import org.mmsspec.harness.fuzz.FuzzMergeCommand;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.SessionDriver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mmsspec fuzz}: fuzzing campaigns; each side that can be fuzzed is a subcommand. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzzing campaigns: stateful, reproducible, minimised, resumable.",
        subcommands = {FuzzServerCommand.class, FuzzClientCommand.class, FuzzMergeCommand.class})
final class FuzzCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("mmsspec fuzz: say what to fuzz: mmsspec fuzz server ... or mmsspec fuzz client ... -- COMMAND {url}");
        spec.commandLine().usage(spec.commandLine().getErr());
        return FuzzServerCommand.UNUSABLE;
    }

    /** How long Ctrl-C waits for the lanes to finish their sessions and the state to be written. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Runs a campaign to its end (or Ctrl-C, which lets the lanes finish their sessions and writes the state), prints
     * the summary and says the exit status: 0 no findings, 1 findings, 2 the campaign could not go on.
     */
    static int campaign(String side, FuzzOptions options, SessionDriver driver, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Campaign campaign = new Campaign(options, driver, err);
        Thread hook = new Thread(() -> {
            try {
                campaign.stop(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fuzz-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Campaign.Result r;
        try {
            r = campaign.run();
        } catch (IOException | CampaignException e) {
            err.println("mmsspec fuzz " + side + ": " + e.getMessage());
            return FuzzServerCommand.UNUSABLE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and waits for us
            }
        }
        Campaign.summary(r, options, out);
        out.flush();
        return r.findings() > 0 ? FuzzServerCommand.FOUND : r.failure() != null ? FuzzServerCommand.UNUSABLE : 0;
    }
}
