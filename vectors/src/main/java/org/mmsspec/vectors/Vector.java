package org.mmsspec.vectors;

import java.util.List;
import java.util.Map;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Section;

/**
 * One row of a vector table: bytes and what decoding them must give. See {@code vectors/README.md} for the format.
 *
 * @param file       the table it came from, for messages
 * @param violations the violations strict decoding must report, exactly (as a multiset of section, level, field)
 * @param error      where not null, decoding must fail with a message containing this text
 */
public record Vector(String file, String id, Section section, Direction direction, Kind kind, String source,
        String description, Profile profile, Bytes bytes, Map<String, Object> header, Map<String, Object> fields,
        List<String> messages, List<Expected> violations, String error) {

    /** What the bytes are. */
    public enum Kind {
        /** A TcpMessageHeader packet (MS-MMSP 2.2.3, 2.2.4). */
        COMMAND,
        /** A Data packet (MS-MMSP 2.2.2). */
        DATA,
        /** A RequestPacketListResend datagram (MS-MMSP 2.2.5). */
        RESEND,
        /** One MMSH frame (MS-WMSP 2.2.3). */
        MMSH
    }

    /** An expected violation. */
    public record Expected(Section section, Level level, String field) {
        @Override
        public String toString() {
            return section + " " + level + " " + field;
        }
    }

    /** The display name of the row's test: id, section and the description. */
    public String displayName() {
        return id + " [" + section + "] " + description;
    }
}
