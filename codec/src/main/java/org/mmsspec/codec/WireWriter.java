package org.mmsspec.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes little-endian fields into a growing buffer. Values are written as given: canonical or not is the caller's. */
public final class WireWriter {

    private byte[] buf;
    private int pos;

    public WireWriter() {
        this(128);
    }

    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public int position() {
        return pos;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    public WireWriter u32(long v) {
        ensure(4);
        putI32(pos, (int) v);
        pos += 4;
        return this;
    }

    public WireWriter u64(long v) {
        u32(v);
        return u32(v >>> 32);
    }

    public WireWriter f64(double v) {
        return u64(Double.doubleToRawLongBits(v));
    }

    public WireWriter bytes(Bytes b) {
        ensure(b.length());
        b.copyTo(buf, pos);
        pos += b.length();
        return this;
    }

    public WireWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public WireWriter zeros(int n) {
        ensure(n);
        pos += n; // the buffer is zero where nothing was written
        return this;
    }

    /** UTF-16LE code units of {@code s}, then a 0x0000 terminator. */
    public WireWriter utf16z(String s) {
        utf16(s);
        return u16(0);
    }

    /** UTF-16LE code units of {@code s}, no terminator. */
    public WireWriter utf16(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }

    /** {@code s} in ISO-8859-1, NUL-padded to exactly {@code size} bytes (truncated to leave room for the NUL). */
    public WireWriter ansi(String s, int size) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(b.length, size - 1);
        ensure(size);
        System.arraycopy(b, 0, buf, pos, n);
        pos += size;
        return this;
    }

    /** Zero bytes up to the next multiple of 8 (MS-MMSP 2.2.4 padding). */
    public WireWriter pad8() {
        return zeros((8 - (pos & 7)) & 7);
    }

    /** Overwrites a u32 already written at {@code at}. */
    public void putU32(int at, long v) {
        putI32(at, (int) v);
    }

    /** Overwrites a u16 already written at {@code at}. */
    public void putU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    private void putI32(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
        buf[at + 2] = (byte) (v >>> 16);
        buf[at + 3] = (byte) (v >>> 24);
    }

    /** The bytes written; the buffer itself, not a copy, when they fill it exactly (the writer is done with it). */
    public byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }
}
