package org.mmsspec.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * N MMSH players on one NIO selector thread, the same for any server: each sends one Play request, reads the body
 * ($H, then $D...) and is judged at the end of a measuring window on whether the content it received kept up with
 * the wall clock. The window opens once every session has had its first $D (or the start limit has passed), so the
 * server's CPU is read over steady streaming, not over the connection storm.
 */
public final class MmshLoad {

    /** How often sessions are checked for the read timeout. */
    private static final long SWEEP_NANOS = 250_000_000L;
    private static final long SELECT_MS = 100;
    private static final int READ_BUFFER = 64 * 1024;

    /**
     * @param startLimit  how long sessions may take to get their first $D; a session without one by then failed
     * @param readTimeout a session that reads nothing for this long failed (stalled)
     * @param slack       how far behind real time a session may be at the window's end and still keep up
     */
    public record Plan(InetSocketAddress server, String path, int sessions, Duration startLimit, Duration window,
            Duration readTimeout, Duration slack) {
    }

    /** Reads the server's CPU seconds used so far, at both ends of the window. */
    @FunctionalInterface
    public interface CpuMeter {
        double cpuSeconds() throws IOException;
    }

    /**
     * What N sessions saw over one window.
     *
     * @param failed       sessions refused, cut, stalled past the read timeout, or without $D by the window's start
     * @param behind       sessions still streaming but more than the slack behind real time at the window's end
     * @param maxLagS      the largest lag of a session that did not fail (negative: ahead of real time)
     * @param cpuS         server CPU seconds over the window
     * @param windowBytes  bytes every session read within the window, HTTP heads included
     * @param firstProblem what went wrong with the first failed session, or the most lagging one; null if none
     */
    public record Result(int sessions, int failed, int behind, double maxLagS, double windowS, double cpuS,
            long windowBytes, String firstProblem) {

        public boolean heldUp() {
            return failed == 0 && behind == 0;
        }

        public double cpuSecondsPerSessionMinute() {
            return cpuS / (sessions * windowS / 60);
        }

        public double mbitPerS() {
            return windowBytes * 8 / windowS / 1e6;
        }
    }

    private MmshLoad() {
    }

    /**
     * The Play request of a Windows Media Player (MS-WMSP 2.2.2.6), which VLC's MMSH output answers as well: no
     * Describe first, each session its own xClientGUID, streams 1 and 2 (video and audio as FFmpeg writes them).
     */
    static byte[] playRequest(InetSocketAddress server, String path) {
        return ("GET " + path + " HTTP/1.0\r\n"
                + "Accept: */*\r\n"
                + "User-Agent: NSPlayer/4.1.0.3856\r\n"
                + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
                + "Pragma: no-cache,rate=1.000,stream-time=0,stream-offset=4294967295:4294967295,"
                + "request-context=2,max-duration=0\r\n"
                + "Pragma: xPlayStrm=1\r\n"
                + "Pragma: xClientGUID={" + UUID.randomUUID() + "}\r\n"
                + "Pragma: stream-switch-count=2\r\n"
                + "Pragma: stream-switch-entry=ffff:1:0 ffff:2:0 \r\n"
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens the sessions, runs the window, closes them all; {@code cpu} is read when the window opens and ends. */
    public static Result run(Plan plan, CpuMeter cpu) throws IOException {
        List<Session> sessions = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            long t0 = System.nanoTime();
            for (int i = 0; i < plan.sessions(); i++) {
                sessions.add(new Session(selector, plan, t0));
            }
            Poller poller = new Poller(selector, sessions, plan.readTimeout().toNanos());
            long startBy = t0 + plan.startLimit().toNanos();
            while (System.nanoTime() < startBy && sessions.stream().anyMatch(Session::awaitingData)) {
                poller.poll();
            }
            long windowStart = System.nanoTime();
            double cpu0 = cpu.cpuSeconds();
            for (Session s : sessions) {
                s.windowOpens(plan.startLimit());
            }
            long windowEnd = windowStart + plan.window().toNanos();
            while (System.nanoTime() < windowEnd) {
                poller.poll();
            }
            double cpuS = cpu.cpuSeconds() - cpu0;
            long end = System.nanoTime();
            return judge(sessions, plan, (end - windowStart) / 1e9, cpuS, end);
        } finally {
            for (Session s : sessions) {
                s.close();
            }
        }
    }

    private static Result judge(List<Session> sessions, Plan plan, double windowS, double cpuS, long end) {
        int failed = 0;
        int behind = 0;
        double maxLag = Double.NEGATIVE_INFINITY;
        String failure = null;
        String worst = null;
        long bytes = 0;
        for (Session s : sessions) {
            bytes += s.windowBytes();
            if (s.failure != null) {
                failed++;
                failure = failure == null ? s.failure : failure;
                continue;
            }
            double lag = s.lagS(windowS, end);
            if (lag > plan.slack().toNanos() / 1e9) {
                behind++;
            }
            if (lag > maxLag) {
                maxLag = lag;
                worst = String.format(Locale.ROOT, "a session %.1f s behind after %d $D%s", lag,
                        s.reader.dataPackets(), s.reader.ended() ? " and $E" : "");
            }
        }
        String problem = failure != null ? failure : behind > 0 ? worst : null;
        return new Result(sessions.size(), failed, behind, failed == sessions.size() ? Double.NaN : maxLag, windowS,
                cpuS, bytes, problem);
    }

    /** One selector round: connect, send, read; every {@link #SWEEP_NANOS}, the read timeout. */
    private static final class Poller {
        private final Selector selector;
        private final List<Session> sessions;
        private final long readTimeout;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
        private long nextSweep = System.nanoTime() + SWEEP_NANOS;

        Poller(Selector selector, List<Session> sessions, long readTimeout) {
            this.selector = selector;
            this.sessions = sessions;
            this.readTimeout = readTimeout;
        }

        void poll() throws IOException {
            selector.select(SELECT_MS);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                ((Session) key.attachment()).ready(key, buffer, now);
            }
            selector.selectedKeys().clear();
            if (now >= nextSweep) {
                nextSweep = now + SWEEP_NANOS;
                for (Session s : sessions) {
                    s.checkTimeout(now, readTimeout);
                }
            }
        }
    }

