package org.mmsspec.codec;

/** Requirement level of a rule, as the specification words it (RFC 2119). NOT forms are folded into their positive level. */
public enum Level {
    MUST,
    SHOULD,
    MAY
}
