package org.mmsspec.server.mmsh;

import java.util.Optional;

import org.mmsspec.server.asf.AsfFile;

/**
 * Where a Play request starts (MS-WMSP 3.2.5.6): a stream-time other than 0 and 4294967295 wins, then a packet-num
 * other than 4294967295, then a stream-offset not 4294967295:4294967295, then stream-time 0 (the start).
 */
public sealed interface StartPosition {

    long UNSET = 0xFFFF_FFFFL;

    /** Milliseconds of content time. */
    record StreamTime(long millis) implements StartPosition {
    }

    /** An ASF packet number. */
    record PacketNum(long packet) implements StartPosition {
    }

    /** A byte offset into the ASF file, which should be a packet start. */
    record StreamOffset(long offset) implements StartPosition {
    }

    StartPosition START = new StreamTime(0);

    static StartPosition of(PragmaTokens p) {
        Optional<Long> time = p.u32(PragmaTokens.STREAM_TIME);
        if (time.isPresent() && time.get() != 0 && time.get() != UNSET) {
            return new StreamTime(time.get());
        }
        Optional<Long> num = p.u32(PragmaTokens.PACKET_NUM);
        if (num.isPresent() && num.get() != UNSET) {
            return new PacketNum(num.get());
        }
        Optional<String> off = p.get(PragmaTokens.STREAM_OFFSET);
        if (off.isPresent()) {
            String[] hl = off.get().split(":", -1);
            if (hl.length == 2) {
                Optional<Long> hi = PragmaTokens.parseU32(hl[0].strip());
                Optional<Long> lo = PragmaTokens.parseU32(hl[1].strip());
                if (hi.isPresent() && lo.isPresent() && !(hi.get() == UNSET && lo.get() == UNSET)) {
                    return new StreamOffset(hi.get() << 32 | lo.get());
                }
            }
        }
        return START;
    }

    /**
     * The index of the first packet to send, by the same rules as MMS seeking ({@link AsfFile#packetForTime},
     * {@link AsfFile#packetForOffset}). May be the packet count, where the position lies past the end.
     */
    default int firstPacket(AsfFile file) {
        if (this instanceof PacketNum p) {
            return (int) Math.min(p.packet(), file.packetCount());
        }
        if (this instanceof StreamOffset o) {
            return file.packetForOffset(o.offset());
        }
        return file.packetForTime(((StreamTime) this).millis() / 1000.0);
    }
}
