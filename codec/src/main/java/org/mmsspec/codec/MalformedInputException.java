package org.mmsspec.codec;

/**
 * The one exception the codec's decoders throw: the bytes cannot be decoded at all (too short, a length that points
 * past the end or past the configured bound, an unknown unit). Everything decodable but wrong is a {@link Violation}
 * instead.
 */
public final class MalformedInputException extends RuntimeException {

    private final Section section;
    private final String field;
    private final long offset;

    public MalformedInputException(Section section, String field, long offset, String message) {
        super(section + " " + field + " at offset " + offset + ": " + message, null, false, false);
        this.section = section;
        this.field = field;
        this.offset = offset;
    }

    public Section section() {
        return section;
    }

    public String field() {
        return field;
    }

    /** Byte offset, from the start of the unit being decoded, where decoding stopped. */
    public long offset() {
        return offset;
    }
}
