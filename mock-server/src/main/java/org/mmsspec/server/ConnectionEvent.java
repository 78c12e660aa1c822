package org.mmsspec.server;

import java.time.Instant;

/**
 * One thing that happened on a listener: a connection attempt and what became of it. Client checks judge rollover
 * order from these.
 *
 * @param sequence  order of arrival in this server's log, from 0
 * @param time      wall-clock time
 * @param protocol  the protocol the listener expected, or the one the first bytes showed where a port is shared
 * @param port      the local port
 * @param remote    the client's address and port
 * @param connection identifies the connection, so the events of one connection can be grouped
 * @param what      what happened
 * @param detail    one line: the request, the hr, the reason for a close
 */
public record ConnectionEvent(long sequence, Instant time, Protocol protocol, int port, String remote,
        long connection, What what, String detail) {

    public enum What {
        /** A TCP connection was accepted (or the first UDP datagram of a client arrived). */
        ACCEPTED,
        /** The first request identified the protocol: a Connect, an HTTP request line, an RTSP request line. */
        REQUEST,
        /** The session reached streaming. */
        STREAMING,
        /** The server announced the end of the content (MMS ReportEndOfStream hr 0; MMSH $E): nothing more comes. */
        END_OF_STREAM,
        /** The listener refused in its protocol's words (Behaviour ERROR), or a request failed. */
        ERROR_REPLY,
        /** The server closed the connection. */
        CLOSED_BY_SERVER,
        /** The client closed the connection. */
        CLOSED_BY_CLIENT,
        /** The server reset the connection. */
        RESET,
        /** The client sent something malformed or out of order; the detail says what. */
        PROTOCOL_ERROR,
        /** A bug planted on purpose (scenario.PlantedBug) was set off; the detail names it and what it does. */
        PLANTED_BUG
    }

    @Override
    public String toString() {
        return sequence + " " + time + " " + protocol + " :" + port + " " + remote + " #" + connection + " " + what
                + (detail.isEmpty() ? "" : " " + detail);
    }
}
