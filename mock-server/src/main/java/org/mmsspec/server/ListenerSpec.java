package org.mmsspec.server;

/**
 * One protocol's listener in a scenario.
 *
 * @param port      the port, or 0 for an ephemeral one; TCP protocols on the same port share one socket
 * @param errorCode for {@link Behaviour#ERROR}: the RTSP or HTTP status, or the MMS hr; 0 for the protocol's default
 */
public record ListenerSpec(Protocol protocol, int port, Behaviour behaviour, long errorCode) {

    public static ListenerSpec serve(Protocol p, int port) {
        return new ListenerSpec(p, port, Behaviour.SERVE, 0);
    }

    public ListenerSpec withBehaviour(Behaviour b) {
        return new ListenerSpec(protocol, port, b, errorCode);
    }

    public ListenerSpec withPort(int p) {
        return new ListenerSpec(protocol, p, behaviour, errorCode);
    }

    public ListenerSpec withErrorCode(long code) {
        return new ListenerSpec(protocol, port, behaviour, code);
    }
}
