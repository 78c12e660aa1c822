package org.mmsspec.client;

/**
 * The client itself could not do what it was asked: the connection could not be made, or a write failed. What the
 * peer sends, however hostile, never raises this; it comes back as an {@link Outcome}.
 */
public class MockClientException extends RuntimeException {

    public MockClientException(String message, Throwable cause) {
        super(message, cause);
    }

    public MockClientException(String message) {
        super(message);
    }
}
