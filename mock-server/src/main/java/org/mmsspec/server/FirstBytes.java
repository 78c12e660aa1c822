package org.mmsspec.server;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * What the first bytes of a TCP connection show. An MMS command packet starts with rep 0x01 and the session id
 * 0xB00BFACE (MS-MMSP 2.2.3); MMSH and RTSP start with a request line ending in HTTP/1.x or RTSP/1.0.
 *
 * @param protocol    the protocol shown, or null where the bytes show none
 * @param needMore    the bytes so far are a prefix of something recognisable
 * @param requestLine the request line of a text protocol, or a short description of an MMS packet
 */
public record FirstBytes(Protocol protocol, boolean needMore, String requestLine) {

    /**
     * Any HTTP method is MMSH's to answer: a method WMSP does not use must get an HTTP error status (MS-WMSP 3.2.5.1),
     * not a reset.
     */
    private static final java.util.regex.Pattern HTTP_METHOD = java.util.regex.Pattern.compile("[A-Z]{1,20}");
    /** Bytes 4..7 of every MMS TCP command packet: the session id 0xB00BFACE, little-endian. */
    private static final byte[] MMS_SESSION_ID = {(byte) 0xCE, (byte) 0xFA, 0x0B, (byte) 0xB0};

    static final FirstBytes MORE = new FirstBytes(null, true, "");

    /** Judges the readable bytes of {@code b} without consuming them. */
    public static FirstBytes of(ByteBuf b) {
        int n = b.readableBytes();
        if (n == 0) {
            return MORE;
        }
        int start = b.readerIndex();
        byte first = b.getByte(start);
        if (first == 0x01) {
            for (int i = 1; i < Math.min(n, 8); i++) {
                if (i >= 4 && b.getByte(start + i) != MMS_SESSION_ID[i - 4]) {
                    return unknown("0x01 not followed by the MMS session id");
                }
            }
            return n < 8 ? MORE : new FirstBytes(Protocol.MMST, false, "MMS command packet");
        }
        if (first < 'A' || first > 'Z') {
            return unknown(String.format("first byte 0x%02X", first & 0xFF));
        }
        int lf = b.indexOf(start, start + n, (byte) '\n');
        if (lf < 0) {
            return MORE;
        }
        String line = b.toString(start, lf - start, StandardCharsets.ISO_8859_1).strip();
        if (line.endsWith(" RTSP/1.0")) {
            return new FirstBytes(Protocol.RTSP, false, line);
        }
        String[] parts = line.split(" ");
        if (parts.length == 3 && HTTP_METHOD.matcher(parts[0]).matches() && parts[2].matches("HTTP/\\d\\.\\d")) {
            return new FirstBytes(Protocol.MMSH, false, line);
        }
        return unknown("request line " + abbreviate(line));
    }

    static FirstBytes unknown(String why) {
        return new FirstBytes(null, false, why);
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? "'" + s + "'" : "'" + s.substring(0, 117) + "...'";
    }
}
