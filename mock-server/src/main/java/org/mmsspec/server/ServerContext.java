package org.mmsspec.server;

import java.util.Optional;

import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.wiremock.HttpStubs;

/**
 * What every protocol handler of one running server shares.
 *
 * @param stubs  the embedded WireMock, where the server was asked for one ({@link ServerOptions#withWireMock()})
 * @param health the server's counters, and where a planted bug strikes it
 */
public record ServerContext(Scenario scenario, EventLog events, Optional<HttpStubs> stubs, ServerHealth health) {

    public ServerContext(Scenario scenario, EventLog events, Optional<HttpStubs> stubs) {
        this(scenario, events, stubs, new ServerHealth());
    }

    public ServerContext(Scenario scenario, EventLog events) {
        this(scenario, events, Optional.empty());
    }
}
