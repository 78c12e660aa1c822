package org.mmsspec.server.mmsh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.MmshPacketPair;

/** The MMSH packets a response body is made of (MS-WMSP 2.2.3), built with the codec's records. */
final class MmshFrames {

    /** An MMS data packet is at most 65,535 bytes, its 8-byte header included (2.2.3.1.2). */
    static final int MAX_PIECE = 65_535 - DataPacket.HEADER_SIZE;
    static final int FIRST = 0x04;
    static final int MIDDLE = 0x00;
    static final int LAST = 0x08;

    private MmshFrames() {
    }

    /**
     * An object ($H's ASF header, $M's metadata) split into MMS data packets: LocationId 0, 1, 2...; AFFlags 0x04
     * first, 0x00 between, 0x08 last, and {@code onlyFlag} (0x0C, or 0x08 as a fault) where one piece holds it all.
     */
    static List<DataPacket> pieces(byte[] object, int onlyFlag) {
        List<DataPacket> out = new ArrayList<>();
        int count = Math.max(1, (object.length + MAX_PIECE - 1) / MAX_PIECE);
        for (int i = 0; i < count; i++) {
            int from = i * MAX_PIECE;
            int to = Math.min(object.length, from + MAX_PIECE);
            int flags = count == 1 ? onlyFlag : i == 0 ? FIRST : i == count - 1 ? LAST : MIDDLE;
            out.add(DataPacket.of(i, 0, flags, Bytes.view(object, from, to - from)));
        }
        return out;
    }

    static List<MmshPacket> header(byte[] asfHeader, int onlyFlag) {
        return pieces(asfHeader, onlyFlag).stream().<MmshPacket>map(MmshHeader::of).toList();
    }

    /** $M: playlist-gen-id, broadcast-id 0 (not live) and the features, NUL, no CDL (2.2.3.6). */
    static List<MmshPacket> metadata(long playlistGenId, String features, int onlyFlag) {
        byte[] text = (playlistGenId + ", broadcast-id=0, features=\"" + features + "\"\0")
                .getBytes(StandardCharsets.US_ASCII);
        return pieces(text, onlyFlag).stream().<MmshPacket>map(MmshMetadata::of).toList();
    }

    /** The three $P of a Describe body whose HTTP header is {@code headerBytes} long (2.2.3.7), random-filled. */
    static List<MmshPacket> packetPair(int headerBytes, RandomGenerator random) {
        byte[] fill = new byte[MmshPacketPair.LONG_LENGTH + MmshPacketPair.SHORT_LENGTH];
        random.nextBytes(fill);
        List<MmshPacket> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(MmshPacketPair.of(i, headerBytes, fill));
        }
        return out;
    }

    static String name(MmshPacket p) {
        return "$" + p.type().name();
    }
}
