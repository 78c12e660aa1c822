package org.mmsspec.server.asf;

/** Little-endian reads from a byte array; callers bound offsets first. */
final class Le {
    private Le() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong(u16(b, at) | u16(b, at + 2) << 16);
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
