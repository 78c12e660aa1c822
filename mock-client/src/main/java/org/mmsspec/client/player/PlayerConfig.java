package org.mmsspec.client.player;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link ReferencePlayer} plays and how.
 *
 * @param url         mms://, mmst://, mmsu:// or mmsh:// with host, port and path
 * @param credentials BASIC user and password, for a server that challenges; empty: stop at a challenge
 * @param faults      the opt-in faults, none for a conformant player
 * @param timeout     the bound of every connect and read
 */
public record PlayerConfig(URI url, Optional<Credentials> credentials, Set<PlayerFault> faults, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public PlayerConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        Objects.requireNonNull(timeout, "timeout");
    }

    public static PlayerConfig of(String url) {
        return new PlayerConfig(URI.create(url), Optional.empty(), Set.of(), DEFAULT_TIMEOUT);
    }

    public PlayerConfig withCredentials(String user, String password) {
        return new PlayerConfig(url, Optional.of(new Credentials(user, password)), faults, timeout);
    }

    public PlayerConfig withFaults(PlayerFault... f) {
        return new PlayerConfig(url, credentials, Set.of(f), timeout);
    }

    public PlayerConfig withTimeout(Duration t) {
        return new PlayerConfig(url, credentials, faults, t);
    }

    /** The same player on another URL (a redirect's). */
    public PlayerConfig withUrl(URI u) {
        return new PlayerConfig(u, credentials, faults, timeout);
    }

    public boolean has(PlayerFault f) {
        return faults.contains(f);
    }

    /** BASIC credentials. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user);
            Objects.requireNonNull(password);
        }
    }
}
