package org.mmsspec.server;

/**
 * What a listener speaks. MMST, MMSH and RTSP are TCP listeners and may share a port (the first bytes tell them
 * apart); MMSU is the UDP data path of an MMS session whose control stays on the MMST listener's TCP connection.
 */
public enum Protocol {
    /** RTSP (MS-RTSP); the mock only refuses or answers with an error, so that clients roll over. */
    RTSP(554),
    /** MMS over TCP (MS-MMSP): control and data on one TCP connection. */
    MMST(1755),
    /** MMS over UDP (MS-MMSP): the funnel sends Data packets as UDP datagrams; control is on MMST's connection. */
    MMSU(1755),
    /** MMS over HTTP (MS-WMSP). */
    MMSH(80);

    private final int defaultPort;

    Protocol(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The well-known port: 554, 1755, 1755, 80. */
    public int defaultPort() {
        return defaultPort;
    }
}
