package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Sends the steps of one session over plain sockets and reads just enough of the replies to honour each
 * {@link Step.Await}: for MMST the framing of MS-MMSP 3.1.5.2 (a command packet is 16 bytes plus messageLength, with
 * its MID at offset 36; a Data packet is PacketSize bytes, the u16 at offset 6), for MMSH a response head and then
 * the $-frames of MS-WMSP 2.2.3. Nothing is kept of the bytes read: a campaign runs thousands of sessions a second.
 * Sockets close with SO_LINGER 0 (a reset), so that no TIME_WAIT piles up on the ephemeral ports.
 *
 * <p>One wire per lane; not thread-safe.
 */
final class Wire {

    static final int PING = 0x0004001B;
    private static final int SLOW_CHUNK = 4;
    /**
     * Between slow writes: long enough that each write is its own segment and its own read on a loopback peer, short
     * enough that a slow session does not cost milliseconds per message.
     */
    private static final long SLOW_PAUSE_NANOS = 200_000;
    /** A response head longer than this is not one. */
    private static final int MAX_HEAD = 65536;

    /**
     * What one session met.
     *
     * @param refused   a fresh connection was refused (or failed to open)
     * @param stalled   an await (or a connect) got nothing within the timeout
     * @param awaitsMet every await was satisfied
     * @param deepest   the deepest MMST state the replies showed
     * @param heads     MMSH response heads read
     * @param detail    what went wrong, for a reader; empty when nothing did
     */
    record Outcome(boolean refused, boolean stalled, boolean awaitsMet, FuzzState deepest, int heads,
            String detail) {
    }

    private final int timeoutMillis;
    private final byte[] buf = new byte[65536];
    private final List<Conn> conns = new ArrayList<>();
    private FuzzState deepest;
    private int heads;

    Wire(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs {@code steps} against the address {@code address} gives for the transport.
     *
     * @param drain after the last step, half-close every connection and read until the server closes it (bounded),
     *              so that the server has taken in every byte before the caller probes it: replays need that,
     *              the campaign's hot path does not
     */
    Outcome run(SessionPlan.Transport transport, List<Step> steps,
            Function<SessionPlan.Transport, InetSocketAddress> address, boolean drain) {
        boolean mmsh = transport == SessionPlan.Transport.MMSH;
        deepest = FuzzState.START;
        heads = 0;
        boolean met = true;
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                Conn c = conn(s.connection(), mmsh, transport, address);
                if (c.closed) {
                    met &= s.await() == Step.Await.NOTHING;
                    continue;
                }
                write(c, s);
                if (!await(c, s.await())) {
                    met = false;
                }
            }
            if (drain) {
                drain();
            }
            return new Outcome(false, false, met, deepest, heads, "");
        } catch (Refused e) {
            return new Outcome(true, false, false, deepest, heads, e.getMessage());
        } catch (SocketTimeoutException e) {
            return new Outcome(false, true, false, deepest, heads, "no answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, false, deepest, heads, "interrupted");
        } finally {
            closeAll();
        }
    }

    private Conn conn(int index, boolean mmsh, SessionPlan.Transport transport,
            Function<SessionPlan.Transport, InetSocketAddress> address) throws Refused, SocketTimeoutException {
        while (conns.size() <= index) {
            conns.add(null);
        }
        Conn c = conns.get(index);
        if (c == null) {
            c = new Conn(open(address.apply(transport)), mmsh);
            conns.set(index, c);
        }
        return c;
    }

    private Socket open(InetSocketAddress address) throws Refused, SocketTimeoutException {
        Socket s = new Socket(Proxy.NO_PROXY); // a direct connection: no proxy selector consulted per session
        try {
            s.setTcpNoDelay(true);
            s.setSoLinger(true, 0);
            s.setSoTimeout(timeoutMillis);
            s.connect(address, timeoutMillis);
            return s;
        } catch (SocketTimeoutException e) {
            close(s);
            throw e; // a full backlog: the server no longer accepts
        } catch (ConnectException e) {
            close(s);
            throw new Refused("connect to " + address + " refused");
        } catch (IOException e) {
            close(s);
            throw new Refused("connect to " + address + " failed: " + e.getMessage());
        }
    }

