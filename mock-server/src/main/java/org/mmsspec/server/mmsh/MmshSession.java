package org.mmsspec.server.mmsh;

/**
 * One streaming session's state (MS-WMSP 3.2.1): its Client-ID and Session-State. Requests of one session come on
 * several connections, so it lives in the server, not the connection.
 */
final class MmshSession {

    enum State { INIT, STREAMING, WAITING, IDLE }

    final long clientId;
    private State state = State.INIT;
    private long playlistGenId;

    MmshSession(long clientId) {
        this.clientId = clientId;
    }

    synchronized State state() {
        return state;
    }

    synchronized void state(State s) {
        state = s;
    }

    /** Moves to STREAMING unless already there: a second Play on a streaming session may be a hijack (3.2.5.6). */
    synchronized boolean startStreaming() {
        if (state == State.STREAMING) {
            return false;
        }
        state = State.STREAMING;
        return true;
    }

    /** A new identifier for the next playlist entry (3.2.4.2); 0 means none assigned. */
    synchronized long nextPlaylistGenId() {
        return ++playlistGenId;
    }

    synchronized long playlistGenId() {
        return playlistGenId;
    }
}
