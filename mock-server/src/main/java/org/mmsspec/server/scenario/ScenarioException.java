package org.mmsspec.server.scenario;

/** A scenario file that cannot be read: the message names the file and the field. */
public final class ScenarioException extends IllegalArgumentException {

    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
