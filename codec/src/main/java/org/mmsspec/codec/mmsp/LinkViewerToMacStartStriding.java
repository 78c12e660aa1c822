package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client asks for fast forward or rewind (MS-MMSP 2.2.4.26): StartPlaying's fields up to playIncarnation, then a
 * rate in [-5, +5] other than 0. Exactly one of position, asfOffset and locationId gives the start point.
 */
public record LinkViewerToMacStartStriding(long openFileId, long padding, double position, long asfOffset,
        long locationId, long frameOffset, long playIncarnation, double rate) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030028L, "LinkViewerToMacStartStriding", "2.2.4.26",
            LinkViewerToMacStartStriding::decode);

    public static LinkViewerToMacStartStriding of(long openFileId, double position, long playIncarnation,
            double rate) {
        return new LinkViewerToMacStartStriding(openFileId, 0, position, LinkViewerToMacStartPlaying.NOT_USED,
                LinkViewerToMacStartPlaying.NOT_USED, 0, playIncarnation, rate);
    }

    static LinkViewerToMacStartStriding decode(WireReader r) {
        return new LinkViewerToMacStartStriding(r.u32("openFileId"), r.u32("padding"), r.f64("position"),
                r.u32("asfOffset"), r.u32("locationId"), r.u32("frameOffset"), r.u32("playIncarnation"),
                r.f64("rate"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(openFileId).u32(padding).f64(position).u32(asfOffset).u32(locationId).u32(frameOffset)
                .u32(playIncarnation).f64(rate);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("padding", 0, padding);
        LinkViewerToMacStartPlaying.checkPosition(c, position, asfOffset, locationId);
        boolean byPosition = position != Double.MAX_VALUE;
        boolean byAsfOffset = !byPosition && !LinkViewerToMacStartPlaying.unused(asfOffset);
        // a field that does not give the start point must hold 0 or 0xFFFFFFFF
        if (byPosition || !LinkViewerToMacStartPlaying.unused(locationId)) {
            c.mustHex("asfOffset", byAsfOffset || LinkViewerToMacStartPlaying.unused(asfOffset),
                    "0 or 0xFFFFFFFF when another field gives the start point", asfOffset);
        }
        if (byPosition || byAsfOffset) {
            c.mustHex("locationId", LinkViewerToMacStartPlaying.unused(locationId),
                    "0 or 0xFFFFFFFF when another field gives the start point", locationId);
        }
        c.shouldEqual("frameOffset", 0, frameOffset);
        Incarnation.check(c, playIncarnation);
        c.must("rate", rate >= -5 && rate <= 5 && rate != 0, "in [-5, +5], not 0", Double.toString(rate));
    }
}
