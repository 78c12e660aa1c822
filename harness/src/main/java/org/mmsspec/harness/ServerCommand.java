package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.mmsspec.harness.conformance.CasePcaps;
import org.mmsspec.harness.conformance.RunOptions;
import org.mmsspec.harness.conformance.RunReport;
import org.mmsspec.harness.conformance.ServerRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mmsspec server [HOST:PORT]}: the server conformance run without Maven. The flags are the system properties
 * of {@code mvn verify} ({@code --cases} is {@code -Dcases}); the reports are the same files; the exit status is 1
 * where the Maven run would fail.
 */
@Command(name = "server", sortOptions = false,
        description = "Run the server conformance cases against HOST:PORT, or against the embedded reference server "
                + "when no target is given. Writes report.json and report.html; exits 1 on a FAIL or ERROR "
                + "(or WARN with --strict) that the baseline does not hold.")
final class ServerCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunFlags flags;

    @Parameters(arity = "0..1", paramLabel = "HOST:PORT", description = "The server under test (MMST; MMSH too "
            + "unless --http-port is given). Default: the embedded reference server.")
    private String target;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Bound of every read: 500ms, 2s. Default: "
            + "2s.")
    private String timeout;

    @Option(names = "--media", paramLabel = "PATH", description = "The path the target serves. Default: sample.asf.")
    private String media;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Where the target speaks MMSH.")
    private Integer httpPort;

    @Option(names = "--auth", paramLabel = "USER:PASS", description = "Credentials for the BASIC cases.")
    private String auth;

    @Option(names = "--playlist", paramLabel = "PATH", description = "A path the target serves as a playlist.")
    private String playlist;

    @Option(names = "--redirect", paramLabel = "PATH", description = "A path the target answers with a redirect.")
    private String redirect;

    @Option(names = "--idle", paramLabel = "SECONDS", description = "The target's Idle-Timeout, for the slow case "
            + "that waits for it to expire (at most 300).")
    private String idle;

    @Option(names = "--live", description = "The target serves a live stream only (no seeking, no end).")
    private boolean live;

    @Option(names = "--slow", description = "Include the slow timer cases.")
    private boolean slow;

    @Option(names = "--pcap", description = "Also write pcap/<case id>.pcap of each case's TCP connections "
            + "(tshark: -d tcp.port==PORT,msmms where the target is not on 1755).")
    private boolean pcap;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Start the target from this container image.")
    private String image;

    @Option(names = "--image-ports", paramLabel = "MMS[,MMSH]", description = "The image's MMS port and, where it "
            + "differs, its MMSH port. Default: 1755.")
    private String imagePorts;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunOptions options;
        try {
            options = RunOptions.from(properties(), flags.reportDir);
        } catch (IllegalArgumentException e) {
            err.println("mmsspec server: " + e.getMessage());
            return UNUSABLE;
        }
        RunReport report;
        try (ServerRun run = ServerRun.prepare(options)) {
            report = RunOutput.run(out, "mmsspec server", run, run.target().name(), flags.quiet);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // a target that is no HOST:PORT, an unreadable baseline: the user's to fix, not a bug of ours
            err.println("mmsspec server: " + e.getMessage());
            return UNUSABLE;
        }
        List<Path> reports = report.write(options.reportDir(), options.pcap());
        RunOutput.summary(out, report, reports,
                options.pcap() ? "; pcaps in " + options.reportDir().resolve(CasePcaps.DIR) : "");
        return report.failing().isEmpty() ? 0 : FAILED;
    }

    private Properties properties() {
        Properties p = flags.properties();
        RunFlags.put(p, "target", target);
        RunFlags.put(p, "timeout", timeout);
        RunFlags.put(p, "media", media);
        RunFlags.put(p, "target.http", httpPort);
        RunFlags.put(p, "auth", auth);
        RunFlags.put(p, "playlist", playlist);
        RunFlags.put(p, "redirect", redirect);
        RunFlags.put(p, "idle", idle);
        RunFlags.put(p, "target.image", image);
        RunFlags.put(p, "target.image.ports", imagePorts);
        p.setProperty("live", String.valueOf(live));
        p.setProperty("slow", String.valueOf(slow));
        p.setProperty("pcap", String.valueOf(pcap));
        return p;
    }
}
