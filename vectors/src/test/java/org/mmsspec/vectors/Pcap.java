package org.mmsspec.vectors;

import java.io.ByteArrayOutputStream;

/**
 * Builds a classic pcap file of one TCP connection on loopback addresses, one segment per payload, so that an
 * independent dissector can read what the codec wrote. No handshake is needed: Wireshark dissects mid-stream.
 */
final class Pcap {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private int frames;

    Pcap() {
        le32(0xA1B2C3D4L); // magic, microsecond timestamps
        le16(2);
        le16(4);
        le32(0);
        le32(0);
        le32(262144);
        le32(1); // LINKTYPE_ETHERNET
    }

    /** Appends one segment from client (port 40000) to server ({@code serverPort}) or back. */
    Pcap segment(boolean fromClient, int serverPort, byte[] payload) {
        int ipLen = 20 + 20 + payload.length;
        byte[] f = new byte[14 + ipLen];
        f[12] = 0x08; // IPv4
        int ip = 14;
        f[ip] = 0x45;
        f[ip + 2] = (byte) (ipLen >> 8);
        f[ip + 3] = (byte) ipLen;
        f[ip + 8] = 64;
        f[ip + 9] = 6; // TCP
        byte[] src = {127, 0, 0, (byte) (fromClient ? 2 : 1)};
        byte[] dst = {127, 0, 0, (byte) (fromClient ? 1 : 2)};
        System.arraycopy(src, 0, f, ip + 12, 4);
        System.arraycopy(dst, 0, f, ip + 16, 4);
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (f[ip + i] & 0xFF) << 8 | (f[ip + i + 1] & 0xFF);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        f[ip + 10] = (byte) (sum >> 8);
        f[ip + 11] = (byte) sum;
        int tcp = ip + 20;
        int sport = fromClient ? 40000 : serverPort;
        int dport = fromClient ? serverPort : 40000;
        be16(f, tcp, sport);
        be16(f, tcp + 2, dport);
        long seq = fromClient ? clientSeq : serverSeq;
        long ack = fromClient ? serverSeq : clientSeq;
        be32(f, tcp + 4, seq);
        be32(f, tcp + 8, ack);
        f[tcp + 12] = 0x50;
        f[tcp + 13] = 0x18; // PSH, ACK
        be16(f, tcp + 14, 65535);
        System.arraycopy(payload, 0, f, tcp + 20, payload.length);
        if (fromClient) {
            clientSeq += payload.length;
        } else {
            serverSeq += payload.length;
        }
        frames++;
        le32(frames);
        le32(0);
        le32(f.length);
        le32(f.length);
        out.writeBytes(f);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void le16(int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private void le32(long v) {
        le16((int) v & 0xFFFF);
        le16((int) (v >>> 16) & 0xFFFF);
    }

    private static void be16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static void be32(byte[] b, int at, long v) {
        be16(b, at, (int) (v >>> 16) & 0xFFFF);
        be16(b, at + 2, (int) v & 0xFFFF);
    }
}
