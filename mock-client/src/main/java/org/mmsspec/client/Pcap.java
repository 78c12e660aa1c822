package org.mmsspec.client;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.mmsspec.codec.Direction;

/**
 * A classic pcap file (Ethernet, IPv4, TCP) built from bytes a client sent and received, so that Wireshark and tshark
 * can show them: the frames are synthesised, the payloads and ports are the real ones. Sequence and acknowledgement
 * numbers follow the payloads, so the stream reassembles as it crossed the socket.
 */
public final class Pcap {

    /** Payload of one frame at most: an IPv4 packet holds 65535 bytes with its headers. */
    static final int MAX_SEGMENT = 65_000;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;
    private static final int FIN_ACK = 0x11;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Pcap() {
        le32(0xA1B2C3D4L); // magic: microsecond timestamps
        le16(2);
        le16(4);
        le32(0);
        le32(0);
        le32(262_144); // snaplen
        le32(1); // LINKTYPE_ETHERNET
    }

    /** One TCP connection; nothing is written until its first segment (or {@link Flow#open}). */
    public Flow flow(Inet4Address client, int clientPort, Inet4Address server, int serverPort) {
        return new Flow(client.getAddress(), clientPort, server.getAddress(), serverPort);
    }

    /**
     * Every TCP connection of {@code t}, each from its connect event to the next one: handshake, the units in order,
     * and a close. UDP datagrams are left out (their ports are not in the transcript).
     */
    public Pcap add(Transcript t) {
        Flow flow = null;
        Instant last = Instant.EPOCH;
        for (TranscriptEntry e : t.entries()) {
            last = e.wall();
            var connection = e.connection();
            if (connection.isPresent()) {
                if (flow != null) {
                    flow.close(last);
                }
                Transcript.Connection c = connection.get();
                Inet4Address server = address(c.host());
                flow = flow(server.isLoopbackAddress() ? server : address("192.0.2.2"), c.localPort(), server,
                        c.port()).open(last);
            } else if (flow != null && e.direction() != null && e.kind() != TranscriptEntry.Kind.UDP_DATA
                    && e.raw().length() > 0) {
                flow.segment(e.direction() == Direction.C2S, last, e.raw().toArray());
            }
        }
        if (flow != null) {
            flow.close(last);
        }
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** An IPv4 literal as given; a host name stands as 192.0.2.1 (a documentation address): no lookup is made. */
    public static Inet4Address address(String host) {
        try {
            if (IPV4.matcher(host).matches() && InetAddress.getByName(host) instanceof Inet4Address a) {
                return a;
            }
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host, e);
        }
    }

    /** The two directions of one connection and where each stands in its sequence space. */
    public final class Flow {
        private final byte[] client;
        private final int clientPort;
        private final byte[] server;
        private final int serverPort;
        private long clientSeq = 1000;
        private long serverSeq = 5000;

        private Flow(byte[] client, int clientPort, byte[] server, int serverPort) {
            this.client = client;
            this.clientPort = clientPort;
            this.server = server;
            this.serverPort = serverPort;
        }

        /** The three-way handshake. */
        public Flow open(Instant at) {
            frame(true, at, SYN, new byte[0]);
            clientSeq++;
            frame(false, at, SYN | ACK, new byte[0]);
            serverSeq++;
            frame(true, at, ACK, new byte[0]);
            return this;
        }

        /** {@code payload} from the client (or the server), in segments of at most {@link #MAX_SEGMENT} bytes. */
        public Flow segment(boolean fromClient, Instant at, byte[] payload) {
            for (int from = 0; from < payload.length; from += MAX_SEGMENT) {
                byte[] part = Arrays.copyOfRange(payload, from, Math.min(payload.length, from + MAX_SEGMENT));
                frame(fromClient, at, PSH_ACK, part);
                if (fromClient) {
                    clientSeq += part.length;
                } else {
                    serverSeq += part.length;
                }
            }
            return this;
        }

        /** FIN from the client, FIN from the server, the last ACK. */
        public Flow close(Instant at) {
            frame(true, at, FIN_ACK, new byte[0]);
            clientSeq++;
            frame(false, at, FIN_ACK, new byte[0]);
            serverSeq++;
            frame(true, at, ACK, new byte[0]);
            return this;
        }

        private void frame(boolean fromClient, Instant at, int flags, byte[] payload) {
            int ipLen = 20 + 20 + payload.length;
            byte[] f = new byte[14 + ipLen];
            f[12] = 0x08; // EtherType IPv4
            int ip = 14;
            f[ip] = 0x45;
            be16(f, ip + 2, ipLen);
            f[ip + 6] = 0x40; // don't fragment
            f[ip + 8] = 64;
            f[ip + 9] = 6; // TCP
            System.arraycopy(fromClient ? client : server, 0, f, ip + 12, 4);
            System.arraycopy(fromClient ? server : client, 0, f, ip + 16, 4);
            be16(f, ip + 10, checksum(f, ip, 20, 0));
            int tcp = ip + 20;
            be16(f, tcp, fromClient ? clientPort : serverPort);
            be16(f, tcp + 2, fromClient ? serverPort : clientPort);
            be32(f, tcp + 4, fromClient ? clientSeq : serverSeq);
            boolean acks = (flags & ACK) != 0;
            be32(f, tcp + 8, !acks ? 0 : fromClient ? serverSeq : clientSeq);
            f[tcp + 12] = 0x50; // 20-byte header
            f[tcp + 13] = (byte) flags;
            be16(f, tcp + 14, 65535);
            System.arraycopy(payload, 0, f, tcp + 20, payload.length);
            be16(f, tcp + 16, tcpChecksum(f, ip, 20 + payload.length));
            long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
            le32(micros / 1_000_000);
            le32(micros % 1_000_000);
            le32(f.length);
            le32(f.length);
            out.writeBytes(f);
        }
    }

    /** The TCP checksum over the IPv4 pseudo-header and the segment, so that tshark flags no bad checksums. */
    private static int tcpChecksum(byte[] f, int ip, int tcpLength) {
        int pseudo = 0;
        for (int i = 12; i < 20; i += 2) {
            pseudo += (f[ip + i] & 0xFF) << 8 | (f[ip + i + 1] & 0xFF);
        }
        pseudo += 6 + tcpLength;
        return checksum(f, ip + 20, tcpLength, pseudo);
    }

    private static int checksum(byte[] b, int from, int length, int initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = b[from + i] & 0xFF;
            int lo = i + 1 < length ? b[from + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) ~sum & 0xFFFF;
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
