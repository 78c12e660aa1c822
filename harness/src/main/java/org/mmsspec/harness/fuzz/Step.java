package org.mmsspec.harness.fuzz;

import java.util.Arrays;
import java.util.Objects;

/**
 * One write of a session: the bytes mmsspec sends, on which of the session's connections, how they go onto the wire,
 * and what the runner waits for before the next step. A server campaign's steps are what the fuzzing client sends; a
 * client campaign's are what the mock server sent in place of its k-th reply on that connection.
 *
 * @param connection which of the session's connections (0 is the first; a higher one is opened when first used), so
 *                   that one session can drive concurrent connections
 * @param bytes      exactly the bytes written, mutation included
 * @param segmenting how they are written
 * @param await      what is read before the next step
 * @param note       what the step is, for a reader: "Connect", "OpenFile: fileName unterminated", "Pong (unasked)"
 */
public record Step(int connection, byte[] bytes, Segmenting segmenting, Await await, String note) {

    /** How a step's bytes go onto the wire (MS-MMSP 3.2.5: a receiver must reassemble whatever TCP delivers). */
    public enum Segmenting {
        /** One write. */
        WHOLE,
        /** One byte per write, TCP_NODELAY, so that the peer sees many segments. */
        ONE_BYTE,
        /** A few bytes per write with a pause between, shorter than any timer the peer should run. */
        SLOW
    }

    /** What the runner reads after the step, before the next one. */
    public enum Await {
        /** Go on at once. */
        NOTHING,
        /** One reply: a command packet (MMST) or a response head (MMSH). */
        REPLY,
        /** ReportReadBlock and the header's Data packets. */
        HEADER,
        /** ReportStartedPlaying and at least one Data packet of the content. */
        DATA,
        /** Everything up to ReportEndOfStream (or the end of the MMSH response). */
        END
    }

    public Step {
        if (connection < 0) {
            throw new IllegalArgumentException("connection " + connection);
        }
        bytes = bytes.clone();
        Objects.requireNonNull(segmenting);
        Objects.requireNonNull(await);
        Objects.requireNonNull(note);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes themselves, not a copy: for the runner's writes only, which must not change them. */
    byte[] wire() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public Step withBytes(byte[] b) {
        return new Step(connection, b, segmenting, await, note);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Step s && s.connection == connection && Arrays.equals(s.bytes, bytes)
                && s.segmenting == segmenting && s.await == await && s.note.equals(note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connection, Arrays.hashCode(bytes), segmenting, await, note);
    }

    @Override
    public String toString() {
        return "Step[" + connection + ", " + bytes.length + " bytes, " + segmenting + ", " + await + ", " + note + "]";
    }
}
