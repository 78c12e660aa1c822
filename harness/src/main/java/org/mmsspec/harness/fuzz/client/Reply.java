package org.mmsspec.harness.fuzz.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.mmsspec.codec.mmsp.MessageType;
import org.mmsspec.codec.mmsp.MessageTypes;
import org.mmsspec.harness.fuzz.FuzzState;

/**
 * What one write of the mock server is, told from its undamaged bytes: a command packet by its MID (MS-MMSP 2.2.4),
 * a Data packet of the header or of the content (2.2.2), an MMSH response head or a framed packet ($H, $D, $E...,
 * MS-WMSP 2.2.3). The state is the one the client must have reached for the server to send it, or null where the
 * write says nothing about that (a Ping, chunk framing).
 *
 * @param name     the message's name, as reproducers and finding keys show it
 * @param state    the state it belongs to, or null
 * @param endOfStream whether it tells the client that nothing more comes (ReportEndOfStream with hr 0 or $E)
 */
record Reply(String name, FuzzState state, boolean endOfStream) {

    /** MS-MMSP 2.2.3: the sessionId 0xB00BFACE every command packet carries at offset 4. */
    private static final int SESSION_ID = 0xB00BFACE;
    /** The MID of a packet's first message: after the 32-byte TcpMessageHeader and its chunkLen. */
    private static final int MID_OFFSET = 36;

    private static final Map<String, FuzzState> STATES = Map.of(
            "LinkMacToViewerReportConnectedEX", FuzzState.CONNECTED,
            "LinkMacToViewerReportConnectedFunnel", FuzzState.FUNNEL,
            "LinkMacToViewerReportOpenFile", FuzzState.OPENED,
            "LinkMacToViewerReportReadBlock", FuzzState.READ_BLOCK,
            "LinkMacToViewerReportStartedPlaying", FuzzState.PLAYING,
            "LinkMacToViewerReportEndOfStream", FuzzState.END_OF_STREAM);

    static boolean isCommand(byte[] b) {
        return b.length >= MID_OFFSET + 4 && u32(b, 4) == SESSION_ID;
    }

    /**
     * @param http      the connection speaks MMSH
     * @param play      an MMSH connection that carries a Play request (Pragma xPlayStrm=1)
     * @param streaming an MMST connection past ReportStartedPlaying, so that Data packets carry content
     */
    static Reply of(byte[] b, boolean http, boolean play, boolean streaming) {
        if (http) {
            if (startsWith(b, "HTTP/")) {
                return play ? new Reply("MMSH Play response head", FuzzState.MMSH_PLAY, false)
                        : new Reply("MMSH Describe response head", FuzzState.MMSH_DESCRIBE, false);
            }
            if (b.length >= 4 && b[0] == '$') {
                char type = (char) b[1];
                FuzzState s = !play ? FuzzState.MMSH_DESCRIBE
                        : type == 'D' ? FuzzState.MMSH_STREAMING : FuzzState.MMSH_PLAY;
                return new Reply("$" + type, s, play && type == 'E');
            }
            return new Reply("MMSH chunk framing", null, false);
        }
        if (isCommand(b)) {
            long mid = u32(b, MID_OFFSET) & 0xFFFFFFFFL;
            MessageType t = MessageTypes.byMid(mid);
            String name = t == null ? String.format("command packet MID 0x%08X", mid) : t.name();
            // ReportEndOfStream: hr right after the MID; 0 says the entry ended (2.2.4.5)
            boolean end = name.equals("LinkMacToViewerReportEndOfStream") && b.length >= 44 && u32(b, 40) == 0;
            return new Reply(name, STATES.get(name), end);
        }
        return streaming ? new Reply("Data packet", FuzzState.STREAMING, false)
                : new Reply("header Data packet", FuzzState.READ_BLOCK, false);
    }

    static boolean startsWith(byte[] b, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        if (b.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