    /** One player: its socket, what it has read, and why it failed if it did. */
    private static final class Session {
        private final SocketChannel channel;
        private final ByteBuffer request;
        private final MmshPlayReader reader = new MmshPlayReader();
        private long lastActivity;
        private long firstData = -1;
        private long bytes;
        private long bytesAtWindow;
        private long contentAtWindow;
        private boolean closedByServer;
        private String failure;

        Session(Selector selector, Plan plan, long now) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            request = ByteBuffer.wrap(playRequest(plan.server(), plan.path()));
            lastActivity = now;
            try {
                boolean connected = channel.connect(plan.server());
                channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            } catch (IOException e) {
                fail("connect: " + e.getMessage());
            }
        }

        void ready(SelectionKey key, ByteBuffer buffer, long now) {
            try {
                if (key.isConnectable() && channel.finishConnect()) {
                    key.interestOps(SelectionKey.OP_WRITE);
                }
                if (key.isValid() && key.isWritable()) {
                    channel.write(request);
                    if (!request.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    read(key, buffer, now);
                }
            } catch (IOException e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        private void read(SelectionKey key, ByteBuffer buffer, long now) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                closedByServer = true;
                key.cancel();
                channel.close();
                if (!reader.ended()) {
                    fail("closed by the server after " + reader.dataPackets() + " $D, without $E");
                }
                return;
            }
            lastActivity = now;
            bytes += n;
            buffer.flip();
            reader.read(buffer);
            if (reader.failure() != null) {
                fail(reader.failure());
            } else if (firstData < 0 && reader.dataPackets() > 0) {
                firstData = now;
            }
        }

        void checkTimeout(long now, long readTimeout) {
            if (failure == null && !closedByServer && now - lastActivity > readTimeout) {
                fail(String.format(Locale.ROOT, "nothing read for %.1f s (after %d $D)", (now - lastActivity) / 1e9,
                        reader.dataPackets()));
            }
        }

        boolean awaitingData() {
            return failure == null && firstData < 0 && !closedByServer;
        }

        void windowOpens(Duration startLimit) {
            if (awaitingData()) {
                fail("no $D within the start limit of " + startLimit.toSeconds() + " s");
            }
            bytesAtWindow = bytes;
            contentAtWindow = reader.contentMs();
        }

        long windowBytes() {
            return bytes - bytesAtWindow;
        }

        /**
         * How far the content received is behind the wall clock: the worse of since the first $D and over the window
         * alone (a server that bursts at the start could otherwise hide a later slowdown behind its head start).
         */
        double lagS(double windowS, long end) {
            double sinceFirst = (end - firstData) / 1e9 - reader.contentMs() / 1e3;
            double overWindow = windowS - (reader.contentMs() - contentAtWindow) / 1e3;
            return Math.max(sinceFirst, overWindow);
        }

        private void fail(String why) {
            if (failure == null) {
                failure = why;
            }
            close();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
    }
}
