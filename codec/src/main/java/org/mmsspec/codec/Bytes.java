package org.mmsspec.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable view of a byte range, compared by content. Decoders hand out views of the input instead of copies, so
 * the caller must not change the input array while a view of it is in use.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] array;
    private final int offset;
    private final int length;

    private Bytes(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** A view of {@code array[offset, offset + length)}, no copy. */
    public static Bytes view(byte[] array, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, array.length);
        return length == 0 ? EMPTY : new Bytes(array, offset, length);
    }

    /** A private copy of {@code data}. */
    public static Bytes copyOf(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone(), 0, data.length);
    }

    public static Bytes ofHex(String hex) {
        byte[] b = HEX.parseHex(hex.replaceAll("\\s+", ""));
        return b.length == 0 ? EMPTY : new Bytes(b, 0, b.length);
    }

    public int length() {
        return length;
    }

    public byte get(int i) {
        java.util.Objects.checkIndex(i, length);
        return array[offset + i];
    }

    public byte[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** Copies the bytes into {@code dest} at {@code destOffset}. */
    public void copyTo(byte[] dest, int destOffset) {
        System.arraycopy(array, offset, dest, destOffset, length);
    }

    /** Puts the bytes at {@code dest}'s position, advancing it. */
    public void copyTo(java.nio.ByteBuffer dest) {
        dest.put(array, offset, length);
    }

    public boolean isAllZero() {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (array[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public String hex() {
        return HEX.formatHex(array, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b
                && Arrays.equals(array, offset, offset + length, b.array, b.offset, b.offset + b.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + array[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return length <= 64 ? hex() : HEX.formatHex(array, offset, offset + 64) + "…(" + length + " bytes)";
    }
}
