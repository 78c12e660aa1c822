package org.mmsspec.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.FramingHeader;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.PacketType;

/**
 * One Play response read as it arrives (MS-WMSP 2.2.3): the HTTP head, then $-framed packets. Only the first bytes of
 * each packet are kept, enough to reach a $D's ASF Send Time, so a thousand sessions cost a few KiB: what it keeps
 * is how much content time the $D packets have covered, to tell a session that falls behind real time.
 */
final class MmshPlayReader {

    private static final int HEAD_LIMIT = 16 * 1024;
    /** No $P is asked for (no packet-pair experiment), so every packet is sized by its PacketLength. */
    private static final int NO_PAIR = 3;
    /** Framing header, MMS Data packet header, and the longest payload parsing information up to Send Time's end. */
    private static final int PREFIX = FramingHeader.SIZE + DataPacket.HEADER_SIZE + 40;

    private final byte[] head = new byte[HEAD_LIMIT];
    private int headLength;
    private boolean headDone;
    private final byte[] prefix = new byte[PREFIX];
    private int frameSize = -1;
    private int consumed;
    private long previousSendTime = -1;
    private long contentMs;
    private long dataPackets;
    private boolean ended;
    private String failure;

    /** Reads what {@code bytes} holds; afterwards see {@link #failure()}. */
    void read(ByteBuffer bytes) {
        while (bytes.hasRemaining() && failure == null) {
            if (!headDone) {
                readHead(bytes);
            } else {
                readFrame(bytes);
            }
        }
    }

    private void readHead(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            if (headLength == HEAD_LIMIT) {
                failure = "no end of the HTTP head in " + HEAD_LIMIT + " bytes";
                return;
            }
            head[headLength++] = bytes.get();
            if (headLength >= 4 && head[headLength - 4] == '\r' && head[headLength - 3] == '\n'
                    && head[headLength - 2] == '\r' && head[headLength - 1] == '\n') {
                headDone = true;
                String status = new String(head, 0, headLength, StandardCharsets.ISO_8859_1).lines().findFirst()
                        .orElse("");
                if (!status.matches("HTTP/1\\.[01] 200 .*")) {
                    failure = "answered '" + status + "'";
                }
                return;
            }
        }
    }

    private void readFrame(ByteBuffer bytes) {
        if (frameSize < 0) {
            prefix[consumed++] = bytes.get();
            if (consumed == FramingHeader.SIZE) {
                if ((prefix[0] & 0x7F) != FramingHeader.FRAME) {
                    failure = String.format("not an MMSH packet: first byte 0x%02X after %d $D", prefix[0],
                            dataPackets);
                    return;
                }
                frameSize = MmshFrameCodec.frameSize(prefix, 0, FramingHeader.SIZE, NO_PAIR);
            }
            return;
        }
        int kept = Math.min(frameSize, PREFIX);
        if (consumed < kept) {
            int n = Math.min(kept - consumed, bytes.remaining());
            bytes.get(prefix, consumed, n);
            consumed += n;
        } else {
            int n = Math.min(frameSize - consumed, bytes.remaining());
            bytes.position(bytes.position() + n);
            consumed += n;
        }
        if (consumed == frameSize) {
            packet(kept);
            frameSize = -1;
            consumed = 0;
        }
    }

    private void packet(int kept) {
        int type = prefix[1];
        if (type == PacketType.H.id()) {
            previousSendTime = -1; // a new header (VLC's at each loop of its file): send times start again
        } else if (type == PacketType.E.id()) {
            ended = true;
        } else if (type == PacketType.D.id()) {
            dataPackets++;
            int asf = FramingHeader.SIZE + DataPacket.HEADER_SIZE;
            long sendTime = AsfSendTime.of(prefix, asf, kept - asf);
            if (sendTime >= 0) {
                if (previousSendTime >= 0 && sendTime > previousSendTime) {
                    contentMs += sendTime - previousSendTime;
                }
                previousSendTime = sendTime;
            }
        }
    }

    /** Milliseconds of content the $D packets have spanned, summed over every header's run of send times. */
    long contentMs() {
        return contentMs;
    }

    long dataPackets() {
        return dataPackets;
    }

    /** Whether the server sent $E: the content ended (a stream ended inside the window cannot keep up). */
    boolean ended() {
        return ended;
    }

    /** Why this response cannot be read on, or null. */
    String failure() {
        return failure;
    }
}
