package org.mmsspec.harness;

import java.nio.file.Path;
import java.util.Properties;

import org.mmsspec.harness.conformance.ClientRunOptions;
import org.mmsspec.harness.conformance.RunOptions;

import picocli.CommandLine.Option;

/** The flags {@code mmsspec server} and {@code mmsspec client} share, named as the properties of mvn verify. */
final class RunFlags {

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "mmsspec-report",
            description = "Where report.json and report.html go. Default: ${DEFAULT-VALUE}.")
    Path reportDir;

    @Option(names = "--cases", paramLabel = "GLOBS", description = "Comma-separated globs on case id, or prefixes "
            + "of id or section (MMSP-2.2.4.*, 3.2.5, C-MMSP-2.2.4.17).")
    private String cases;

    @Option(names = "--exclude", paramLabel = "GLOBS", description = "Cases to leave out, as for --cases.")
    private String exclude;

    @Option(names = "--parallel", paramLabel = "N", description = "Cases run at once. Default: "
            + RunOptions.DEFAULT_PARALLEL + " for a server, " + ClientRunOptions.DEFAULT_PARALLEL + " for a client.")
    private Integer parallel;

    @Option(names = "--baseline", paramLabel = "FILE", description = "An earlier report.json: verdicts it holds "
            + "do not fail the run.")
    private Path baseline;

    @Option(names = "--profile", paramLabel = "deployed|literal", description = "How errata are judged. Default: "
            + "deployed.")
    private String profile;

    @Option(names = "--strict", description = "A broken SHOULD fails (WARN becomes FAIL).")
    private boolean strict;

    @Option(names = "--quiet", description = "Print only the summary and the failing cases.")
    boolean quiet;

    /** The properties these flags stand for; unset flags stay unset, as for -D. */
    Properties properties() {
        Properties p = new Properties();
        put(p, "cases", cases);
        put(p, "exclude", exclude);
        put(p, "parallel", parallel);
        put(p, "baseline", baseline);
        put(p, "profile", profile);
        p.setProperty("strict", String.valueOf(strict));
        return p;
    }

    static void put(Properties p, String key, Object value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }
}
