package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.client.CommandWords;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.client.ClientDriver;
import org.mmsspec.server.reference.ReferenceServers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmsspec fuzz client -- COMMAND {url}}: a campaign against an MMS client. Each session starts the command on
 * a mock server whose replies are damaged, seeded by the session's number, and judges how the client ends.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fuzz an MMS client: start COMMAND once per session against a mock server with damaged replies "
                + "({url} is where it waits); save each exit by a crash signal, hang past --timeout or sanitizer "
                + "report as a reproducer in DIR/findings/, and DIR/stats.json at the end.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:no findings",
            "1:findings (see DIR/findings/)",
            "2:bad usage"})
final class FuzzClientCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The client's command and its arguments, "
            + "after --; {url} is replaced by the session's URL.")
    private List<String> command;

    @Option(names = "--scheme", paramLabel = "mmst|mmsh|mms", defaultValue = "mmst", description = "The URL's "
            + "scheme; mms for a client that picks its protocol itself. Default: ${DEFAULT-VALUE}.")
    private String scheme;

    @Option(names = "--user", paramLabel = "USER", description = "Run the client as this ordinary user (runuser; "
            + "VLC refuses to run as root).")
    private String user;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = ReferenceServers.MEDIA,
            description = "The media path of the URL. Default: ${DEFAULT-VALUE}.")
    private String path;

    @Mixin
    private FuzzFlags flags = new FuzzFlags();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FuzzOptions options;
        Scheme s;
        try {
            s = Scheme.parse(scheme);
            options = flags.options(path, err);
        } catch (IllegalArgumentException | IOException e) {
            err.println("mmsspec fuzz client: " + e.getMessage());
            return FuzzServerCommand.UNUSABLE;
        }
        String line = CommandWords.join(CommandWords.of(command));
        if (!line.contains("{url}")) {
            err.println("mmsspec fuzz client: the command has no {url}: where should the client connect?");
            return FuzzServerCommand.UNUSABLE;
        }
        try (ClientDriver driver = new ClientDriver(line, s, options, Optional.ofNullable(user))) {
            return FuzzCommand.campaign("client", options, driver, out, err);
        }
    }
}
