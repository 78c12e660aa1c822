package org.mmsspec.harness.fuzz.client;

import java.io.IOException;
import java.time.Duration;

import org.mmsspec.cases.client.ClientExit;
import org.mmsspec.cases.client.ClientLauncher;
import org.mmsspec.cases.client.ClientUrl;
import org.mmsspec.cases.client.RunningClient;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ProtocolServer;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.SharedPort;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsh.DataPacketSource;
import org.mmsspec.server.mmsh.MmshServer;
import org.mmsspec.server.mmsp.MmstServer;
import org.mmsspec.server.mmsp.PacketSource;
import org.mmsspec.server.scenario.Pacing;

/**
 * One mock server that serves one client session at a time, kept for the whole campaign: starting a server per
 * session would cost more than the client does. MMST, MMSH and RTSP share its port, as in the client-conformance
 * runner. Between sessions no session is bound: a connection then is closed at once, so that a client left over
 * from the last session never feeds the next one.
 */
final class Lane implements AutoCloseable {

    /** How long a client may take to go after TERM before KILL. */
    static final Duration GRACE = Duration.ofMillis(200);
    /**
     * How long a session may stay silent both ways, with the server waiting for the client, before it counts as over:
     * the client waits for something a damaged reply never gave it, which is not a hang of the client's own.
     */
    static final Duration QUIET = Duration.ofMillis(300);
    /** No session runs longer than this many timeouts (a client that keeps asking for more). */
    private static final int CAP_TIMEOUTS = 8;

    /** How one session ended. */
    record Outcome(ClientExit exit, boolean hung) {
    }

    private final MockMmsServer server;
    private final MmshServer mmsh = new MmshServer(Duration.ofSeconds(30), DataPacketSource.ASF, this::random);
    private final String path;
    private volatile SessionWire wire;

    Lane(String path) {
        this.path = path.startsWith("/") ? path.substring(1) : path;
        ServerOptions options = ServerOptions.defaults().withWorkerThreads(1)
                .withServer(Protocol.MMST, tapped(new MmstServer(PacketSource::asf, this::random)))
                .withServer(Protocol.MMSH, tapped(mmsh));
        this.server = start(options);
    }

    private MockMmsServer start(ServerOptions options) {
        return SharedPort.start(b -> b.name("client-fuzz").media(path, AsfFile.sample()).pacing(Pacing.FAST), options);
    }

    /** A protocol server whose connections go through the bound session's wire first. */
    private ProtocolServer tapped(ProtocolServer inner) {
        return (pipeline, context, connection) -> {
            SessionWire w = wire;
            if (w == null) {
                pipeline.channel().close();
                return;
            }
            pipeline.addFirst(WireTap.NAME, new WireTap(w));
            inner.install(pipeline, context, connection);
        };
    }

    private java.util.random.RandomGenerator random() {
        SessionWire w = wire;
        return w != null ? w.random() : new java.util.SplittableRandom();
    }

    ClientUrl url(Scheme scheme) {
        int port = server.port(Protocol.MMST);
        return new ClientUrl(scheme, server.host(), port, path, port, port, port);
    }

    /** Runs one client on this lane's server with {@code w} bound, until it exits, goes quiet, or hangs. */
    Outcome play(SessionWire w, ClientLauncher launcher, Scheme scheme, Duration timeout)
            throws IOException, InterruptedException {
        wire = w;
        mmsh.forgetSessions();
        try {
            RunningClient client = launcher.start(url(scheme));
            boolean hung;
            try {
                hung = watch(client, w, timeout);
            } finally {
                client.stop(GRACE);
            }
            return new Outcome(client.stop(GRACE), hung);
        } finally {
            wire = null;
            w.closeAll();
        }
    }

    /**
     * The hang rule: the client still runs a timeout after the server was left with nothing more to say (every
     * connection of the session closed, or none ever opened, or the end of the stream sent on a connection whose
     * replies all went out undamaged: after a damaged one the client may rightly read it as the rest of a cut
     * packet). A client
     * that waits on a connection where the server waits for its next request is not hung by this rule: the session
     * ends after {@link #QUIET} without a finding.
     */
    static boolean watch(RunningClient client, SessionWire w, Duration timeout) throws InterruptedException {
        long t = timeout.toNanos();
        long quiet = Math.min(t, QUIET.toNanos());
        long cap = w.started + CAP_TIMEOUTS * Math.max(t, Duration.ofSeconds(1).toNanos());
        while (!client.exited()) {
            long now = System.nanoTime();
            long finished = w.finishedSince();
            if (finished != 0) {
                if (now - finished >= t) {
                    return true;
                }
            } else if (now - w.lastActivity() >= quiet || now >= cap) {
                return false;
            }
            Thread.sleep(5);
        }
        return false;
    }

    @Override
    public void close() {
        server.close();
    }
}
