package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client asks for streaming at the normal rate (MS-MMSP 2.2.4.25). Only chunkLen says which optional fields are
 * there, so {@code optionalFields} holds how many follow playIncarnation: 0 (chunkLen 5), 2 (dwAccelBandwidth and
 * dwAccelDuration, chunkLen 6) or 3 (with dwLinkBandwidth, chunkLen 7); absent fields hold 0. One field alone cannot
 * be written: the spec pairs the first two.
 */
public record LinkViewerToMacStartPlaying(long openFileId, long padding, double position, long asfOffset,
        long locationId, long frameOffset, long playIncarnation, int optionalFields, long dwAccelBandwidth,
        long dwAccelDuration, long dwLinkBandwidth) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030007L, "LinkViewerToMacStartPlaying", "2.2.4.25",
            LinkViewerToMacStartPlaying::decode);

    /** asfOffset and locationId values meaning "not the start point". */
    public static final long NOT_USED = 0xFFFFFFFFL;

    public LinkViewerToMacStartPlaying {
        if (optionalFields != 0 && optionalFields != 2 && optionalFields != 3) {
            throw new IllegalArgumentException("optionalFields must be 0, 2 or 3: " + optionalFields);
        }
        if (optionalFields < 2 && (dwAccelBandwidth != 0 || dwAccelDuration != 0)
                || optionalFields < 3 && dwLinkBandwidth != 0) {
            throw new IllegalArgumentException("an absent optional field must hold 0");
        }
    }

    /** From a position in seconds to the end, without the optional fields. */
    public static LinkViewerToMacStartPlaying of(long openFileId, double position, long playIncarnation) {
        return new LinkViewerToMacStartPlaying(openFileId, 0, position, NOT_USED, NOT_USED, 0, playIncarnation, 0, 0,
                0, 0);
    }

    static LinkViewerToMacStartPlaying decode(WireReader r) {
        long id = r.u32("openFileId");
        long pad = r.u32("padding");
        double position = r.f64("position");
        long asf = r.u32("asfOffset");
        long loc = r.u32("locationId");
        long frame = r.u32("frameOffset");
        long inc = r.u32("playIncarnation");
        // 8 bytes left: the accel pair; 16: all three and 4 padding bytes
        int n = r.remaining() >= 12 ? 3 : r.remaining() >= 8 ? 2 : 0;
        long accelBandwidth = n >= 2 ? r.u32("dwAccelBandwidth") : 0;
        long accelDuration = n >= 2 ? r.u32("dwAccelDuration") : 0;
        long link = n == 3 ? r.u32("dwLinkBandwidth") : 0;
        return new LinkViewerToMacStartPlaying(id, pad, position, asf, loc, frame, inc, n, accelBandwidth,
                accelDuration, link);
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(openFileId).u32(padding).f64(position).u32(asfOffset).u32(locationId).u32(frameOffset)
                .u32(playIncarnation);
        if (optionalFields >= 2) {
            w.u32(dwAccelBandwidth).u32(dwAccelDuration);
        }
        if (optionalFields == 3) {
            w.u32(dwLinkBandwidth);
        }
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("padding", 0, padding);
        checkPosition(c, position, asfOffset, locationId);
        Incarnation.check(c, playIncarnation);
    }

    static boolean unused(long v) {
        return v == 0 || v == NOT_USED;
    }

    /** position is seconds from 0 or DBL_MAX, and DBL_MAX hands the start point to asfOffset or locationId. */
    static void checkPosition(Checks c, double position, long asfOffset, long locationId) {
        c.must("position", position == Double.MAX_VALUE || position >= 0 && Double.isFinite(position),
                "seconds from the start (>= 0) or DBL_MAX", Double.toString(position));
        if (position == Double.MAX_VALUE) {
            c.must("position", !unused(asfOffset) || !unused(locationId),
                    "DBL_MAX only with an asfOffset or locationId start point", "both 0 or 0xFFFFFFFF");
        }
    }
}
