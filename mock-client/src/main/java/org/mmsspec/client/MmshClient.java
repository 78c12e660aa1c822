package org.mmsspec.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.mmsh.MmshStreamFramer;

/**
 * A scriptable MMSH client (MS-WMSP): one HTTP request per connection, blocking I/O. The response head must arrive
 * within the timeout and within {@link HttpHead#MAX_HEAD_BYTES}; then each body packet must arrive within the timeout,
 * and the body is bounded by {@link #MAX_BODY_BYTES}. Everything goes into one {@link Transcript} across requests.
 */
public final class MmshClient implements AutoCloseable {

    /** A Windows Media Player 9 User-Agent: the WMSP client version that turns on $M and chunking rules. */
    public static final String USER_AGENT = "NSPlayer/9.0.0.2980";
    public static final String CLIENT_GUID = "{3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}";
    /** The most body bytes one response may bring; a flooding server gets a lost-stream outcome past it. */
    public static final long MAX_BODY_BYTES = 64L << 20;

    private final String host;
    private final int port;
    private final DecodeOptions options;
    private final Transcript transcript = new Transcript();
    private Duration timeout;
    private String userAgent = USER_AGENT;
    private int maxFrames = Integer.MAX_VALUE;
    private Duration maxBodyTime;
    private java.util.function.BiPredicate<HttpHead, Outcome.Received> stopAt = (h, f) -> false;
    private volatile Socket inFlight;
    private volatile boolean closed;

    public MmshClient(String host, int port, Duration timeout) {
        this(host, port, timeout, DecodeOptions.STRICT);
    }

    public MmshClient(String host, int port, Duration timeout, DecodeOptions options) {
        this.host = host;
        this.port = port;
        this.timeout = Objects.requireNonNull(timeout);
        this.options = options;
    }

    public MmshClient timeout(Duration t) {
        this.timeout = Objects.requireNonNull(t);
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Bounds how much of each body is read: a live server's Play body never ends, so reading stops after
     * {@code frames} packets or once {@code time} has passed since the head (null: no time bound). A body cut this
     * way ends in the last packet read ({@link MmshResponse#cut()}).
     */
    public MmshClient readAtMost(int frames, Duration time) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1: " + frames);
        }
        this.maxFrames = frames;
        this.maxBodyTime = time;
        return this;
    }

    /**
     * Stops reading a body at the first packet for which {@code p} (given the response head) holds, as a player does
     * that ends a play early; the body then ends in that packet ({@link MmshResponse#cut()}).
     */
    public MmshClient stopAt(java.util.function.BiPredicate<HttpHead, Outcome.Received> p) {
        this.stopAt = Objects.requireNonNull(p);
        return this;
    }

    public MmshClient userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    public Transcript transcript() {
        return transcript;
    }

    /**
     * A Describe request (MS-WMSP 2.2.2.1): GET without xPlayStrm; the answer carries the ASF header. {@code pragmas}
     * are added as Pragma lines after the usual no-cache, rate and stream-time.
     */
    public MmshResponse describe(String path, String... pragmas) {
        List<String> p = new ArrayList<>();
        p.add("no-cache,rate=1.000,stream-time=0,stream-offset=0:0,request-context=1,max-duration=0");
        p.add("xClientGUID=" + CLIENT_GUID);
        p.addAll(List.of(pragmas));
        return get(path, p);
    }

    /**
     * A Play request (MS-WMSP 2.2.2.6): GET with xPlayStrm=1. Give the client-id and the stream-switch Pragmas in
     * {@code pragmas}; the body is read until it ends.
     */
    public MmshResponse play(String path, String... pragmas) {
        List<String> p = new ArrayList<>();
        p.add("no-cache,rate=1.000,stream-time=0,stream-offset=4294967295:4294967295,request-context=2,"
                + "max-duration=0");
        p.add("xPlayStrm=1");
        p.add("xClientGUID=" + CLIENT_GUID);
        p.addAll(List.of(pragmas));
        return get(path, p);
    }

    /** GET {@code path} with the User-Agent, Host and one Pragma line per element of {@code pragmas}. */
    public MmshResponse get(String path, List<String> pragmas) {
        return raw(head("GET", path, pragmas).append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * POST {@code path} (KeepAlive, Log: MS-WMSP 2.2.2.3, 2.2.2.4) with one Pragma line per element of
     * {@code pragmas}, and {@code body} (may be empty) under {@code contentType} (null: no Content-Type).
     */
    public MmshResponse post(String path, List<String> pragmas, String contentType, byte[] body) {
        StringBuilder r = head("POST", path, pragmas);
        if (contentType != null) {
            r.append("Content-Type: ").append(contentType).append("\r\n");
        }
        r.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = r.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return raw(all);
    }

    private StringBuilder head(String method, String path, List<String> pragmas) {
        StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n");
        r.append("Accept: */*\r\n");
        r.append("User-Agent: ").append(userAgent).append("\r\n");
        r.append("Host: ").append(host).append(':').append(port).append("\r\n");
        pragmas.forEach(p -> r.append("Pragma: ").append(p).append("\r\n"));
        return r;
    }

    /** Sends any bytes as the request and reads the response. */
    public MmshResponse raw(byte[] request) {
        byte[] req = request.clone();
        try (Socket s = new Socket()) {
            inFlight = s;
            if (closed) {
                throw new MockClientException("the client is closed");
            }
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                throw new MockClientException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
            }
            transcript.connected(host, port, s.getLocalPort());
            int headEnd = headEnd(req);
            Object decoded = headEnd < 0 ? null : parseQuietly(req, headEnd);
            transcript.add(Direction.C2S, decoded == null ? TranscriptEntry.Kind.RAW : TranscriptEntry.Kind.HTTP_HEAD,
                    Bytes.view(req, 0, req.length), decoded, List.of(), null);
            try {
                s.getOutputStream().write(req);
                s.getOutputStream().flush();
            } catch (IOException e) {
                transcript.event("write failed: " + e.getMessage());
                throw new MockClientException("write failed: " + e.getMessage(), e);
            }
            return new Exchange(new TimedInput(s, 16 * 1024)).read();
        } catch (IOException e) {
            throw new MockClientException("socket: " + e.getMessage(), e);
        } finally {
            inFlight = null;
        }
    }

    /**
     * Ends the request in flight and refuses later ones. The body of one request is bounded only per packet and by
     * {@link #MAX_BODY_BYTES}, so this is how a caller with a deadline cuts a flooding or trickling server short.
     */
    @Override
    public void close() {
        closed = true;
        Socket s = inFlight;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is best effort; the read in flight ends either way
            }
        }
    }

