package org.mmsspec.harness.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.client.ClientSettings;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.client.CommandWords;

/**
 * Everything a client conformance run is told, from system properties ({@code mvn verify -Dclient="ffmpeg -i {url}
 * -f null -"}) or from the flags of {@code mmsspec client}; the shared ones read as for a server run
 * ({@link RunOptions}).
 *
 * @param command       the client's command line in words, with placeholders; empty for the project's own client
 * @param scheme        the one scheme the client takes, where it takes only one
 * @param clientTimeout how long a case lets the client run
 * @param user          run the client as this ordinary user (through runuser)
 * @param parallel      cases run at once; each case has its own server and ports
 */
public record ClientRunOptions(List<String> command, Optional<Scheme> scheme, Duration clientTimeout,
        Optional<String> user, List<String> cases, List<String> exclude, RunSettings settings, int parallel,
        Optional<Path> baseline, boolean slow, Path reportDir) {

    /** Real clients are heavy processes on shared cores: fewer at once than the server run's in-process cases. */
    public static final int DEFAULT_PARALLEL = 2;

    public ClientRunOptions {
        command = List.copyOf(command);
        cases = List.copyOf(cases);
        exclude = List.copyOf(exclude);
        user = user.filter(u -> !u.isBlank());
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        }
        if (clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new IllegalArgumentException("client timeout must be positive: " + clientTimeout);
        }
    }

    /**
     * Reads {@code client} (one string, split as a shell would), {@code client.scheme}, {@code client.timeout}
     * (seconds, or 20s, 1500ms), {@code client.user}, and as for a server run {@code cases, exclude, timeout,
     * profile, strict, parallel, baseline, slow, report.dir}; blank values count as unset.
     */
    public static ClientRunOptions from(Properties p, Path defaultReportDir) {
        return new ClientRunOptions(RunOptions.opt(p, "client").map(CommandWords::split).orElse(List.of()),
                RunOptions.opt(p, "client.scheme").map(Scheme::parse),
                RunOptions.opt(p, "client.timeout").map(RunOptions::seconds)
                        .orElse(ClientSettings.DEFAULT_CLIENT_TIMEOUT),
                RunOptions.opt(p, "client.user"), RunOptions.list(p, "cases"), RunOptions.list(p, "exclude"),
                RunOptions.settings(p), RunOptions.opt(p, "parallel").map(Integer::parseInt).orElse(DEFAULT_PARALLEL),
                RunOptions.opt(p, "baseline").map(Path::of), RunOptions.flag(p, "slow"),
                RunOptions.opt(p, "report.dir").map(Path::of).orElse(defaultReportDir));
    }

    /** The same options with {@code words} as the client's command. */
    public ClientRunOptions withCommand(List<String> words) {
        return new ClientRunOptions(words, scheme, clientTimeout, user, cases, exclude, settings, parallel, baseline,
                slow, reportDir);
    }

    /** The same options with the client taking {@code s} only. */
    public ClientRunOptions withScheme(Scheme s) {
        return new ClientRunOptions(command, Optional.of(s), clientTimeout, user, cases, exclude, settings, parallel,
                baseline, slow, reportDir);
    }

    /** How the case runner sees these options. */
    public ClientSettings clientSettings() {
        return ClientSettings.DEFAULTS.withRun(settings).withClientTimeout(clientTimeout)
                .withScheme(scheme.orElse(null));
    }
}
