package org.mmsspec.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.server.reference.ReferenceServers;

/**
 * Connections per second the embedded reference takes from a tiny raw-socket loop: connect, send Connect, read
 * ReportConnectedEX, close with SO_LINGER 0 (a reset, so no TIME_WAIT piles up). A measurement, not a test: run
 * {@code main [seconds] [threads...]} and read the figures; no assertion depends on them.
 */
public final class ConnectRate {

    static final byte[] CONNECT = CommandPacketCodec.encode(0, LinkViewerToMacConnect.of(RawMmst.PLAYER));

    private ConnectRate() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Integer> threads = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            threads.add(Integer.parseInt(args[i]));
        }
        if (threads.isEmpty()) {
            threads = List.of(1, 8);
        }
        try (ReferenceServers ref = ReferenceServers.start()) {
            MockMmsServer main = ref.main();
            int port = main.port(Protocol.MMST);
            rate(port, 1, 1); // warm up the JIT
            for (int n : threads) {
                long cpu = serverCpuNanos();
                long bytes = serverAllocatedBytes();
                long before = main.events().recorded();
                double perSecond = rate(port, n, seconds);
                long connections = Math.round(perSecond * seconds);
                System.out.printf("%d thread(s): %.0f connections/s, server CPU %.1f us and %.0f bytes allocated "
                        + "per connection (open %d, unhandled %d, events %d)%n", n, perSecond,
                        (serverCpuNanos() - cpu) / 1e3 / connections,
                        (serverAllocatedBytes() - bytes) / (double) connections, main.openConnections(),
                        main.unhandledExceptions(), main.events().recorded() - before);
            }
        }
    }

    /**
     * CPU time of every server I/O thread so far: on a loaded machine, connections/s says as much about the neighbours
     * as about the server, CPU per connection much less.
     */
    static long serverCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("multiThreadIoEventLoopGroup")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Bytes allocated by every server I/O thread so far: a figure the neighbours do not change. */
    static long serverAllocatedBytes() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("multiThreadIoEventLoopGroup")) {
                sum += Math.max(0, mx.getThreadAllocatedBytes(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Runs {@code threads} loops for {@code seconds}; connections completed per second. */
    static double rate(int port, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        once(port);
                        done.incrementAndGet();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            t.start();
            ts.add(t);
        }
        long start = System.nanoTime();
        for (Thread t : ts) {
            t.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** One session: Connect, then the whole ReportConnectedEX packet, then a reset. */
    static void once(int port) throws IOException {
        try (RawMmst c = new RawMmst(port, Duration.ofSeconds(5)).resetOnClose()) {
            c.send(CONNECT).readBytes();
        }
    }
}
