package org.mmsspec.codec.gen;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Section;

/**
 * One damaged copy of a valid unit.
 *
 * @param name     what was done, such as {@code messageLength+8} or {@code truncate@17}
 * @param breaks   the section whose rule the damage aims at
 * @param bytes    the damaged unit
 * @param validity whether the damage certainly breaks a rule the decoder judges
 */
public record Mutation(String name, Section breaks, Bytes bytes, Validity validity) {

    public enum Validity {
        /** Certainly breaks a rule the decoder judges: strict decoding must report a violation or refuse the bytes. */
        INVALID,
        /** May or may not break a rule (insertions, bit flips, damage whose effect depends on other fields). */
        UNKNOWN
    }

    public byte[] toArray() {
        return bytes.toArray();
    }

    @Override
    public String toString() {
        return name + " (" + validity + ", " + breaks + "): " + bytes.hex();
    }
}
