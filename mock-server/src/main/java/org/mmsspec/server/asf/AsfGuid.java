package org.mmsspec.server.asf;

import java.util.Arrays;

/** An ASF GUID as it lies in the file: the first three groups little-endian ([ASF] 10.1). */
public record AsfGuid(long high, long low) {

    /** From the usual text form, {@code 75B22630-668E-11CF-A6D9-00AA0062CE6C}. */
    public static AsfGuid parse(String text) {
        String[] g = text.split("-");
        byte[] b = new byte[16];
        putLe(b, 0, Long.parseLong(g[0], 16), 4);
        putLe(b, 4, Long.parseLong(g[1], 16), 2);
        putLe(b, 6, Long.parseLong(g[2], 16), 2);
        String rest = g[3] + g[4];
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) Integer.parseInt(rest.substring(2 * i, 2 * i + 2), 16);
        }
        return at(b, 0);
    }

    public static AsfGuid at(byte[] b, int off) {
        if (off < 0 || off + 16 > b.length) {
            throw new AsfException("GUID at " + off + " runs past the end");
        }
        return new AsfGuid(Le.u64(b, off), Le.u64(b, off + 8));
    }

    private static void putLe(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Override
    public String toString() {
        byte[] b = new byte[16];
        putLe(b, 0, high, 8);
        putLe(b, 8, low, 8);
        return Arrays.toString(b);
    }
}
