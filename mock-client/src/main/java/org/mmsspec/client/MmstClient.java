package org.mmsspec.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * A scriptable MMS client over TCP (MS-MMSP): blocking I/O, every read ends by a timeout, every unit is bounded by
 * {@link DecodeOptions#maxMessageSize()}, everything sent and received goes into the {@link Transcript}, decoded
 * strictly. Not thread-safe: one script drives one client.
 *
 * <p>Reads return an {@link Outcome}; the {@code expect} methods throw {@link ExpectationFailure} when the outcome is
 * not the one asked for. Only the client's own I/O failures (connect, write) throw {@link MockClientException}.
 */
public final class MmstClient implements AutoCloseable {

    /** A Windows Media Player 9 subscriber name, the form servers look for (MS-MMSP 2.2.4.17). */
    public static final String NSPLAYER = "NSPlayer/9.0.0.2980; {3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}; "
            + "Host: 127.0.0.1";
    /** Largest ASF header readHeader() collects; beyond it the peer is flooding. */
    public static final int MAX_HEADER_BYTES = 8 << 20;

    private final Socket socket;
    private final OutputStream out;
    private final TimedInput input;
    private StreamFramer framer;
    private final DecodeOptions options;
    private final Transcript transcript = new Transcript();
    private final ArrayDeque<Outcome.Received> pending = new ArrayDeque<>();
    private Duration timeout;
    private boolean autoPong = true;
    private int segmentSize;
    private int seq;
    private Outcome closed;
    private Outcome.Lost lost;
    private boolean lostReported;
    private Outcome.Received last;
    private byte[] carry = new byte[0];
    private long reads;
    private boolean resync;
    /** While resyncing: the bytes not yet searched for the next sessionId, a few kept across reads. */
    private byte[] skipped;

    private MmstClient(Socket socket, Duration timeout, DecodeOptions options) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.input = new TimedInput(socket, 16 * 1024);
        this.framer = new StreamFramer(Direction.S2C, options);
        this.options = options;
        this.timeout = timeout;
    }

    /** Connects with strict decoding and the default bound; {@code timeout} bounds the connect and every read. */
    public static MmstClient connect(String host, int port, Duration timeout) {
        return connect(host, port, timeout, DecodeOptions.STRICT);
    }

    public static MmstClient connect(String host, int port, Duration timeout, DecodeOptions options) {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // sendSplit relies on one write, one segment
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            MmstClient c = new MmstClient(s, timeout, options);
            c.transcript.connected(host, port, s.getLocalPort());
            return c;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            throw new MockClientException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    // ---- options

    public Duration timeout() {
        return timeout;
    }

    /** The default timeout of every later read. */
    public MmstClient timeout(Duration t) {
        this.timeout = Objects.requireNonNull(t);
        return this;
    }

    /**
     * Whether a packet carrying only LinkMacToViewerPing is answered with LinkViewerToMacPong and not returned (on by
     * default; cases about Ping turn it off). The Ping stays in the transcript.
     */
    public MmstClient autoPong(boolean on) {
        this.autoPong = on;
        return this;
    }

    /**
     * Whether bytes the framer cannot take are skipped up to the next sessionId 0xB00BFACE, reading on from that
     * command packet, instead of losing the stream (off by default: a faulty reader, for client-case proofs).
     */
    public MmstClient resync(boolean on) {
        this.resync = on;
        return this;
    }

    /** Cuts every later {@link #send} into TCP segments of {@code n} bytes (0: one write per packet). */
    public MmstClient segments(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("segment size " + n);
        }
        this.segmentSize = n;
        return this;
    }

    public DecodeOptions options() {
        return options;
    }

    /** The seq the next {@link #send(MmsMessage)} will use; counted from 0 (MS-MMSP 2.2.3). */
    public int nextSeq() {
        return seq;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** How many socket reads brought bytes so far: a unit that took several came in several segments. */
    public long reads() {
        return reads;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    // ---- sending

    /** Sends {@code messages} in one canonical packet with the next seq. */
    public void send(MmsMessage... messages) {
        send(CommandPacket.of(seq++, messages));
    }

    /**
     * Sends each message in a canonical packet of its own, with the next seqs, in one write: the server finds them all
     * in one read, so the later ones meet the state the first leaves (STREAMING right after StartPlaying, say).
     */
    public void sendBackToBack(MmsMessage... messages) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (MmsMessage m : messages) {
            all.writeBytes(CommandPacketCodec.encode(CommandPacket.of(seq++, m)));
        }
        byte[] b = all.toByteArray();
        write(b, b.length);
        int at = 0;
        for (MmsMessage m : messages) {
            int n = CommandPacketCodec.encode(CommandPacket.of(0, m)).length;
            recordSent(java.util.Arrays.copyOfRange(b, at, at + n), "sent back to back in one write");
            at += n;
        }
    }

    /** Sends the packet exactly as held: header fields, seq included, are not touched. */
    public void send(CommandPacket packet) {
        byte[] b = CommandPacketCodec.encode(packet);
        if (segmentSize > 0) {
            sendSplit(b, segmentSize);
            return;
        }
        write(b, b.length);
        recordSent(b, null);
    }

    /** Sends any bytes at all, for malformed input. */
    public void sendRaw(byte[] bytes) {
        byte[] b = bytes.clone();
        write(b, b.length);
        recordSent(b, null);
    }

    /** Sends {@code messages} in one canonical packet with the next seq, cut into TCP segments of {@code segmentSize}. */
    public void sendSplit(MmsMessage message, int segmentSize) {
        sendSplit(CommandPacketCodec.encode(seq++, message), segmentSize);
    }

    /** Sends {@code bytes} in segments of {@code segmentSize}, each written and flushed alone (TCP_NODELAY is on). */
    public void sendSplit(byte[] bytes, int segmentSize) {
        if (segmentSize < 1) {
            throw new IllegalArgumentException("segmentSize " + segmentSize);
        }
        byte[] b = bytes.clone();
        write(b, segmentSize);
        recordSent(b, "in " + (b.length + segmentSize - 1) / segmentSize + " segments of " + segmentSize);
    }

    private void write(byte[] b, int segmentSize) {
        try {
            for (int off = 0; off < b.length; off += segmentSize) {
                out.write(b, off, Math.min(segmentSize, b.length - off));
                out.flush();
            }
        } catch (IOException e) {
            transcript.event("write failed: " + e.getMessage());
            throw new MockClientException("write failed: " + e.getMessage(), e);
        }
    }

    /** Records what was sent, decoded as a command packet where it decodes as one. */
    private void recordSent(byte[] b, String note) {
        Bytes raw = Bytes.view(b, 0, b.length);
        try {
            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, Direction.C2S, options);
            transcript.add(Direction.C2S, TranscriptEntry.Kind.COMMAND, raw, d.value(), d.violations(), note);
        } catch (MalformedInputException e) {
            transcript.add(Direction.C2S, TranscriptEntry.Kind.RAW, raw, null, List.of(),
                    note == null ? e.getMessage() : note + "; " + e.getMessage());
        }
    }

    // ---- receiving

    /** The next unit, within the default timeout. */
    public Outcome receive() {
        return receive(timeout);
    }

    /** The next unit (command packet or Data packet), or what came instead within {@code within}. */
    public Outcome receive(Duration within) {
        return next(System.nanoTime() + within.toNanos(), within);
    }

    /** The last unit a receive or expect returned, for its violations. */
    public Outcome.Received lastReceived() {
        return last;
    }

    private Outcome next(long deadline, Duration nominal) {
        while (true) {
            Outcome.Received r = pending.poll();
            if (r != null) {
                if (autoPong && isPingOnly(r)) {
                    answerPing();
                    continue;
                }
                last = r;
                return r;
            }
            if (lost != null && !lostReported) {
                lostReported = true;
                return lost;
            }
            if (closed != null) {
                return closed;
            }
            int n = input.read(deadline);
            switch (n) {
                case TimedInput.TIMEOUT -> {
                    Outcome t = new Outcome.Timeout(nominal, lost == null ? framer.pendingBytes() : 0);
                    transcript.event(t.summary());
                    return t;
                }
                case TimedInput.EOF -> {
                    closed = new Outcome.Eof(lost == null ? framer.pendingBytes() : 0);
                    transcript.event(closed.summary());
                    return closed;
                }
                case TimedInput.RESET -> {
                    closed = new Outcome.Reset(input.resetReason());
                    transcript.event(closed.summary());
                    return closed;
                }
                default -> {
                    reads++;
                    feed(input.lastBuffer(), n);
                }
            }
            if (lost != null && pending.isEmpty() && lostReported) {
                return lost; // bytes after the loss: each read says so again, and expectClose reads on
            }
        }
    }

    private void feed(byte[] b, int n) {
        if (skipped != null) {
            b = resynced(b, n);
            if (b == null) {
                return;
            }
            n = b.length;
        }
        if (lost != null) {
            transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.view(b, 0, n), null, List.of(),
                    "after the stream was lost");
            return;
        }
        // The transcript keeps each unit's own bytes: the held-back start of a unit plus this read.
        long tailStart = framer.offset();
        byte[] tail = b;
        int tailLength = n;
        if (carry.length > 0) {
            tail = new byte[carry.length + n];
            System.arraycopy(carry, 0, tail, 0, carry.length);
            System.arraycopy(b, 0, tail, carry.length, n);
            tailLength = tail.length;
        }
        byte[] bytes = tail;
        try {
            framer.feed(b, 0, n, u -> pending.add(new Outcome.Received(
                    record(u, Bytes.view(bytes, (int) (u.offset() - tailStart), u.length())))));
            int held = framer.pendingBytes();
            carry = java.util.Arrays.copyOfRange(tail, tailLength - held, tailLength);
        } catch (MalformedInputException e) {
            int from = (int) Math.max(0, Math.min(tailLength, framer.offset() - tailStart));
            if (resync) {
                transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.view(tail, from, tailLength - from),
                        null, List.of(), "unframeable, skipped to the next sessionId: " + e.getMessage());
                framer = new StreamFramer(Direction.S2C, options);
                carry = new byte[0];
                skipped = new byte[0];
                byte[] rest = java.util.Arrays.copyOfRange(tail, Math.min(tailLength, from + 1), tailLength);
                feed(rest, rest.length);
                return;
            }
            lost = new Outcome.Lost(e);
            transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.view(tail, from, tailLength - from), null,
                    List.of(), "stream lost: " + e.getMessage());
            carry = new byte[0];
        }
    }

    /** The bytes from the next sessionId on, ending the resync; null while none has come (a few bytes kept). */
    private byte[] resynced(byte[] b, int n) {
        byte[] all = new byte[skipped.length + n];
        System.arraycopy(skipped, 0, all, 0, skipped.length);
        System.arraycopy(b, 0, all, skipped.length, n);
        for (int i = 0; i + 8 <= all.length; i++) {
            if (all[i + 4] == (byte) 0xCE && all[i + 5] == (byte) 0xFA && all[i + 6] == 0x0B
                    && all[i + 7] == (byte) 0xB0) {
                skipped = null;
                return java.util.Arrays.copyOfRange(all, i, all.length);
            }
        }
        skipped = java.util.Arrays.copyOfRange(all, Math.max(0, all.length - 7), all.length);
        return null;
    }

    private TranscriptEntry record(StreamFramer.Unit u, Bytes raw) {
        if (u instanceof StreamFramer.Undecodable x) {
            return transcript.add(Direction.S2C, x.command() ? TranscriptEntry.Kind.COMMAND : TranscriptEntry.Kind.DATA,
                    raw, null, List.of(), "undecodable: " + x.error().getMessage());
        }
        var kind = u instanceof StreamFramer.Command ? TranscriptEntry.Kind.COMMAND : TranscriptEntry.Kind.DATA;
        return transcript.add(Direction.S2C, kind, raw, u.decoded().value(), u.decoded().violations(), null);
    }

    private static boolean isPingOnly(Outcome.Received r) {
        List<MmsMessage> ms = r.messages();
        return !ms.isEmpty() && ms.stream().allMatch(m -> m instanceof LinkMacToViewerPing);
    }

    private void answerPing() {
        try {
            send(LinkViewerToMacPong.of());
        } catch (MockClientException e) {
            // the read that follows will see the close; a failed Pong is in the transcript
        }
    }

    // ---- expectations

    /** The next unit must be a command packet carrying a {@code type} message; returns that message. */
    public <T extends MmsMessage> T expect(Class<T> type) {
        return expectWithin(type, timeout);
    }

    public <T extends MmsMessage> T expectWithin(Class<T> type, Duration within) {
        Outcome o = receive(within);
        if (o instanceof Outcome.Received r) {
            var m = r.message(type);
            if (m.isPresent()) {
                return m.get();
            }
        }
        throw new ExpectationFailure(type.getSimpleName(), o);
    }

    /**
     * Reads until a unit satisfies {@code p} and returns it, or returns the first outcome that is no unit (timeout,
     * EOF, reset, loss). The timeout bounds the whole wait, not each unit, so a trickle cannot stretch it.
     */
    public Outcome readUntil(Predicate<Outcome.Received> p) {
        return readUntil(p, timeout);
    }

    public Outcome readUntil(Predicate<Outcome.Received> p, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Outcome o = next(deadline, within);
            if (!(o instanceof Outcome.Received r) || p.test(r)) {
                return o;
            }
        }
    }

    /** Skips units until one carries a {@code type} message, within the timeout. */
    public <T extends MmsMessage> T awaitMessage(Class<T> type) {
        Outcome o = readUntil(r -> r.message(type).isPresent());
        if (o instanceof Outcome.Received r) {
            return r.message(type).orElseThrow();
        }
        throw new ExpectationFailure(type.getSimpleName(), o);
    }

    /**
     * Collects the ASF header: Data packets up to the one whose AFFlags mark the last fragment (0x0C, or 0x08 as
     * deployed servers send it). Anything else first is an {@link ExpectationFailure}.
     */
    public AsfHeader readHeader() {
        List<DataPacket> fragments = new ArrayList<>();
        long size = 0;
        while (true) {
            Outcome o = receive();
            DataPacket d = o instanceof Outcome.Received r ? r.dataPacket().orElse(null) : null;
            if (d == null) {
                throw new ExpectationFailure("a header Data packet (fragment " + fragments.size() + ")", o);
            }
            fragments.add(d);
            size += d.Payload().length();
            if (d.AFFlags() == DataPacket.AF_HEADER_LAST || d.AFFlags() == DataPacket.AF_HEADER_LAST_ALT) {
                return new AsfHeader(fragments);
            }
            if (size > MAX_HEADER_BYTES) {
                throw new ExpectationFailure("a header of at most " + MAX_HEADER_BYTES + " bytes", o);
            }
        }
    }

    /** The peer must close (EOF or reset) within the timeout; units before the close are allowed (an error hr). */
    public Outcome expectClose() {
        return expectClose(timeout);
    }

    public Outcome expectClose(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Outcome o = next(deadline, within);
            if (o instanceof Outcome.Eof || o instanceof Outcome.Reset) {
                return o;
            }
            if (o instanceof Outcome.Timeout) {
                throw new ExpectationFailure("the connection to close", o);
            }
        }
    }

    /** Connect through StartPlaying with the usual values; see {@link Session#happyPath}. */
    public Session happyPath(String path) {
        return Session.happyPath(this, path);
    }

    /** A UDP port on the local address of this connection, for MMSU Data packets. */
    public UdpDataChannel openUdp() {
        return new UdpDataChannel(socket.getLocalAddress(), transcript, options, timeout);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort; the transcript is complete already
        }
    }
}
