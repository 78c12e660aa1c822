package org.mmsspec.server;

import java.net.InetSocketAddress;

/** One accepted connection, as handlers report it to the event log. */
public record Connection(long id, Protocol protocol, int localPort, InetSocketAddress remote, EventLog events) {

    public ConnectionEvent record(ConnectionEvent.What what, String detail) {
        return events.record(protocol, localPort, remote.getAddress().getHostAddress() + ":" + remote.getPort(), id,
                what, detail);
    }

    public Connection as(Protocol p) {
        return new Connection(id, p, localPort, remote, events);
    }
}
