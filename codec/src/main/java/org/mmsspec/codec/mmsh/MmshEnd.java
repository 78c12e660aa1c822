package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/**
 * $E: the last $D of the content has gone (MS-WMSP 2.2.3.4). Reason is an HRESULT; any value is allowed, three have a
 * meaning of their own.
 */
public record MmshEnd(FramingHeader framing, long Reason) implements MmshPacket {

    /** Done: no more $D until the next Play. */
    public static final long S_OK = 0;
    /** This playlist entry is done; a $C follows. */
    public static final long S_FALSE = 1;
    /** Rewinding reached the start of the entry. */
    public static final long NS_S_EOS_RECEDING = 0x000D2F09L;

    public static MmshEnd of(long reason) {
        return new MmshEnd(FramingHeader.of(PacketType.E, 4), reason);
    }

    @Override
    public PacketType type() {
        return PacketType.E;
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("PacketLength", 4, framing.PacketLength());
    }

    @Override
    public void writeBody(WireWriter w) {
        w.u32(Reason);
    }
}
