package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * One STREAM_SWITCH_ENTRY (MS-MMSP 2.2.4.28.1): 0xFFFF means no stream; thinning 0 sends every object, 1 key frames
 * only, 2 nothing.
 */
public record StreamSwitchEntry(int wSrcStreamNumber, int wDstStreamNumber, int wThinningLevel) {

    public static final int SIZE = 6;
    public static final int NO_STREAM = 0xFFFF;

    /** Stream {@code n} on, every object. */
    public static StreamSwitchEntry on(int n) {
        return new StreamSwitchEntry(NO_STREAM, n, 0);
    }

    /** Stream {@code n} off, as the spec writes it (destination 0xFFFF). */
    public static StreamSwitchEntry off(int n) {
        return new StreamSwitchEntry(n, NO_STREAM, 2);
    }

    static StreamSwitchEntry read(WireReader r) {
        return new StreamSwitchEntry(r.u16("wSrcStreamNumber"), r.u16("wDstStreamNumber"), r.u16("wThinningLevel"));
    }

    void write(WireWriter w) {
        w.u16(wSrcStreamNumber).u16(wDstStreamNumber).u16(wThinningLevel);
    }

    void check(Checks c) {
        c.must("wThinningLevel", wThinningLevel <= 2, "0, 1 or 2", Integer.toString(wThinningLevel));
        c.mustHex("wDstStreamNumber",
                wDstStreamNumber == NO_STREAM || wDstStreamNumber >= 1 && wDstStreamNumber <= 127,
                "an ASF stream number 1..127 or 0xFFFF", wDstStreamNumber);
        c.mustHex("wSrcStreamNumber",
                wSrcStreamNumber == NO_STREAM || wSrcStreamNumber >= 1 && wSrcStreamNumber <= 127,
                "an ASF stream number 1..127 or 0xFFFF", wSrcStreamNumber);
    }
}
