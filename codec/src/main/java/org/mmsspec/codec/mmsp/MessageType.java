package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireReader;

/**
 * One of the 28 message types of MS-MMSP 2.2.4: its MID, its name and section, who sends it, and how to decode the
 * fields that follow chunkLen and MID.
 */
public record MessageType(long mid, String name, Section section, Direction direction, BodyDecoder decoder) {

    /** Decodes the fields after chunkLen and MID; the reader is bounded to the message. */
    @FunctionalInterface
    public interface BodyDecoder {
        MmsMessage decode(WireReader body);
    }

    static MessageType of(long mid, String name, String section, BodyDecoder decoder) {
        Direction d = Direction.ofMid(mid);
        if (d == null) {
            throw new IllegalArgumentException("MID without a direction: " + Long.toHexString(mid));
        }
        return new MessageType(mid, name, Section.mmsp(section), d, decoder);
    }

    /** The MID as the reports print it, {@code 0x00030001}. */
    public String midHex() {
        return String.format("0x%08X", mid);
    }
}
