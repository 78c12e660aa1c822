package org.mmsspec.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a {@link MockMmsServer} runs, apart from what it serves (that is the scenario).
 *
 * @param bindAddress   where every listener binds; URLs name it, or 127.0.0.1 for a wildcard address
 * @param servers       the protocol implementations; a protocol without one is closed after ACCEPTED
 * @param workerThreads I/O threads for accepted connections: two carry a thousand sessions
 * @param sniffTimeout  how long a new connection may take to send enough bytes to show its protocol
 * @param sniffLimit    how many bytes the protocol may take to show; more without a verdict is a protocol error
 * @param wireMock      whether the server carries an embedded WireMock for user-scripted HTTP on the MMSH listener
 * @param relayTimeout  how long a request relayed to that WireMock may wait for its answer before a 504
 */
public record ServerOptions(String bindAddress, Map<Protocol, ProtocolServer> servers, int workerThreads,
        Duration sniffTimeout, int sniffLimit, boolean wireMock, Duration relayTimeout) {

    public ServerOptions {
        servers = Map.copyOf(servers);
        if (workerThreads < 1 || sniffLimit < 16 || sniffTimeout.isNegative() || sniffTimeout.isZero()
                || relayTimeout.isNegative() || relayTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "workerThreads >= 1, sniffLimit >= 16, sniffTimeout > 0, relayTimeout > 0");
        }
    }

    /** Without WireMock. */
    public ServerOptions(String bindAddress, Map<Protocol, ProtocolServer> servers, int workerThreads,
            Duration sniffTimeout, int sniffLimit) {
        this(bindAddress, servers, workerThreads, sniffTimeout, sniffLimit, false, Duration.ofSeconds(10));
    }

    /** Loopback, the default protocol servers, two workers, ten seconds and 4 KiB to sniff. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", ProtocolServers.defaults(), 2, Duration.ofSeconds(10), 4096);
    }

    public ServerOptions withBindAddress(String address) {
        return new ServerOptions(address, servers, workerThreads, sniffTimeout, sniffLimit, wireMock, relayTimeout);
    }

    /** Replaces (or adds) the server of one protocol, e.g. a test double. */
    public ServerOptions withServer(Protocol p, ProtocolServer server) {
        Map<Protocol, ProtocolServer> m = new EnumMap<>(Protocol.class);
        m.putAll(servers);
        m.put(p, server);
        return new ServerOptions(bindAddress, m, workerThreads, sniffTimeout, sniffLimit, wireMock, relayTimeout);
    }

    public ServerOptions withWorkerThreads(int n) {
        return new ServerOptions(bindAddress, servers, n, sniffTimeout, sniffLimit, wireMock, relayTimeout);
    }

    public ServerOptions withSniffTimeout(Duration d) {
        return new ServerOptions(bindAddress, servers, workerThreads, d, sniffLimit, wireMock, relayTimeout);
    }

    /**
     * With an embedded WireMock ({@code MockMmsServer.wireMock()}), started and stopped with the server: HTTP
     * requests on the MMSH listener that a WireMock stub matches, or that MMSH does not serve, are relayed to it,
     * and every other MMSH request is added to its request journal. Relayed requests get 504 after ten seconds.
     */
    public ServerOptions withWireMock() {
        return withWireMock(relayTimeout);
    }

    /** {@link #withWireMock()}, with 504 after {@code relayTimeout}. */
    public ServerOptions withWireMock(Duration relayTimeout) {
        return new ServerOptions(bindAddress, servers, workerThreads, sniffTimeout, sniffLimit, true, relayTimeout);
    }
}