    private static Object parseQuietly(byte[] b, int length) {
        try {
            return HttpHead.parse(b, length);
        } catch (MalformedInputException e) {
            return null;
        }
    }

    /** Index of the blank line ending the head (CRLF CRLF or LF LF), or -1; the head is {@code [0, index)}. */
    static int headEnd(byte[] b) {
        return headEnd(b, b.length);
    }

    static int headEnd(byte[] b, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < length && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The reading side of one request. */
    private final class Exchange {
        private final TimedInput input;
        private final MmshStreamFramer framer = new MmshStreamFramer(options);
        private final List<Outcome.Received> frames = new ArrayList<>();
        private Dechunker dechunker;
        private long contentLength = -1;
        private long bodyBytes;
        private int stopChecked;

        Exchange(TimedInput input) {
            this.input = input;
        }

        MmshResponse read() {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + timeout.toNanos();
            HttpHead parsed;
            byte[] rest;
            while (true) {
                Outcome failed = readOnce(deadline, head);
                if (failed != null) {
                    if (head.size() > 0) {
                        transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.copyOf(head.toByteArray()),
                                null, List.of(), "incomplete response head");
                    }
                    return new MmshResponse(null, List.of(), failed);
                }
                byte[] h = head.toByteArray();
                int end = headEnd(h);
                if (end < 0 && h.length > HttpHead.MAX_HEAD_BYTES) {
                    return lost(null, new MalformedInputException(HttpHead.TRANSPORT, "head", h.length,
                            "no end of the response head in " + HttpHead.MAX_HEAD_BYTES + " bytes"), h);
                }
                if (end >= 0) {
                    int bodyStart = end + (h[end] == '\r' ? 4 : 2);
                    try {
                        parsed = HttpHead.parse(h, end);
                    } catch (MalformedInputException e) {
                        return lost(null, e, h);
                    }
                    transcript.add(Direction.S2C, TranscriptEntry.Kind.HTTP_HEAD, Bytes.view(h, 0, bodyStart),
                            parsed, List.of(), null);
                    rest = java.util.Arrays.copyOfRange(h, bodyStart, h.length);
                    break;
                }
            }
            if (parsed.chunked()) {
                dechunker = new Dechunker();
            } else if (parsed.header("Content-Length") != null) {
                try {
                    contentLength = Long.parseLong(parsed.header("Content-Length").strip());
                } catch (NumberFormatException e) {
                    return lost(parsed, new MalformedInputException(HttpHead.TRANSPORT, "Content-Length", 0,
                            "Content-Length is not a number: " + parsed.header("Content-Length")), rest);
                }
            }
            long headAt = System.nanoTime();
            Outcome end = body(parsed, rest, rest.length);
            // Each packet must arrive within the timeout: a trickling server cannot stretch the wait.
            long frameDeadline = System.nanoTime() + timeout.toNanos();
            while (end == null) {
                Outcome.Received stop = firstStop(parsed);
                if (stop != null) {
                    transcript.event("the client stopped reading at " + stop.summary());
                    return new MmshResponse(parsed, frames.subList(0, frames.indexOf(stop) + 1), stop);
                }
                if (!frames.isEmpty() && (frames.size() >= maxFrames
                        || maxBodyTime != null && System.nanoTime() - headAt >= maxBodyTime.toNanos())) {
                    end = frames.get(frames.size() - 1);
                    transcript.event("the client stopped reading after " + frames.size() + " packets (its bound)");
                    return new MmshResponse(parsed, frames, end);
                }
                int framed = frames.size();
                int n = input.read(frameDeadline);
                end = switch (n) {
                    case TimedInput.TIMEOUT -> new Outcome.Timeout(timeout, framer.pendingBytes());
                    case TimedInput.EOF -> eof(parsed);
                    case TimedInput.RESET -> new Outcome.Reset(input.resetReason());
                    default -> body(parsed, input.lastBuffer(), n);
                };
                if (frames.size() > framed) {
                    frameDeadline = System.nanoTime() + timeout.toNanos();
                }
            }
            Outcome.Received stop = firstStop(parsed);
            if (stop != null) {
                transcript.event("the client stopped reading at " + stop.summary());
                return new MmshResponse(parsed, frames.subList(0, frames.indexOf(stop) + 1), stop);
            }
            if (!(end instanceof Outcome.Eof e && e.partialBytes() == 0)) {
                transcript.event(end.summary());
            }
            return new MmshResponse(parsed, frames, end);
        }

        /** The first packet not yet looked at where the caller's {@link #stopAt} holds, or null. */
        private Outcome.Received firstStop(HttpHead parsed) {
            for (; stopChecked < frames.size(); stopChecked++) {
                if (stopAt.test(parsed, frames.get(stopChecked))) {
                    return frames.get(stopChecked);
                }
            }
            return null;
        }

        /** Reads into {@code head}; null on data, else the failure. */
        private Outcome readOnce(long deadline, ByteArrayOutputStream head) {
            int n = input.read(deadline);
            return switch (n) {
                case TimedInput.TIMEOUT -> new Outcome.Timeout(timeout, head.size());
                case TimedInput.EOF -> new Outcome.Eof(head.size());
                case TimedInput.RESET -> new Outcome.Reset(input.resetReason());
                default -> {
                    head.write(input.lastBuffer(), 0, n);
                    yield null;
                }
            };
        }

        private Outcome eof(HttpHead parsed) {
            boolean truncated = (dechunker != null && !dechunker.done())
                    || (contentLength >= 0 && bodyBytes < contentLength);
            return new Outcome.Eof(framer.pendingBytes() > 0 ? framer.pendingBytes() : truncated ? 1 : 0);
        }

        /** Feeds wire bytes of the body; an outcome once the body is over, else null. */
        private Outcome body(HttpHead parsed, byte[] wire, int n) {
            try {
                byte[] b = wire;
                int len = n;
                if (dechunker != null) {
                    b = dechunker.feed(wire, 0, n);
                    len = b.length;
                } else if (contentLength >= 0) {
                    len = (int) Math.min(n, contentLength - bodyBytes);
                }
                bodyBytes += len;
                if (bodyBytes > MAX_BODY_BYTES) {
                    throw new MalformedInputException(HttpHead.TRANSPORT, "body", bodyBytes,
                            "body exceeds the bound of " + MAX_BODY_BYTES + " bytes");
                }
                long before = framer.offset() + framer.pendingBytes();
                byte[] bytes = b;
                // a unit that spanned reads is rebuilt from its decoded value for the transcript
                framer.feed(b, 0, len, u -> frames.add(new Outcome.Received(record(u, bytes, before))));
                boolean over = (dechunker != null && dechunker.done())
                        || (contentLength >= 0 && bodyBytes >= contentLength);
                if (over) {
                    framer.finish();
                    return new Outcome.Eof(0);
                }
                return null;
            } catch (MalformedInputException e) {
                transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.view(wire, 0, n), null, List.of(),
                        "stream lost: " + e.getMessage());
                return new Outcome.Lost(e);
            }
        }

