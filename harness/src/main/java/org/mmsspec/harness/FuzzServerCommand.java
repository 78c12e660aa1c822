package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.mmsspec.harness.fuzz.CampaignException;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.ServerDriver;
import org.mmsspec.server.reference.ReferenceServers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmsspec fuzz server}: a campaign against an MMS server at an address, started by a command, or embedded. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fuzz an MMS server (MMST and MMSH) until --duration: save each crash or hang as a reproducer "
                + "in DIR/findings/, and DIR/stats.json at the end.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no findings",
            "1:findings (see DIR/findings/)",
            "2:bad usage, or the target cannot be reached"})
final class FuzzServerCommand implements Callable<Integer> {

    static final int FOUND = 1;
    static final int UNUSABLE = 2;
    static final int DEFAULT_JOBS = FuzzOptions.SERVER_JOBS;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "HOST:PORT", description = "The server to fuzz.")
    String address;

    @Option(names = "--embedded", description = "Fuzz the reference mock server, run in this JVM.")
    boolean embedded;

    @Option(names = "--plant", paramLabel = "BUG", description = "With --embedded: a bug to plant in the reference "
            + "(unterminated-subscriber-name, read-block-length-zero, pong-before-ping); repeatable.")
    List<String> plant = new ArrayList<>();

    @Option(names = "--target-cmd", paramLabel = "COMMAND", description = "Start the server with this shell "
            + "command, watch its exit status, signal and sanitizer output, and restart it after each crash.")
    String targetCommand;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ReferenceServers.MEDIA,
            description = "The media path sessions open. Default: ${DEFAULT-VALUE}.")
    String path;

    @Mixin
    FuzzFlags flags = new FuzzFlags();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FuzzOptions options;
        try {
            checkTarget();
            options = flags.options(path, err, DEFAULT_JOBS);
        } catch (IllegalArgumentException | IOException e) {
            err.println("mmsspec fuzz server: " + e.getMessage());
            return UNUSABLE;
        }
        ServerDriver driver;
        try {
            driver = embedded ? ServerDriver.embedded(plant, options)
                    : targetCommand != null ? ServerDriver.command(targetCommand, address, options)
                    : ServerDriver.address(address, options);
        } catch (CampaignException | IllegalArgumentException e) {
            err.println("mmsspec fuzz server: " + e.getMessage());
            return UNUSABLE;
        }
        try (driver) {
            driver.preflight();
            return FuzzCommand.campaign("server", options, driver, out, err);
        } catch (CampaignException e) {
            err.println("mmsspec fuzz server: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** Exactly one target: an address (with or without --target-cmd), or --embedded. */
    private void checkTarget() {
        if (embedded == (address != null)) {
            throw new IllegalArgumentException(embedded ? "--embedded takes no HOST:PORT"
                    : "say what to fuzz: HOST:PORT (with --target-cmd to have it started) or --embedded");
        }
        if (targetCommand != null && embedded) {
            throw new IllegalArgumentException("--target-cmd needs the HOST:PORT the command listens on, not "
                    + "--embedded");
        }
        if (!plant.isEmpty() && !embedded) {
            throw new IllegalArgumentException("--plant works on the embedded reference only: add --embedded");
        }
    }
}
