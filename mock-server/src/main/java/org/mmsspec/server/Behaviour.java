package org.mmsspec.server;

/** What a listener does with a client. Rollover cases make one protocol fail after another. */
public enum Behaviour {
    /** Serve the media as the protocol says. */
    SERVE,
    /** No listener: the port is closed and the client's connect is refused. Nothing reaches the event log. */
    REFUSE,
    /** Accept the connection, then close it without reading. */
    ACCEPT_AND_CLOSE,
    /** Accept, then reset the connection (RST, SO_LINGER 0). */
    RESET,
    /** Accept, read everything, answer nothing, never close. */
    SILENT,
    /**
     * Answer the first request with the protocol's own refusal: RTSP 4xx/5xx, MMS hr NS_E_MMS_NOT_SUPPORTED in
     * ReportConnectedEX, ReportDisconnectedFunnel for a UDP funnel, HTTP 5xx for MMSH.
     */
    ERROR
}
