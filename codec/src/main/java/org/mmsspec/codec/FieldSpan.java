package org.mmsspec.codec;

/**
 * Where one decoded field lies: its spec name, its offset from the start of the unit, its size in bytes and what kind
 * of value it holds. Mutators use spans to break one field at a time.
 */
public record FieldSpan(String name, int offset, int size, Kind kind) {

    public enum Kind {
        /** A little-endian unsigned or signed integer of {@code size} bytes. */
        INTEGER,
        /**
         * A little-endian unsigned integer that sizes, counts or locates other bytes of the same unit (cbToken,
         * cStreamEntries, an offset such as OpenFile's token): a value the decoder must bound and the checks must judge.
         */
        LENGTH,
        /** An IEEE 754 DOUBLE. */
        FLOAT,
        /** Raw bytes. */
        BYTES,
        /** A UTF-16LE string that runs to its NUL or the end of the message. */
        UTF16Z,
        /** A UTF-16LE string whose length a count field gives. */
        UTF16,
        /** A fixed-size ANSI string. */
        ANSI,
        /** A range read by a nested reader: a message body. */
        STRUCTURE,
        /** Message padding. */
        PADDING
    }

    public int end() {
        return offset + size;
    }
}