    private static void write(Conn c, Step s) throws InterruptedException {
        byte[] b = s.wire();
        try {
            switch (s.segmenting()) {
                case WHOLE -> c.out.write(b);
                case ONE_BYTE -> {
                    for (int i = 0; i < b.length; i++) {
                        c.out.write(b, i, 1);
                    }
                }
                case SLOW -> {
                    for (int i = 0; i < b.length; i += SLOW_CHUNK) {
                        if (i > 0) {
                            LockSupport.parkNanos(SLOW_PAUSE_NANOS);
                            if (Thread.interrupted()) {
                                throw new InterruptedException();
                            }
                        }
                        c.out.write(b, i, Math.min(SLOW_CHUNK, b.length - i));
                    }
                }
            }
        } catch (IOException e) {
            c.closed = true; // the server closed this connection: its own verdict on the bytes, not a finding
        }
    }

    /** Reads until {@code a} is satisfied; false when the server closed first. */
    private boolean await(Conn c, Step.Await a) throws SocketTimeoutException {
        while (!c.satisfied(a)) {
            if (c.closed) {
                return false;
            }
            read(c);
        }
        return true;
    }

    private void read(Conn c) throws SocketTimeoutException {
        try {
            int n = c.in.read(buf);
            if (n < 0) {
                c.closed = true;
            } else {
                c.feed(buf, n, this);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            c.closed = true;
        }
    }

    private void drain() throws SocketTimeoutException {
        for (Conn c : conns) {
            if (c == null || c.closed) {
                continue;
            }
            try {
                c.socket.shutdownOutput();
                while (!c.closed) {
                    read(c);
                }
            } catch (SocketTimeoutException e) {
                // a server may keep a half-closed connection open: it has read our bytes all the same
            } catch (IOException e) {
                c.closed = true;
            }
        }
    }

    private void closeAll() {
        for (Conn c : conns) {
            if (c != null) {
                close(c.socket);
            }
        }
        conns.clear();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing with a reset: nothing left to say
        }
    }

    void reached(FuzzState s) {
        if (s.compareTo(deepest) > 0) {
            deepest = s;
        }
    }

    void head() {
        heads++;
    }

    /** A connection could not be opened. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** One connection and the framing state of what it has read. */
    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final boolean mmsh;
        boolean closed;
        /** The start of the unit being read: 8 bytes tell MMST's kind and size, 40 hold a command's MID. */
        private final byte[] head = new byte[40];
        private int fill;
        private int need;
        private long skip;
        /** What follows a command packet's first {@code need} bytes; -1 until its messageLength is read. */
        private long rest = -1;
        /** MMSH: inside a response head, and how much of CRLF CRLF has been seen. */
        private boolean inHead;
        private int crlf;
        private int headLength;
        /** What arrived and no await has taken yet. */
        private int replies;
        private boolean readBlock;
        private boolean headerData;
        private boolean started;
        private boolean contentData;
        private boolean endOfStream;
        private boolean frameH;
        private boolean frameD;
        private boolean frameE;

        Conn(Socket socket, boolean mmsh) throws Refused {
            this.socket = socket;
            this.mmsh = mmsh;
            try {
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                close(socket);
                throw new Refused("connection lost at once: " + e.getMessage());
            }
        }

        boolean satisfied(Step.Await a) {
            return switch (a) {
                case NOTHING -> true;
                case REPLY -> {
                    if (replies == 0) {
                        yield false;
                    }
                    replies--;
                    yield true;
                }
                case HEADER -> take(mmsh ? frameH : readBlock && headerData);
                case DATA -> take(mmsh ? frameD : started && contentData);
                case END -> take(mmsh ? frameE || closed : endOfStream);
            };
        }

        /** An await that needs more than one reply takes everything before it too. */
        private boolean take(boolean ok) {
            if (ok) {
                replies = 0;
                readBlock = headerData = started = contentData = endOfStream = frameH = frameD = frameE = false;
            }
            return ok;
        }

