package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/** $C: the server moves to another entry of a server-side playlist (MS-WMSP 2.2.3.2). */
public record MmshChange(FramingHeader framing, long Reason) implements MmshPacket {

    /** Reason when the playlist is streamed backwards, to the previous entry. */
    public static final long NS_I_PLAYLIST_CHANGE_RECEDING = 0x400D14BEL;

    public static MmshChange of(long reason) {
        return new MmshChange(FramingHeader.of(PacketType.C, 4), reason);
    }

    @Override
    public PacketType type() {
        return PacketType.C;
    }

    @Override
    public void check(Checks c) {
        c.mustEqual("PacketLength", 4, framing.PacketLength());
        c.should("Reason", Reason == 0 || Reason == NS_I_PLAYLIST_CHANGE_RECEDING, "0x0 or 0x400D14BE",
                Checks.hex(Reason));
    }

    @Override
    public void writeBody(WireWriter w) {
        w.u32(Reason);
    }
}
