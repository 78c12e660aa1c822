package org.mmsspec.codec;

/**
 * One deviation from the specification found in decoded bytes. A violation is a value, never an exception:
 * lenient decoding records it and goes on, strict decoding counts it as a failure.
 *
 * @param section  the section that states the rule
 * @param level    the rule's level
 * @param field    the spec's name of the field concerned, such as {@code seal} or {@code subscriberName}
 * @param expected what the rule asks for, in words or as a value
 * @param actual   what was found
 * @param offset   byte offset of the field from the start of the decoded unit, or -1 where no single place applies
 */
public record Violation(Section section, Level level, String field, String expected, String actual, int offset) {

    @Override
    public String toString() {
        return section + " " + level + " " + field + ": expected " + expected + ", actual " + actual
                + (offset >= 0 ? " (at offset " + offset + ")" : "");
    }
}
