package org.mmsspec.cases.client;

import java.time.Duration;
import java.util.Optional;

import org.mmsspec.cases.RunSettings;

/**
 * How client cases are run.
 *
 * @param run           timeout, profile and strictness, as for server cases
 * @param scheme        the one scheme the client takes, where it takes only one ({@code -Dclient.scheme})
 * @param clientTimeout how long a case lets the client run before it stops it ({@code -Dclient.timeout})
 * @param grace         how long a stopped client has between TERM and KILL
 * @param settle        how long the event log must stay quiet once a case has seen enough
 */
public record ClientSettings(RunSettings run, Optional<Scheme> scheme, Duration clientTimeout, Duration grace,
        Duration settle) {

    public static final Duration DEFAULT_CLIENT_TIMEOUT = Duration.ofSeconds(15);
    public static final ClientSettings DEFAULTS = new ClientSettings(RunSettings.DEFAULTS, Optional.empty(),
            DEFAULT_CLIENT_TIMEOUT, Duration.ofSeconds(2), Duration.ofMillis(300));

    public ClientSettings {
        if (clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new IllegalArgumentException("client timeout must be positive: " + clientTimeout);
        }
    }

    public ClientSettings withScheme(Scheme s) {
        return new ClientSettings(run, Optional.ofNullable(s), clientTimeout, grace, settle);
    }

    public ClientSettings withClientTimeout(Duration d) {
        return new ClientSettings(run, scheme, d, grace, settle);
    }

    public ClientSettings withRun(RunSettings r) {
        return new ClientSettings(r, scheme, clientTimeout, grace, settle);
    }
}
