package org.mmsspec.client.player;

import static org.mmsspec.client.player.PlayerFault.CHUNK_COUNT_LITERAL;
import static org.mmsspec.client.player.PlayerFault.CHUNK_COUNT_WRONG;
import static org.mmsspec.client.player.PlayerFault.MBZ_NON_ZERO;
import static org.mmsspec.client.player.PlayerFault.MESSAGE_LENGTH_LIES;
import static org.mmsspec.client.player.PlayerFault.PADDING_NON_ZERO;
import static org.mmsspec.client.player.PlayerFault.SEQ_FROM_ONE;
import static org.mmsspec.client.player.PlayerFault.SEQ_SKIPS;
import static org.mmsspec.client.player.PlayerFault.WRONG_MID;
import static org.mmsspec.client.player.PlayerFault.WRONG_REP;
import static org.mmsspec.client.player.PlayerFault.WRONG_SEAL;
import static org.mmsspec.client.player.PlayerFault.WRONG_SESSION_ID;

import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * The player's command packets (MS-MMSP 2.2.3): its own seq from 0, one per packet, and the header as deployed peers
 * write it, unless a fault bends a field. One writer per TCP connection.
 */
final class CommandWriter {

    /** Offset of the first message: its chunkLen. */
    private static final int MESSAGES = 32;
    /** Offset of the MID's direction half (0x0003) in a packet's first message; its type half is before it. */
    private static final int MID_DIRECTION = 32 + 4 + 2;

    private final PlayerConfig config;
    private int seq;
    private int packets;

    CommandWriter(PlayerConfig config) {
        this.config = config;
        this.seq = config.has(SEQ_FROM_ONE) ? 1 : 0;
    }

    byte[] encode(MmsMessage... messages) {
        CommandPacket canonical = CommandPacket.of(seq & 0xFFFF, messages);
        // the first packet stays recognisable, so that the server takes the connection for MMS at all
        boolean later = packets++ > 0;
        seq += config.has(SEQ_SKIPS) ? 2 : 1;
        TcpMessageHeader h = canonical.header();
        long length = h.messageLength() + (later && config.has(MESSAGE_LENGTH_LIES) ? 8 : 0);
        long chunks = config.has(CHUNK_COUNT_LITERAL) ? (h.messageLength() + 16) / 8
                : h.chunkCount() + (config.has(CHUNK_COUNT_WRONG) ? 1 : 0);
        boolean v = config.has(PlayerFault.WRONG_VERSION);
        TcpMessageHeader bent = new TcpMessageHeader(later && config.has(WRONG_REP) ? 2 : h.rep(), v ? 1 : h.version(),
                v ? 1 : h.versionMinor(), config.has(PADDING_NON_ZERO) ? 1 : h.padding(),
                later && config.has(WRONG_SESSION_ID) ? h.sessionId() + 1 : h.sessionId(), length,
                config.has(WRONG_SEAL) ? 0x21534D4DL : h.seal(), chunks, h.seq(),
                config.has(MBZ_NON_ZERO) ? 1 : h.MBZ(), h.timeSent());
        byte[] b = CommandPacketCodec.encode(new CommandPacket(bent, canonical.messages()));
        if (later && config.has(WRONG_MID)) {
            b[MID_DIRECTION - 2] = (byte) 0xFF; // 0x000300FF: no message has that type
            b[MID_DIRECTION - 1] = 0x00;
        }
        if (config.has(PlayerFault.WRONG_CHUNK_LEN)) {
            b[MESSAGES]++;
        }
        if (config.has(PlayerFault.OPEN_FILE_NO_NUL) && messages[0] instanceof LinkViewerToMacOpenFile o
                && o.tokenData().length() == 0) {
            // the NUL and the padding become 'X's: no terminator anywhere in the message
            for (int i = MESSAGES + 8 + 16 + 2 * o.fileName().length(); i + 1 < b.length; i += 2) {
                b[i] = 'X';
                b[i + 1] = 0;
            }
        }
        if (config.has(PlayerFault.MESSAGE_PADDING_NON_ZERO) && messages[0] instanceof LinkViewerToMacOpenFile o) {
            int fields = MESSAGES + 8 + 16 + 2 * (o.fileName().length() + 1) + o.tokenData().length();
            java.util.Arrays.fill(b, Math.min(fields, b.length), b.length, (byte) 0xFF);
        }
        return b;
    }
}
