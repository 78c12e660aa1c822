package org.mmsspec.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a byte stream into units whose size their first bytes tell, whatever the split of the reads. Units that arrive
 * whole in one feed are emitted as views of the caller's array; units that spanned feeds as copies. Once a unit
 * cannot be sized (below the minimum, above {@link DecodeOptions#maxMessageSize()}), the stream is lost: the framer
 * throws {@link MalformedInputException} then and on every later call. Not thread-safe; no I/O of its own.
 *
 * @param <U> the unit type
 */
public abstract class UnitFramer<U> {

    @FunctionalInterface
    public interface Sink<U> {
        void unit(U u);
    }

    protected final DecodeOptions options;
    private final Section framing;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private long offset;
    private MalformedInputException failure;

    /** @param framing the section that says how units are cut, for the truncation error */
    protected UnitFramer(Section framing, DecodeOptions options) {
        this.framing = framing;
        this.options = options;
    }

    /**
     * The size of the unit at {@code b[pos]} given {@code available} bytes of it, or {@code -n} while fewer than
     * {@code n} bytes are too few to tell. Throws {@link MalformedInputException} where the size is out of bounds;
     * {@code at} is the unit's stream offset, for the error.
     */
    protected abstract int unitSize(byte[] b, int pos, int available, long at);

    /** Decodes the framed unit {@code b[pos, pos + size)} at stream offset {@code at}; never throws. */
    protected abstract U unit(byte[] b, int pos, int size, long at);

    /** Stream offset of the next byte not yet framed. */
    public long offset() {
        return offset;
    }

    /** Bytes held back waiting for the rest of a unit. */
    public int pendingBytes() {
        return pendingLength;
    }

    public List<U> feed(byte[] b) {
        List<U> out = new ArrayList<>();
        feed(b, 0, b.length, out::add);
        return out;
    }

    public void feed(byte[] b, int off, int len, Sink<? super U> sink) {
        if (failure != null) {
            throw failure;
        }
        Objects.checkFromIndexSize(off, len, b.length);
        try {
            int pos = off;
            int end = off + len;
            if (pendingLength > 0) {
                pos = completePending(b, pos, end, sink);
            }
            while (pos < end) {
                int size = unitSize(b, pos, end - pos, offset);
                if (size < 0 || end - pos < size) {
                    append(b, pos, end - pos);
                    return;
                }
                emit(b, pos, size, sink);
                pos += size;
            }
        } catch (MalformedInputException e) {
            failure = e;
            throw e;
        }
    }

    /** Declares the end of the stream: a unit left incomplete is a truncation. */
    public void finish() {
        if (failure != null) {
            throw failure;
        }
        if (pendingLength > 0) {
            failure = new MalformedInputException(framing, "stream", offset,
                    "stream ends inside a unit: " + pendingLength + " bytes of it arrived");
            throw failure;
        }
    }

    private int completePending(byte[] b, int pos, int end, Sink<? super U> sink) {
        // Top up the held bytes until their unit's size is known, then until the unit is whole. The size is asked
        // again after every top-up: the bytes that tell it may also complete it (an 8-byte Data packet).
        while (true) {
            int size = unitSize(pending, 0, pendingLength, offset);
            if (size >= 0 && pendingLength == size) {
                byte[] whole = Arrays.copyOf(pending, size);
                pendingLength = 0;
                emit(whole, 0, size, sink);
                return pos;
            }
            if (pos == end) {
                return pos;
            }
            int take = Math.min((size < 0 ? -size : size) - pendingLength, end - pos);
            append(b, pos, take);
            pos += take;
        }
    }

    private void emit(byte[] b, int pos, int size, Sink<? super U> sink) {
        U u = unit(b, pos, size, offset);
        offset += size;
        sink.unit(u);
    }

    private void append(byte[] b, int pos, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n,
                    Math.min(2 * pending.length + 64, options.maxMessageSize())));
        }
        System.arraycopy(b, pos, pending, pendingLength, n);
        pendingLength += n;
    }
}
