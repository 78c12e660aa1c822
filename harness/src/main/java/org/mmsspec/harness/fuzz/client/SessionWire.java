package org.mmsspec.harness.fuzz.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Step;

/**
 * The wire of one client session on a lane's mock server: which connections the client opened, what each asked and
 * was sent, how far the client got, and when the server last had something to say. A subclass decides what goes out
 * in place of each reply: the live session damages and records ({@link LiveSession}), a replay sends recorded steps
 * ({@link ReplaySession}). Replies are numbered per connection in the order the unmutated server made them, so that
 * the k-th reply of connection c is the same reply in a session and in its replay.
 */
abstract class SessionWire {

    /** Kept of each request, enough for its request line and Pragma headers. */
    private static final int REQUEST_BYTES = 4096;

    /** One client connection. */
    static final class Conn {
        final int index;
        final Channel channel;
        final ByteArrayOutputStream request = new ByteArrayOutputStream();
        int replies;
        boolean http;
        boolean streaming;
        /** Some reply went out changed: the client's framing may be off, so a later end of stream tells it nothing. */
        boolean damaged;

        Conn(int index, Channel channel) {
            this.index = index;
            this.channel = channel;
        }

        /** MMSH: a Play request, as the Pragma xPlayStrm=1 says (MS-WMSP 2.2.1.4.2). */
        boolean play() {
            return http && request.toString(StandardCharsets.ISO_8859_1).contains("xPlayStrm=1");
        }
    }

    final long seed;
    final long started = System.nanoTime();
    private final List<Conn> conns = new ArrayList<>();
    private int open;
    private volatile long lastActivity = started;
    /** When the server was left with nothing more to say (no connection open, or the end sent undamaged); 0: not. */
    private volatile long finishedAt = started;
    private boolean endSent;
    private FuzzState reached = FuzzState.START;
    private final List<Step> sent = new ArrayList<>();

    /** @param seed the session's seed: the server's own randomness on each connection derives from it */
    SessionWire(long seed) {
        this.seed = seed;
    }

    /** What goes out in place of reply {@code k} of connection {@code c}, made as {@code original}. */
    abstract Damage.Out substitute(Conn c, int k, byte[] original, Reply reply);

    synchronized Conn opened(Channel ch) {
        Conn c = new Conn(conns.size(), ch);
        conns.add(c);
        open++;
        if (!endSent) {
            finishedAt = 0;
        }
        touch();
        return c;
    }

    synchronized void closed(Conn c) {
        open--;
        if (open == 0 && finishedAt == 0) {
            finishedAt = System.nanoTime();
        }
        touch();
    }

    void received(Conn c, ByteBuf in) {
        touch();
        synchronized (this) {
            int take = Math.min(in.readableBytes(), REQUEST_BYTES - c.request.size());
            if (take > 0) {
                byte[] b = new byte[take];
                in.getBytes(in.readerIndex(), b);
                c.request.writeBytes(b);
            }
        }
    }

    synchronized Damage.Out emit(Conn c, byte[] original) {
        touch();
        if (c.replies == 0) {
            c.http = Reply.startsWith(original, "HTTP/");
        }
        Reply reply = Reply.of(original, c.http, c.play(), c.streaming);
        if (reply.name().equals("LinkMacToViewerReportStartedPlaying")) {
            c.streaming = true;
        }
        if (reply.state() != null && reply.state().compareTo(reached) > 0) {
            reached = reply.state();
        }
        int k = c.replies++;
        Damage.Out out = substitute(c, k, original, reply);
        if (out.bytes().length > 0 || out.closeAfter()) {
            sent.add(new Step(c.index, out.bytes(), out.segmenting(), Step.Await.NOTHING, ReplaySession.note(k,
                    reply.name() + (out.what().isEmpty() ? "" : ":" + out.what()), out.closeAfter())));
        }
        c.damaged |= out.closeAfter() || !Arrays.equals(out.bytes(), original);
        if (reply.endOfStream() && !c.damaged) {
            // the client was told, in good order, that nothing more comes
            endSent = true;
            if (finishedAt == 0) {
                finishedAt = System.nanoTime();
            }
        }
        return out;
    }

    /**
     * The server's randomness, a new generator each time it asks (a connection, a Client-ID, a packet-pair fill):
     * seeded by how many it asked for before, not by when, so that its bytes repeat whatever the timing.
     */
    synchronized RandomGenerator random() {
        return new SplittableRandom(ClientAttack.mix(seed, draws++));
    }

    private long draws;

    private void touch() {
        lastActivity = System.nanoTime();
    }

    long lastActivity() {
        return lastActivity;
    }

    /** Since when the server has had nothing more to say (nanoTime), or 0 while it still may. */
    long finishedSince() {
        return finishedAt;
    }

    /** What went out, write by write, each noted with the number of the reply it replaced. */
    synchronized List<Step> sent() {
        return List.copyOf(sent);
    }

    synchronized FuzzState reached() {
        return reached;
    }

    synchronized boolean anyHttp() {
        return conns.stream().anyMatch(c -> c.http);
    }

    /** Closes what the client left open and waits, bounded, until the server has seen every close. */
    void closeAll() throws InterruptedException {
        List<Conn> copy;
        synchronized (this) {
            copy = List.copyOf(conns);
        }
        copy.forEach(c -> c.channel.close());
        for (Conn c : copy) {
            c.channel.closeFuture().await(2, TimeUnit.SECONDS);
        }
    }
}
