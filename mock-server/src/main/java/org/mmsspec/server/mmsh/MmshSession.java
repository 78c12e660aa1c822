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
    private volatile long lastUsedNanos = System.nanoTime();

    MmshSession(long clientId) {
        this.clientId = clientId;
    }

    /** Marks a request of this session: the Idle-Timeout counts from the last one (MS-WMSP 3.2.2). */
    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /** Idle longer than {@code nanos}, and not streaming (a Play connection keeps its session alive). */
    synchronized boolean idleLongerThan(long nanos, long now) {
        return state != State.STREAMING && now - lastUsedNanos > nanos;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
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
