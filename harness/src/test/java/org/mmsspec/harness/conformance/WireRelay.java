package org.mmsspec.harness.conformance;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A TCP relay in front of the reference's MMST port that cuts what the server sends into units (command packets and
 * Data packets) and lets a {@link Mutator} change, drop, add or merge them: how the framing cases are shown to catch a
 * fault in bytes that no scenario field can reach (a seal, a seq, an AFFlags). What the client sends passes as is.
 */
final class WireRelay implements AutoCloseable {

    /** Where the server's stream stands when a unit passes. */
    enum Phase {
        /** Before ReportReadBlock. */
        COMMANDS,
        /** After ReportReadBlock, up to the last header fragment: header Data packets. */
        HEADER,
        /** After ReportStartedPlaying or a new entry's header: content Data packets. */
        CONTENT
    }

    /** What the relay knows of the stream so far, kept per connection. */
    static final class State {
        Phase phase = Phase.COMMANDS;
        /** MID of the first message of the latest command packet. */
        long lastMid;
        /** Command packets passed so far. */
        int commands;
        /** ReportStartedPlaying seen so far. */
        int plays;
        /** ReportEndOfStream with hr 1 seen so far: playlist entries ended. */
        int entriesEnded;
        /** Content Data packets passed in the current play (or entry). */
        int content;
    }

    /** Changes one unit; returns the units to send instead (none to drop it). */
    interface Mutator {
        List<byte[]> unit(byte[] unit, boolean command, State s);
    }

    /** Changes one datagram the server sends to the client's UDP port; returns the datagrams to send instead. */
    interface UdpMutator {
        List<byte[]> datagram(byte[] d, int index);
    }

    static final long MID_READ_BLOCK = 0x00040011L;
    static final long MID_STARTED_PLAYING = 0x00040005L;
    static final long MID_END_OF_STREAM = 0x0004001EL;

    private final ServerSocket listener;
    private final int upstream;
    private final Supplier<Mutator> mutators;
    private final UdpMutator udp;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<DatagramSocket> datagramSockets = new ArrayList<>();

    WireRelay(int upstreamPort, Supplier<Mutator> mutators) throws IOException {
        this(upstreamPort, mutators, null);
    }

    /**
     * With {@code udp}, a ConnectFunnel naming a UDP port is rewritten to name a port of the relay's, which passes
     * the server's datagrams on to the client's port through {@code udp}.
     */
    WireRelay(int upstreamPort, Supplier<Mutator> mutators, UdpMutator udp) throws IOException {
        this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.upstream = upstreamPort;
        this.mutators = mutators;
        this.udp = udp;
        Thread t = new Thread(this::accept, "wire-relay");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                client.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                start(() -> copy(client, server, udp == null ? b -> b : this::redirectFunnel));
                Mutator m = mutators.get();
                start(() -> relay(server, client, m));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "wire-relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void copy(Socket from, Socket to, UnaryOperator<byte[]> change) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[16 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(change.apply(Arrays.copyOf(buf, n)));
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other below
        }
        closeQuietly(to);
    }

    /** "\\UDP\\port" in UTF-16LE: the port is swapped for one of the relay's with as many digits. */
    private byte[] redirectFunnel(byte[] b) {
        byte[] marker = "\\UDP\\".getBytes(StandardCharsets.UTF_16LE);
        int at = indexOf(b, marker);
        if (at < 0) {
            return b;
        }
        int from = at + marker.length;
        int end = from;
        while (end + 1 < b.length && b[end] >= '0' && b[end] <= '9' && b[end + 1] == 0) {
            end += 2;
        }
        String digits = new String(b, from, end - from, StandardCharsets.UTF_16LE);
        try {
            DatagramSocket relay = bindWithDigits(digits.length());
            int clientPort = Integer.parseInt(digits);
            start(() -> forward(relay, clientPort));
            byte[] mine = Integer.toString(relay.getLocalPort()).getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(mine, 0, b, from, mine.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    private DatagramSocket bindWithDigits(int digits) throws IOException {
        for (int i = 0; i < 100; i++) {
            DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            if (Integer.toString(d.getLocalPort()).length() == digits) {
                synchronized (sockets) {
                    datagramSockets.add(d);
                }
                return d;
            }
            d.close();
        }
        throw new IOException("no UDP port with " + digits + " digits");
    }

    private void forward(DatagramSocket relay, int clientPort) {
        byte[] buf = new byte[65536];
        InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), clientPort);
        try {
            for (int i = 0; ; i++) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                relay.receive(p);
                for (byte[] d : udp.datagram(Arrays.copyOf(buf, p.getLength()), i)) {
                    relay.send(new DatagramPacket(d, d.length, client));
                }
            }
        } catch (IOException e) {
            // closed with the relay
        }
    }

    private static int indexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= b.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void relay(Socket from, Socket to, Mutator m) {
        State s = new State();
        try (DataInputStream in = new DataInputStream(from.getInputStream());
                OutputStream out = to.getOutputStream()) {
            while (true) {
                byte[] head = new byte[8];
                in.readFully(head);
                boolean command = (head[4] & 0xFF) == 0xCE && (head[5] & 0xFF) == 0xFA && head[6] == 0x0B
                        && (head[7] & 0xFF) == 0xB0;
                int size;
                byte[] unit;
                if (command) {
                    byte[] len = new byte[8];
                    in.readFully(len);
                    size = (int) u32(len, 0) + 16;
                    unit = new byte[size];
                    System.arraycopy(head, 0, unit, 0, 8);
                    System.arraycopy(len, 0, unit, 8, 8);
                    in.readFully(unit, 16, size - 16);
                    track(unit, s);
                } else {
                    size = (head[6] & 0xFF) | (head[7] & 0xFF) << 8;
                    unit = new byte[size];
                    System.arraycopy(head, 0, unit, 0, 8);
                    in.readFully(unit, 8, size - 8);
                }
                for (byte[] b : m.unit(unit, command, s)) {
                    out.write(b);
                }
                out.flush();
                if (!command) {
                    afterData(unit, s);
                }
            }
        } catch (IOException e) {
            // the server closed, or the client went away
        }
        closeQuietly(to);
    }

    private static void track(byte[] unit, State s) {
        s.commands++;
        s.lastMid = unit.length >= 40 ? u32(unit, 36) : 0;
        if (s.lastMid == MID_READ_BLOCK) {
            s.phase = Phase.HEADER;
        } else if (s.lastMid == MID_STARTED_PLAYING) {
            s.phase = Phase.CONTENT;
            s.plays++;
            s.content = 0;
        } else if (s.lastMid == MID_END_OF_STREAM && u32(unit, 40) == 1) {
            s.phase = Phase.HEADER; // over TCP the next entry's header follows at once
            s.entriesEnded++;
        }
    }

    private static void afterData(byte[] unit, State s) {
        if (s.phase == Phase.HEADER) {
            int flags = unit[5] & 0xFF;
            if (flags == 0x0C || flags == 0x08) {
                s.phase = s.plays > 0 ? Phase.CONTENT : Phase.COMMANDS;
                s.content = 0;
            }
        } else if (s.phase == Phase.CONTENT) {
            s.content++;
        }
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    static void putU32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> 8 * i);
        }
    }

    static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly2();
        synchronized (sockets) {
            sockets.forEach(WireRelay::closeQuietly);
            datagramSockets.forEach(DatagramSocket::close);
        }
    }

    private void closeQuietly2() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
