package org.mmsspec.cases.client;

import java.time.Duration;

/** A client started for one case. */
public interface RunningClient {

    /** Whether the client has exited by itself. */
    boolean exited();

    /** Stops the client if it still runs (TERM, then KILL after a grace period) and says how it ended. Idempotent. */
    ClientExit stop(Duration grace);
}