        void feed(byte[] b, int n, Wire w) {
            int i = 0;
            while (i < n && !closed) {
                if (skip > 0) {
                    int k = (int) Math.min(skip, n - i);
                    skip -= k;
                    i += k;
                } else if (inHead) {
                    i = scanHead(b, i, n, w);
                } else if (mmsh && fill == 0 && b[i] != '$') {
                    inHead = true;
                    crlf = 0;
                    headLength = 0;
                } else {
                    int want = need == 0 ? (mmsh ? 4 : 8) : need;
                    int k = Math.min(want - fill, n - i);
                    System.arraycopy(b, i, head, fill, k);
                    fill += k;
                    i += k;
                    if (fill == want) {
                        unit(w);
                    }
                }
            }
        }

        private int scanHead(byte[] b, int i, int n, Wire w) {
            for (; i < n; i++) {
                byte x = b[i];
                crlf = x == '\r' ? (crlf == 0 || crlf == 2 ? crlf + 1 : 1) : x == '\n' && (crlf == 1 || crlf == 3)
                        ? crlf + 1 : 0;
                if (++headLength > MAX_HEAD) {
                    closed = true; // not HTTP: nothing later on this connection can be framed
                    return n;
                }
                if (crlf == 4) {
                    inHead = false;
                    replies++;
                    w.head();
                    return i + 1;
                }
            }
            return n;
        }

        /** {@code fill} bytes of a unit's start are in {@code head}: size it, note it, skip its rest. */
        private void unit(Wire w) {
            if (mmsh) {
                switch (head[1]) {
                    case 'H' -> frameH = true;
                    case 'D' -> frameD = true;
                    case 'E' -> frameE = true;
                    default -> {
                        // $C, $M, $P: nothing an await waits for
                    }
                }
                skip = u16(2);
                fill = 0;
                return;
            }
            boolean command = (head[4] & 0xFF) == 0xCE && (head[5] & 0xFF) == 0xFA && head[6] == 0x0B
                    && (head[7] & 0xFF) == 0xB0;
            if (!command) {
                int total = u16(6);
                if (total < 8) {
                    closed = true; // a PacketSize below its own header: the stream cannot be framed on
                    return;
                }
                skip = total - 8;
                data(w);
                fill = 0;
                return;
            }
            if (fill < 16) {
                need = 16; // messageLength is at offset 8
                return;
            }
            if (rest < 0) {
                long total = 16 + (u32(8) & 0xFFFFFFFFL);
                need = (int) Math.min(total, head.length);
                rest = total - need;
                if (fill < need) {
                    return;
                }
            }
            if (need == head.length) {
                command(u32(36), w);
            }
            skip = rest;
            rest = -1;
            need = 0;
            fill = 0;
        }

        private void command(int mid, Wire w) {
            if (mid == PING) {
                return;
            }
            replies++;
            switch (mid) {
                case 0x00040001 -> w.reached(FuzzState.CONNECTED);
                case 0x00040002 -> w.reached(FuzzState.FUNNEL);
                case 0x00040006 -> w.reached(FuzzState.OPENED);
                case 0x00040011 -> {
                    readBlock = true;
                    w.reached(FuzzState.READ_BLOCK);
                }
                case 0x00040005 -> {
                    started = true;
                    w.reached(FuzzState.PLAYING);
                }
                case 0x0004001E -> {
                    endOfStream = true;
                    w.reached(FuzzState.END_OF_STREAM);
                }
                default -> {
                    // other replies only count as a reply
                }
            }
        }

        private void data(Wire w) {
            if (started) {
                contentData = true;
                w.reached(FuzzState.STREAMING);
            } else if (readBlock) {
                headerData = true;
            }
        }

        private int u16(int at) {
            return (head[at] & 0xFF) | (head[at + 1] & 0xFF) << 8;
        }

        private int u32(int at) {
            return (head[at] & 0xFF) | (head[at + 1] & 0xFF) << 8 | (head[at + 2] & 0xFF) << 16
                    | (head[at + 3] & 0xFF) << 24;
        }
    }
}
