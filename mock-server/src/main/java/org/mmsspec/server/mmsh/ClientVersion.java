package org.mmsspec.server.mmsh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-token and version of a User-Agent header (MS-WMSP 2.2.1.8): what the server keeps as Client-Version.
 * Only NSPlayer, NSServer and WMCacheProxy are WMSP clients; anything else is a web client (3.2.5.1).
 */
public record ClientVersion(String token, int major, int minor) {

    private static final Pattern UA = Pattern.compile("^(NSPlayer|NSServer|WMCacheProxy)/(\\d{1,2})\\.(\\d{1,2})");

    /** The WMSP client this User-Agent names, or empty for a missing or foreign one. */
    public static Optional<ClientVersion> parse(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        Matcher m = UA.matcher(userAgent.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ClientVersion(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** Whether this version is at least {@code major.minor}. */
    public boolean atLeast(int maj, int min) {
        return major > maj || major == maj && minor >= min;
    }

    @Override
    public String toString() {
        return token + "/" + major + "." + minor;
    }
}
