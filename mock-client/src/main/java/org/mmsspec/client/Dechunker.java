package org.mmsspec.client;

import java.io.ByteArrayOutputStream;

import org.mmsspec.codec.MalformedInputException;

/**
 * Undoes HTTP/1.1 chunked transfer coding on bytes in any split, with a bounded size line. Push style, like the
 * codec's framers: feed wire bytes, get body bytes.
 */
public final class Dechunker {

    private static final int MAX_SIZE_LINE = 64;

    private enum State { SIZE, DATA, DATA_END, TRAILER, DONE }

    private State state = State.SIZE;
    private final StringBuilder line = new StringBuilder();
    private long remaining;
    private long offset;

    /** Whether the zero-length last chunk and the trailer have arrived. */
    public boolean done() {
        return state == State.DONE;
    }

    /** Whether the bytes so far end between two chunks (or after the last): nothing of a chunk is missing. */
    public boolean betweenChunks() {
        return state == State.DONE || state == State.SIZE && line.length() == 0;
    }

    /** The body bytes in {@code b[off, off + len)}. */
    public byte[] feed(byte[] b, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        for (int i = off, end = off + len; i < end && state != State.DONE; ) {
            switch (state) {
                case DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    out.write(b, i, n);
                    i += n;
                    remaining -= n;
                    offset += n;
                    if (remaining == 0) {
                        state = State.DATA_END;
                    }
                }
                default -> {
                    lineByte(b[i++]);
                    offset++;
                }
            }
        }
        return out.toByteArray();
    }

    private void lineByte(byte c) {
        if (c != '\n') {
            if (c != '\r') {
                line.append((char) (c & 0xFF));
            }
            if (line.length() > MAX_SIZE_LINE) {
                throw new MalformedInputException(HttpHead.TRANSPORT, "chunk-size", offset,
                        "chunk line longer than " + MAX_SIZE_LINE + " bytes");
            }
            return;
        }
        String l = line.toString().strip();
        line.setLength(0);
        switch (state) {
            case SIZE -> {
                String hex = l.contains(";") ? l.substring(0, l.indexOf(';')).strip() : l;
                try {
                    remaining = Long.parseLong(hex, 16);
                } catch (NumberFormatException e) {
                    throw new MalformedInputException(HttpHead.TRANSPORT, "chunk-size", offset,
                            "chunk size is not hex: " + l);
                }
                if (remaining < 0) {
                    throw new MalformedInputException(HttpHead.TRANSPORT, "chunk-size", offset, "chunk size " + l);
                }
                state = remaining == 0 ? State.TRAILER : State.DATA;
            }
            case DATA_END -> {
                if (!l.isEmpty()) {
                    throw new MalformedInputException(HttpHead.TRANSPORT, "chunk", offset,
                            "chunk data not followed by CRLF");
                }
                state = State.SIZE;
            }
            case TRAILER -> {
                if (l.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }
}
