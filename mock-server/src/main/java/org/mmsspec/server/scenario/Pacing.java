package org.mmsspec.server.scenario;

/** How fast Data packets leave the server. */
public enum Pacing {
    /** At the content's bit rate, each packet at its send time, as a live server would (MS-MMSP 3.2.5.11.1). */
    REALTIME,
    /** As fast as the connection takes them: for tests and benchmarks. */
    FAST
}
