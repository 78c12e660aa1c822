package org.mmsspec.codec.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** A stream cut into pieces whose sizes the fuzzer picks, for the split-invariance targets. */
record Split(List<byte[]> pieces, byte[] whole) {

    /** Pieces of 0 to 64 bytes until the input runs out (sizes come from its end, bytes from its start). */
    static Split of(FuzzedDataProvider data) {
        List<byte[]> pieces = new ArrayList<>();
        int total = 0;
        while (data.remainingBytes() > 0) {
            byte[] piece = data.consumeBytes(data.consumeInt(0, 64));
            pieces.add(piece);
            total += piece.length;
        }
        byte[] whole = new byte[total];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, whole, at, p.length);
            at += p.length;
        }
        return new Split(pieces, whole);
    }

    /** The stream's bytes {@code [offset, offset + length)}. */
    byte[] bytes(long offset, int length) {
        return java.util.Arrays.copyOfRange(whole, (int) offset, (int) offset + length);
    }

    /** Fails where the units of the split stream differ from those of the whole one. */
    static void same(String split, String once) {
        if (!split.equals(once)) {
            throw new AssertionError("units depend on the split:\n  split " + split + "\n  whole " + once);
        }
    }
}
