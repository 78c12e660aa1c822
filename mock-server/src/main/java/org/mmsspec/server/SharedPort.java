package org.mmsspec.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.UnaryOperator;

import org.mmsspec.server.scenario.Scenario;

/**
 * A server whose MMST, MMSH and RTSP listen on one free port, for a client under test: clients keep the URL's port for
 * every step of a rollover, so each protocol must be found there.
 */
public final class SharedPort {

    private static final int TRIES = 3;

    private SharedPort() {
    }

    /**
     * Starts the scenario {@code scenario} makes of a builder whose three ports are set to a free one; tries again on
     * another where the port was taken between the probe and the bind.
     */
    public static MockMmsServer start(UnaryOperator<Scenario.Builder> scenario, ServerOptions options) {
        ServerStartException last = null;
        for (int i = 0; i < TRIES; i++) {
            int port = freePort();
            Scenario.Builder b = Scenario.builder().port(Protocol.MMST, port).port(Protocol.MMSH, port)
                    .port(Protocol.RTSP, port);
            try {
                return MockMmsServer.start(scenario.apply(b).build(), options);
            } catch (ServerStartException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