        private TranscriptEntry record(MmshStreamFramer.Unit u, byte[] b, long feedStart) {
            if (u instanceof MmshStreamFramer.Undecodable x) {
                return transcript.add(Direction.S2C, TranscriptEntry.Kind.MMSH_FRAME, x.bytes(), null, List.of(),
                        "undecodable: " + x.error().getMessage());
            }
            MmshStreamFramer.Frame f = (MmshStreamFramer.Frame) u;
            Bytes raw = f.offset() >= feedStart
                    ? Bytes.view(b, (int) (f.offset() - feedStart), f.length())
                    : Bytes.copyOf(org.mmsspec.codec.mmsh.MmshFrameCodec.encode(f.decoded().value()));
            return transcript.add(Direction.S2C, TranscriptEntry.Kind.MMSH_FRAME, raw, f.decoded().value(),
                    f.decoded().violations(), null);
        }

        private MmshResponse lost(HttpHead parsed, MalformedInputException e, byte[] seen) {
            transcript.add(Direction.S2C, TranscriptEntry.Kind.RAW, Bytes.copyOf(seen), null, List.of(),
                    "stream lost: " + e.getMessage());
            Outcome o = new Outcome.Lost(e);
            transcript.event(o.summary());
            return new MmshResponse(parsed, frames, o);
        }
    }
}
