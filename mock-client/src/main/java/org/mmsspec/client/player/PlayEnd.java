package org.mmsspec.client.player;

/** Ends one attempt early: why, and whether the next protocol of a rollover may be tried. */
final class PlayEnd extends RuntimeException {

    /** What an attempt's end allows. */
    enum Kind {
        /** The protocol failed (refused, closed, not supported): the next protocol may be tried. */
        ROLL_OVER,
        /** Authentication failed: no rollover. */
        AUTH,
        /** The server is at its session limit: no rollover. */
        SESSION_LIMIT,
        /** Any other error: stop. */
        ERROR,
        /** Died: the crash fault. */
        CRASH,
        /** Stopped from outside. */
        STOPPED
    }

    private final Kind kind;

    PlayEnd(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
