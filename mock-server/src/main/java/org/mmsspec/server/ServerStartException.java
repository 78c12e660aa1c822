package org.mmsspec.server;

/** A listener could not be bound: the port is in use, or needs privileges, or the address is not local. */
public final class ServerStartException extends RuntimeException {

    private final Protocol protocol;
    private final int port;

    public ServerStartException(Protocol protocol, String address, int port, Throwable cause) {
        super("cannot listen for " + protocol + " on " + address + ":" + port + ": " + reason(cause, port), cause);
        this.protocol = protocol;
        this.port = port;
    }

    private static String reason(Throwable cause, int port) {
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (port > 0 && port < 1024 && m.toLowerCase(java.util.Locale.ROOT).contains("permission")) {
            return m + " (ports below 1024 need privileges; choose another port)";
        }
        return m;
    }

    public Protocol protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }
}
