package org.mmsspec.cases.client;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Scenario;

/**
 * One client conformance case: what the mock server does ({@code scenario}), which URL the client gets
 * ({@code schemes}), when the case has seen enough ({@code until}), and how what the client did is judged
 * ({@code check}).
 *
 * @param schemes  the schemes the case can run with, the first by default; a run that forces another one
 *                 ({@code -Dclient.scheme}) skips the case
 * @param scenario the mock server of the case, applied to a fast-paced server on one shared port
 * @param until    the case may stop the client once this holds; the client's own exit and the client timeout also
 *                 end it
 * @param path     the path of the URL the client gets, as a URL writes it (percent-encoded where needed)
 */
public record ClientCase(String id, Section section, Level level, List<String> requirements, String description,
        String erratum, Set<String> tags, List<Scheme> schemes, UnaryOperator<Scenario.Builder> scenario,
        Predicate<ClientContext> until, ClientCheck check, String path) implements ConformanceCase {

    /** The media every case serves unless it names another path. */
    public static final String DEFAULT_PATH = "sample.asf";

    /** Rollover cases: they judge the order of protocols a client tries. */
    public static final String ROLLOVER = "rollover";
    /** Cases whose URL carries the scenario's credentials as {@code user:password@}. */
    public static final String CREDENTIALS_IN_URL = "credentials-in-url";

    public ClientCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(level);
        Objects.requireNonNull(description);
        Objects.requireNonNull(scenario);
        Objects.requireNonNull(until);
        Objects.requireNonNull(check);
        Objects.requireNonNull(path);
        requirements = List.copyOf(requirements);
        tags = Set.copyOf(tags);
        schemes = List.copyOf(schemes);
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException(id + ": no scheme");
        }
    }

    /** A case on the default path. */
    public ClientCase(String id, Section section, Level level, List<String> requirements, String description,
            String erratum, Set<String> tags, List<Scheme> schemes, UnaryOperator<Scenario.Builder> scenario,
            Predicate<ClientContext> until, ClientCheck check) {
        this(id, section, level, requirements, description, erratum, tags, schemes, scenario, until, check,
                DEFAULT_PATH);
    }
}
