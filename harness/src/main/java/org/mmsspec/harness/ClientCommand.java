package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.mmsspec.cases.Verdict;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.client.CommandWords;
import org.mmsspec.harness.conformance.ClientRun;
import org.mmsspec.harness.conformance.ClientRunOptions;
import org.mmsspec.harness.conformance.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mmsspec client -- COMMAND ARGS…}: the client conformance run without Maven. Each case starts COMMAND once
 * against a fresh scripted mock server, with the placeholders replaced; the flags are the system properties of
 * {@code mvn verify -Dclient=...}; the reports and exit status are those of {@code mmsspec server}.
 */
@Command(name = "client", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Mmsspec.Version.class,
        description = {"Run the client conformance cases: each starts COMMAND against a fresh mock server and "
                + "judges what the client did. Placeholders in COMMAND: {url} {scheme} {host} {port} {path} "
                + "{mmsPort} {httpPort} {rtspPort}. Writes report.json and report.html; exits 1 on a FAIL or ERROR "
                + "(or WARN with --strict) that the baseline does not hold, 2 on unusable options.",
                "Example: mmsspec client -- ffmpeg -nostdin -v error -i {url} -c copy -f null -"})
final class ClientCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunFlags flags;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The client's command and its arguments, "
            + "after --. One quoted word with blanks is split as a shell would.")
    private List<String> command;

    @Option(names = "--scheme", paramLabel = "mms|mmst|mmsu|mmsh", description = "The one scheme the client "
            + "takes (mms for clients that roll over by themselves). Default: each case's own.")
    private String scheme;

    @Option(names = "--client-timeout", paramLabel = "SECONDS", description = "How long a case lets the client "
            + "run: 15, 20s, 1500ms. Default: 15.")
    private String clientTimeout;

    @Option(names = "--user", paramLabel = "USER", description = "Run the client as this ordinary user "
            + "(through runuser; VLC refuses root).")
    private String user;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClientRunOptions options;
        CommandLauncher launcher;
        try {
            options = ClientRunOptions.from(properties(), flags.reportDir).withCommand(CommandWords.of(command));
            launcher = new CommandLauncher(options.command(), options.user());
            launcher.checkProgram();
        } catch (IllegalArgumentException | IOException e) {
            err.println("mmsspec client: " + e.getMessage());
            return ServerCommand.UNUSABLE;
        }
        RunReport report;
        try (ClientRun run = ClientRun.prepare(options, launcher)) {
            report = RunOutput.run(out, "mmsspec client", run, launcher.describe(), flags.quiet);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("mmsspec client: " + e.getMessage()); // an unreadable baseline
            return ServerCommand.UNUSABLE;
        }
        List<Path> reports = report.write(options.reportDir(), false);
        RunOutput.summary(out, report, reports, "");
        if (!report.results().isEmpty() && report.summary().get(Verdict.SKIP) == report.results().size()) {
            // a mistyped command or a client that cannot run as --user skips everything: say so loudly
            err.println("mmsspec client: every case skipped: see the client's exit and output in " + reports.get(1));
        }
        return report.failing().isEmpty() ? 0 : ServerCommand.FAILED;
    }

    private Properties properties() {
        Properties p = flags.properties();
        RunFlags.put(p, "client.scheme", scheme);
        RunFlags.put(p, "client.timeout", clientTimeout);
        RunFlags.put(p, "client.user", user);
        return p;
    }
}
