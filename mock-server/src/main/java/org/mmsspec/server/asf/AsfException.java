package org.mmsspec.server.asf;

/** The bytes are not an ASF file this server can stream; the message says why. */
public final class AsfException extends RuntimeException {
    public AsfException(String message) {
        super(message);
    }
}
