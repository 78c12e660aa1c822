package org.mmsspec.cases.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server under test, and what it offers beyond one file over MMST and MMSH. A case that needs something the
 * target does not offer (credentials, a playlist, a redirecting path) skips with that reason.
 *
 * @param name     how reports name the target ({@code host:port}, or {@code reference})
 * @param mmsPort  where MMST (and the TCP side of MMSU) is spoken
 * @param httpPort where MMSH is spoken; may equal {@code mmsPort} for servers that tell the two apart by first bytes
 * @param media    the path OpenFile and the MMSH GET ask for, without a leading slash ({@code sample.asf})
 * @param auth     where BASIC authentication is asked for, and the credentials that pass it
 * @param playlist a path the target serves as a server-side playlist of two or more entries
 * @param redirect a place whose OpenFile the target answers with ReportRedirect
 * @param live     the target serves a live stream only: no seeking, no end of stream
 * @param idle     a place whose Idle-Timeout is known, and how long it is (the spec recommends an hour, too long
 *                 for a test, so the timer case needs a server that states a shorter one)
 * @param paced    a place that sends Data packets at their send times, so that a request reaches a session still
 *                 streaming; real servers pace their media path, a test server may have to be told to
 */
public record Target(String name, String host, int mmsPort, int httpPort, String media, Optional<Auth> auth,
        Optional<Endpoint> playlist, Optional<Endpoint> redirect, boolean live, Optional<Idle> idle,
        Optional<Endpoint> paced) {

    public static final String DEFAULT_MEDIA = "sample.asf";

    /** A server and path with credentials that pass its BASIC challenge. */
    public record Auth(Endpoint endpoint, String user, String password) {
    }

    /** A server and path whose Idle-Timeout timer (MS-MMSP 3.2.2) runs for {@code timeout}. */
    public record Idle(Endpoint endpoint, Duration timeout) {
    }

    /** One path on one server, which speaks MMST on {@code port} and MMSH on {@code httpPort}. */
    public record Endpoint(String host, int port, int httpPort, String path) {
        public Endpoint {
            Objects.requireNonNull(host);
            path = stripSlash(path);
        }
    }

    /** A target whose Idle-Timeout is not known. */
    public Target(String name, String host, int mmsPort, int httpPort, String media, Optional<Auth> auth,
            Optional<Endpoint> playlist, Optional<Endpoint> redirect, boolean live) {
        this(name, host, mmsPort, httpPort, media, auth, playlist, redirect, live, Optional.empty());
    }

    /** A target whose media path is taken to be paced. */
    public Target(String name, String host, int mmsPort, int httpPort, String media, Optional<Auth> auth,
            Optional<Endpoint> playlist, Optional<Endpoint> redirect, boolean live, Optional<Idle> idle) {
        this(name, host, mmsPort, httpPort, media, auth, playlist, redirect, live, idle, Optional.empty());
    }

    public Target {
        Objects.requireNonNull(host);
        media = stripSlash(media);
        if (mmsPort < 1 || mmsPort > 65535 || httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be 1-65535: " + mmsPort + ", " + httpPort);
        }
    }

    /** {@code host:port} (or {@code [v6]:port}) serving {@code media} over MMST and MMSH on that one port. */
    public static Target parse(String hostPort, String media) {
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("target must be HOST:PORT, not '" + hostPort + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target port is not a number: '" + hostPort + "'");
        }
        return new Target(s, host, port, port, media, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public Target withHttpPort(int port) {
        return new Target(name, host, mmsPort, port, media, auth, playlist, redirect, live, idle, paced);
    }

    public Target withAuth(Auth a) {
        return new Target(name, host, mmsPort, httpPort, media, Optional.of(a), playlist, redirect, live, idle, paced);
    }

    public Target withPlaylist(Endpoint e) {
        return new Target(name, host, mmsPort, httpPort, media, auth, Optional.of(e), redirect, live, idle, paced);
    }

    public Target withRedirect(Endpoint e) {
        return new Target(name, host, mmsPort, httpPort, media, auth, playlist, Optional.of(e), live, idle, paced);
    }

    public Target withLive(boolean l) {
        return new Target(name, host, mmsPort, httpPort, media, auth, playlist, redirect, l, idle, paced);
    }

    public Target withIdle(Idle i) {
        return new Target(name, host, mmsPort, httpPort, media, auth, playlist, redirect, live, Optional.of(i), paced);
    }

    /** The media path on this target's own MMS port. */
    public Endpoint mediaEndpoint() {
        return new Endpoint(host, mmsPort, httpPort, media);
    }

    /** Where a session can be caught streaming: the paced place, or the media path. */
    public Endpoint pacedEndpoint() {
        return paced.orElseGet(this::mediaEndpoint);
    }

    private static String stripSlash(String p) {
        Objects.requireNonNull(p, "path");
        return p.startsWith("/") ? p.substring(1) : p;
    }
}
