package org.mmsspec.server;

import org.mmsspec.server.scenario.Scenario;

/** What every protocol handler of one running server shares. */
public record ServerContext(Scenario scenario, EventLog events) {
}
