package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;

/** The playIncarnation range that ReadBlock, OpenFile, StartPlaying and StartStriding share (1..0xFE). */
final class Incarnation {

    static final long MIN = 0x01;
    static final long MAX = 0xFE;

    private Incarnation() {
    }

    static boolean inRange(long v) {
        return v >= MIN && v <= MAX;
    }

    /** A MUST on {@code playIncarnation}, also where the rule is "the value of an earlier message's field". */
    static void check(Checks c, long playIncarnation) {
        c.mustHex("playIncarnation", inRange(playIncarnation), "0x1 to 0xFE", playIncarnation);
    }
}
