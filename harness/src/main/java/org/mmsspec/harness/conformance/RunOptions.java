package org.mmsspec.harness.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.mmsspec.cases.RunSettings;
import org.mmsspec.codec.Profile;

/**
 * Everything a conformance run is told, from system properties ({@code mvn verify -Dtarget=host:1755}) or from
 * the command line's flags, which have the same names.
 *
 * @param target      {@code HOST:PORT}, or empty for the embedded reference
 * @param httpPort    where the target speaks MMSH, when not on the target's port
 * @param media       the path the target serves
 * @param auth        {@code user:pass} for the BASIC cases
 * @param playlist    a path the target serves as a playlist
 * @param redirect    a path the target answers with a redirect
 * @param live        the target serves a live stream only
 * @param cases       globs on case id, or prefixes of id or section; empty for all
 * @param exclude     the same, for cases to leave out
 * @param parallel    cases run at once
 * @param baseline    an earlier report.json whose verdicts do not fail the build
 * @param slow        include the cases tagged slow
 * @param reportDir   where report.json and report.html go
 * @param pcap        also write a pcap per case
 * @param targetImage a container image to start the target from
 * @param imagePorts  the image's MMS port and, where it differs, its MMSH port; empty for 1755 alone
 * @param idle        the target's Idle-Timeout, where it states one short enough for the timer's case
 */
public record RunOptions(Optional<String> target, Optional<Integer> httpPort, String media, Optional<String> auth,
        Optional<String> playlist, Optional<String> redirect, boolean live, List<String> cases, List<String> exclude,
        RunSettings settings, int parallel, Optional<Path> baseline, boolean slow, Path reportDir, boolean pcap,
        Optional<String> targetImage, List<Integer> imagePorts, Optional<Duration> idle) {

    /** The longest Idle-Timeout the timer's case will wait for. */
    public static final Duration LONGEST_IDLE = Duration.ofMinutes(5);

    public static final int DEFAULT_PARALLEL = 8;
    public static final Path DEFAULT_REPORT_DIR = Path.of("target", "mmsspec");

    public RunOptions {
        cases = List.copyOf(cases);
        exclude = List.copyOf(exclude);
        imagePorts = List.copyOf(imagePorts);
        if (imagePorts.size() > 2) {
            throw new IllegalArgumentException("target.image.ports is the MMS port and the MMSH port: "
                    + imagePorts);
        }
        if (idle.isPresent() && (idle.get().isNegative() || idle.get().isZero()
                || idle.get().compareTo(LONGEST_IDLE) > 0)) {
            throw new IllegalArgumentException("idle must be 1 to " + LONGEST_IDLE.toSeconds() + " s: " + idle.get());
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        }
    }

    /** The defaults: the embedded reference, every case but the slow ones. */
    public static RunOptions defaults() {
        return from(new Properties(), DEFAULT_REPORT_DIR);
    }

    /**
     * Reads {@code target, target.http, media, auth, playlist, redirect, live, cases, exclude, timeout (ms or
     * 2s), profile, strict, parallel, baseline, slow, report.dir, pcap, target.image, target.image.ports, idle
     * (seconds, or 20s)}; blank
     * values count as unset.
     */
    public static RunOptions from(Properties p, Path defaultReportDir) {
        return new RunOptions(opt(p, "target"), opt(p, "target.http").map(Integer::parseInt),
                opt(p, "media").orElse(org.mmsspec.cases.server.Target.DEFAULT_MEDIA), opt(p, "auth"),
                opt(p, "playlist"), opt(p, "redirect"), flag(p, "live"), list(p, "cases"), list(p, "exclude"),
                settings(p),
                opt(p, "parallel").map(Integer::parseInt).orElse(DEFAULT_PARALLEL), opt(p, "baseline").map(Path::of),
                flag(p, "slow"), opt(p, "report.dir").map(Path::of).orElse(defaultReportDir), flag(p, "pcap"),
                opt(p, "target.image"), ports(list(p, "target.image.ports")),
                opt(p, "idle").map(RunOptions::seconds));
    }

    /** {@code timeout} (ms or 2s), {@code profile}, {@code strict}: what runs of either role share. */
    static RunSettings settings(Properties p) {
        Duration timeout = opt(p, "timeout").map(RunOptions::duration).orElse(RunSettings.DEFAULT_TIMEOUT);
        Profile profile = opt(p, "profile").map(RunOptions::profile).orElse(Profile.DEPLOYED);
        return new RunSettings(timeout, profile, flag(p, "strict"));
    }

    /** {@code 20} (seconds), or a duration with its unit: {@code 20s}, {@code 1500ms}. */
    static Duration seconds(String v) {
        return v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : duration(v);
    }

    static Profile profile(String v) {
        try {
            return Profile.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profile must be deployed or literal, not '" + v + "'");
        }
    }

    /** {@code 500}, {@code 500ms}, {@code 2s}: milliseconds where no unit is given. */
    public static Duration duration(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + v + "' (give 500ms or 2s)");
        }
    }

    private static List<Integer> ports(List<String> values) {
        try {
            return values.stream().map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target.image.ports must be numbers: " + values);
        }
    }

    static String value(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Optional<String> opt(Properties p, String key) {
        return Optional.ofNullable(value(p, key));
    }

    /** {@code -Dslow} alone (empty) and {@code -Dslow=true} both turn a flag on. */
    static boolean flag(Properties p, String key) {
        String v = p.getProperty(key);
        return v != null && (v.isBlank() || Boolean.parseBoolean(v.strip()));
    }

    static List<String> list(Properties p, String key) {
        String v = value(p, key);
        return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
