package org.mmsspec.server.mmsh;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ProtocolServer;
import org.mmsspec.server.ServerContext;

/**
 * MMS over HTTP (MS-WMSP), non-pipelined: Describe, Play, KeepAlive and Log, each on its own connection. Sessions
 * outlive connections, so one instance serves every MMSH connection of one running server. Every request is kept in
 * a journal ({@link #requests()}) and logged as one REQUEST event.
 */
public final class MmshServer implements ProtocolServer {

    /** Bounds on what one request may make the server hold. */
    static final int MAX_INITIAL_LINE = 8192;
    static final int MAX_HEADER_SIZE = 32 * 1024;
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_SESSIONS = 100_000;

    private final Supplier<RandomGenerator> random;
    private final Duration readTimeout;
    private final DataPacketSource source;
    private final SharedFrames sharedFrames = new SharedFrames();
    /** By Client-ID, least recently used first (access order), so that sweeps and evictions start at the front. */
    private final Map<Long, MmshSession> sessions = new java.util.LinkedHashMap<>(64, 0.75f, true);
    private final Deque<RecordedRequest> journal = new ArrayDeque<>();

    SharedFrames sharedFrames() {
        return sharedFrames;
    }

    public MmshServer() {
        this(Duration.ofSeconds(30), DataPacketSource.ASF);
    }

    /**
     * @param readTimeout how long a connection may take to send its request
     * @param source      what goes into each $D (the ASF rewriting plugs in here)
     */
    public MmshServer(Duration readTimeout, DataPacketSource source) {
        this(readTimeout, source, ThreadLocalRandom::current);
    }

    /**
     * @param random the randomness of Client-IDs and packet-pair fill: a seeded one makes the server's bytes
     *               repeatable, as a client fuzzing campaign needs to replay a session byte for byte
     */
    public MmshServer(Duration readTimeout, DataPacketSource source, Supplier<RandomGenerator> random) {
        this.readTimeout = readTimeout;
        this.source = source;
        this.random = random;
    }

    /**
     * Forgets every session, as a restarted server would: a client fuzzing campaign reuses one server for many
     * sessions, and a Client-ID remembered from the last one would make this one's differ.
     */
    public void forgetSessions() {
        synchronized (sessions) {
            sessions.clear();
        }
    }

    RandomGenerator random() {
        return random.get();
    }

    @Override
    public void install(ChannelPipeline pipeline, ServerContext context, Connection connection) {
        pipeline.addLast("mmsh-timeout", new ReadTimeoutHandler(readTimeout.toMillis(), TimeUnit.MILLISECONDS));
        if (context.scenario().faults().oneByteSegments()) {
            pipeline.channel().config().setOption(ChannelOption.TCP_NODELAY, true);
            pipeline.addLast("mmsh-one-byte", new OneByteSegments());
        }
        pipeline.addLast("mmsh-http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, 8192));
        pipeline.addLast("mmsh-aggregate", new HttpObjectAggregator(MAX_BODY));
        pipeline.addLast("mmsh", new MmshHandler(this, context, connection));
    }

    /** Every request received so far, oldest first (the latest the scenario's Recording keeps). */
    public List<RecordedRequest> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** The requests of one connection: its transcript. */
    public List<RecordedRequest> transcript(long connection) {
        return requests().stream().filter(r -> r.connection() == connection).toList();
    }

    void record(RecordedRequest r, int kept) {
        if (kept == 0) {
            return;
        }
        synchronized (journal) {
            if (journal.size() >= kept) {
                journal.poll();
            }
            journal.add(r);
        }
    }

    DataPacketSource source() {
        return source;
    }

    Optional<MmshSession> session(long clientId) {
        synchronized (sessions) {
            MmshSession s = sessions.get(clientId); // moves it to the back
            if (s != null) {
                s.touch();
            }
            return Optional.ofNullable(s);
        }
    }

    /**
     * A new session with a random Client-ID no other session has (3.2.3). Sessions idle past the scenario's
     * Idle-Timeout go first, and the table never holds more than {@value #MAX_SESSIONS}: the least recently used
     * idle one makes room, so a client that never comes back cannot grow it without bound. Both walk from the least
     * recently used end and stop early, so a new session costs the same with a hundred thousand in the table.
     */
    MmshSession newSession(Duration idleTimeout) {
        long now = System.nanoTime();
        synchronized (sessions) {
            for (var it = sessions.values().iterator(); it.hasNext();) {
                MmshSession s = it.next();
                if (now - s.lastUsedNanos() <= idleTimeout.toNanos()) {
                    break; // every one behind it was used more recently still
                }
                if (s.idleLongerThan(idleTimeout.toNanos(), now)) {
                    it.remove(); // else streaming: a Play connection keeps it
                }
            }
            if (sessions.size() >= MAX_SESSIONS) {
                var it = sessions.values().iterator();
                boolean made = false;
                while (!made && it.hasNext()) {
                    if (it.next().idleLongerThan(0, now)) {
                        it.remove();
                        made = true;
                    }
                }
                if (!made) {
                    throw new IllegalStateException(MAX_SESSIONS + " sessions are streaming");
                }
            }
            while (true) {
                long id = random.get().nextLong(1, 0x1_0000_0000L);
                if (!sessions.containsKey(id)) {
                    MmshSession s = new MmshSession(id);
                    sessions.put(id, s);
                    return s;
                }
            }
        }
    }

    /**
     * The Server header for a scenario's serverVersion: {@code Cougar/} and the version written as WMS 9 did, with
     * two-digit minor and build fields (2.2.1.5): 9.1.1.3814 gives {@code Cougar/9.01.01.3814}.
     */
    public static String serverHeader(String serverVersion) {
        String[] f = serverVersion.strip().split("\\.");
        try {
            int major = Integer.parseInt(f[0]);
            int minor = f.length > 1 ? Integer.parseInt(f[1]) : 0;
            if (f.length >= 4) {
                return String.format("Cougar/%d.%02d.%02d.%d", major, minor, Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]));
            }
            return String.format("Cougar/%d.%02d", major, minor);
        } catch (NumberFormatException e) {
            return "Cougar/9.01.01.3814";
        }
    }

    /** The major version of a serverVersion string, 0 where it has none. */
    static int serverMajor(String serverVersion) {
        try {
            return Integer.parseInt(serverVersion.strip().split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
