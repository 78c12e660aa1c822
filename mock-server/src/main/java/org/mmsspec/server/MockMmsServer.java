package org.mmsspec.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;

import org.mmsspec.server.scenario.PlantedBug;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.wiremock.HttpStubs;

/**
 * A running mock MMS server: the listeners of one {@link Scenario}, on Netty NIO with one acceptor thread and a small
 * worker group. TCP protocols given the same port number share one socket and are told apart by their first bytes;
 * each protocol given port 0 gets an ephemeral port of its own. The UDP funnel (MMSU) belongs to the MMST server,
 * which binds the MMST port number for UDP itself; a separate MMSU {@link ProtocolServer}, where one is given, gets
 * a UDP socket of its own here. A protocol whose behaviour is REFUSE has no socket; its {@link #port} is the configured
 * number, or for port 0 a number that was free at start and is left closed, so that a connect there is refused.
 *
 * <pre>{@code
 * try (MockMmsServer mms = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
 *     String url = mms.url(Protocol.MMST, "sample.asf");
 *     ...
 *     assertThat(mms.events().requestOrder()).containsExactly(Protocol.MMST);
 * }
 * }</pre>
 */
public final class MockMmsServer implements AutoCloseable {

    private static final List<Protocol> TCP = List.of(Protocol.RTSP, Protocol.MMST, Protocol.MMSH);

    private final Scenario scenario;
    private final ServerOptions options;
    private final ServerContext context;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Channel> listeners = Collections.synchronizedList(new ArrayList<>());
    private final Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Boolean> bound = new EnumMap<>(Protocol.class);
    private boolean stopped;
    /** The planted bug that went off, if one did: the server is then dead or wedged for good. */
    private final AtomicReference<PlantedBug> struck = new AtomicReference<>();
    private final CompletableFuture<PlantedBug> death = new CompletableFuture<>();
    /** Holds every I/O thread of a wedged server until stop(). */
    private final CountDownLatch wedge = new CountDownLatch(1);

    private MockMmsServer(Scenario scenario, ServerOptions options) {
        this.scenario = scenario;
        this.options = options;
        Optional<HttpStubs> stubs = options.wireMock() ? Optional.of(HttpStubs.start(options.relayTimeout()))
                : Optional.empty();
        this.context = new ServerContext(scenario, new EventLog(Clock.systemUTC(), scenario.recording().events()),
                stubs, new ServerHealth(this::strike));
        this.boss = new MultiThreadIoEventLoopGroup(1, Transport.CURRENT.ioHandlerFactory());
        this.workers = new MultiThreadIoEventLoopGroup(options.workerThreads(), Transport.CURRENT.ioHandlerFactory());
    }

    /** Starts {@code scenario} on 127.0.0.1 with the default protocol servers. */
    public static MockMmsServer start(Scenario scenario) {
        return start(scenario, ServerOptions.defaults());
    }

    /**
     * Binds every listener, or none.
     *
     * @throws ServerStartException where a port cannot be bound (in use, privileged)
     */
    public static MockMmsServer start(Scenario scenario, ServerOptions options) {
        MockMmsServer s = new MockMmsServer(scenario, options);
        try {
            s.bindAll();
        } catch (RuntimeException e) {
            s.stop();
            throw e;
        }
        return s;
    }

    private void bindAll() {
        // Port 0 never groups: each such protocol is its own listener.
        Map<Object, List<ListenerSpec>> byPort = new LinkedHashMap<>();
        for (Protocol p : TCP) {
            ListenerSpec l = scenario.listener(p);
            if (l.behaviour() != Behaviour.REFUSE) {
                byPort.computeIfAbsent(l.port() == 0 ? p : (Object) l.port(), k -> new ArrayList<>()).add(l);
            }
        }
        for (List<ListenerSpec> specs : byPort.values()) {
            int port = bindTcp(specs);
            specs.forEach(l -> {
                ports.put(l.protocol(), port);
                bound.put(l.protocol(), true);
            });
        }
        ListenerSpec udp = scenario.listener(Protocol.MMSU);
        if (udp.behaviour() != Behaviour.REFUSE && options.servers().containsKey(Protocol.MMSU)) {
            ports.put(Protocol.MMSU, bindUdp(udp));
            bound.put(Protocol.MMSU, true);
        } else if (udp.behaviour() != Behaviour.REFUSE && bound.getOrDefault(Protocol.MMST, false)) {
            // The MMST server owns the UDP funnel: it binds the MMST port number itself, beside its TCP listener,
            // because resends need the state of the session they belong to (MS-MMSP 3.2.5.13).
            ports.put(Protocol.MMSU, ports.get(Protocol.MMST));
            bound.put(Protocol.MMSU, true);
        }
        for (Protocol p : Protocol.values()) {
            if (!ports.containsKey(p)) {
                int configured = scenario.listener(p).port();
                ports.put(p, configured != 0 ? configured : closedPort());
                bound.put(p, false);
            }
        }
    }

    private int bindTcp(List<ListenerSpec> specs) {
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(Transport.CURRENT.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024).option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetSocketAddress remote = ch.remoteAddress() != null ? ch.remoteAddress()
                                : new InetSocketAddress(0);
                        Connection c = new Connection(context.events().nextConnection(), specs.get(0).protocol(),
                                ch.localAddress().getPort(), remote, context.events());
                        ServerHealth health = context.health();
                        health.opened();
                        ch.closeFuture().addListener(f -> health.closed());
                        Guard guard = new Guard(c, health);
                        ch.pipeline().addLast("sniffer", new ProtocolSniffer(specs, context, options, c, guard))
                                .addLast(Guard.NAME, guard);
                    }
                });
        int port = specs.get(0).port();
        ChannelFuture f = b.bind(options.bindAddress(), port).awaitUninterruptibly();
        if (!f.isSuccess()) {
            throw new ServerStartException(specs.get(0).protocol(), options.bindAddress(), port, f.cause());
        }
        listeners.add(f.channel());
        return ((InetSocketAddress) f.channel().localAddress()).getPort();
    }

    private int bindUdp(ListenerSpec spec) {
        ProtocolServer server = options.servers().get(Protocol.MMSU);
        boolean forward = server != null && spec.behaviour() != Behaviour.SILENT;
        Bootstrap b = new Bootstrap().group(workers).channel(Transport.CURRENT.datagramChannel())
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast("mmsu", new MmsuListener(context.events(), forward));
                        Connection listener = new Connection(context.events().nextConnection(), Protocol.MMSU, 0,
                                new InetSocketAddress(0), context.events());
                        if (forward) {
                            server.install(ch.pipeline(), context, listener);
                        }
                        ch.pipeline().addLast("tail", new MmsuListener.Tail(listener));
                    }
                });
        // The UDP socket takes the MMST port number where it can, as a real server's 1755/udp beside 1755/tcp.
        boolean explicit = spec.port() != 0;
        int port = explicit ? spec.port() : ports.getOrDefault(Protocol.MMST, 0);
        ChannelFuture f = b.bind(options.bindAddress(), port).awaitUninterruptibly();
        if (!f.isSuccess() && !explicit && port != 0) {
            f = b.bind(options.bindAddress(), 0).awaitUninterruptibly();
        }
        if (!f.isSuccess()) {
            throw new ServerStartException(Protocol.MMSU, options.bindAddress(), port, f.cause());
        }
        listeners.add(f.channel());
        return ((InetSocketAddress) f.channel().localAddress()).getPort();
    }

    /** A port that was free a moment ago and that nothing here listens on: connects to it are refused. */
    private int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(options.bindAddress()))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    public ServerOptions options() {
        return options;
    }

    public EventLog events() {
        return context.events();
    }

    /**
     * The embedded WireMock ({@link ServerOptions#withWireMock()}): stub HTTP answers on the MMSH listener with
     * {@code stubFor}, and {@code verify} what clients sent there, MMSH requests included.
     *
     * @throws IllegalStateException where the server was started without WireMock
     */
    public WireMockServer wireMock() {
        return context.stubs().map(HttpStubs::wireMock).orElseThrow(() -> new IllegalStateException(
                "this server runs without WireMock: start it with ServerOptions.defaults().withWireMock()"));
    }

    /** The local port of {@code p}'s listener; for a REFUSE protocol, a port nothing listens on. */
    public int port(Protocol p) {
        return ports.get(p);
    }

    /** Whether {@code p} has a socket (its behaviour is not REFUSE). */
    public boolean isListening(Protocol p) {
        return bound.get(p);
    }

    /** The host URLs name: the bind address, or 127.0.0.1 where that is a wildcard. */
    public String host() {
        String a = options.bindAddress();
        if (a.isEmpty() || a.equals("0.0.0.0") || a.equals("::") || a.equals("[::]")) {
            return "127.0.0.1";
        }
        return a.contains(":") && !a.startsWith("[") ? "[" + a + "]" : a;
    }

    /**
     * The URL a client of {@code p} opens for {@code path}: {@code rtsp://}, {@code mmst://}, {@code mmsu://} (at
     * the MMST port, where its control connection goes) or {@code mmsh://}.
     */
    public String url(Protocol p, String path) {
        int port = p == Protocol.MMSU && isListening(Protocol.MMST) ? port(Protocol.MMST) : port(p);
        return p.name().toLowerCase(java.util.Locale.ROOT) + "://" + host() + ":" + port + "/" + strip(path);
    }

    /**
     * The {@code mms://} URL for {@code path}: the port is MMST's where it listens, else MMSH's, else RTSP's (a
     * client tries each protocol it knows on that one port).
     */
    public String mmsUrl(String path) {
        Protocol p = isListening(Protocol.MMST) ? Protocol.MMST
                : isListening(Protocol.MMSH) ? Protocol.MMSH : Protocol.RTSP;
        return "mms://" + host() + ":" + port(p) + "/" + strip(path);
    }

    /** For every media path: its {@code mms://} URL, then one URL per listening protocol. */
    public List<String> urls() {
        List<String> urls = new ArrayList<>();
        scenario.media().forEach(m -> {
            urls.add(mmsUrl(m.path()));
            for (Protocol p : Protocol.values()) {
                if (isListening(p)) {
                    urls.add(url(p, m.path()));
                }
            }
        });
        return urls;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Accepted TCP connections not yet closed. */
    public int openConnections() {
        return context.health().openConnections();
    }

    /** Exceptions that reached a handler's exceptionCaught without being the client's doing: each is a server bug. */
    public long unhandledExceptions() {
        return context.health().unhandledExceptions();
    }

    /** The first of those exceptions, with its stack trace. */
    public Optional<Throwable> firstUnhandled() {
        return context.health().firstUnhandled();
    }

    /** The planted bug that went off, if one did. */
    public Optional<PlantedBug> struck() {
        return Optional.ofNullable(struck.get());
    }

    /** Whether a planted bug crashed the server: it listens nowhere and has dropped every connection. */
    public boolean isDead() {
        return struck().map(b -> b.effect() == PlantedBug.Effect.CRASH).orElse(false);
    }

    /** Whether a planted bug wedged the server: it still accepts connections and answers nothing on any. */
    public boolean isWedged() {
        return struck().map(b -> b.effect() == PlantedBug.Effect.WEDGE).orElse(false);
    }

    /** Completes with the planted bug that crashed the server once every socket of it is closed. */
    public CompletableFuture<PlantedBug> death() {
        return death;
    }

    /**
     * A planted bug went off. A crash ends every I/O thread, which closes every socket, listeners included, as the
     * end of a process would. A wedge parks every worker thread, so the acceptor still takes connections (and the
     * kernel completes their handshakes) while nothing is read, answered or timed on any of them.
     */
    private void strike(PlantedBug bug) {
        if (!struck.compareAndSet(null, bug)) {
            return;
        }
        if (bug.effect() == PlantedBug.Effect.CRASH) {
            // the acceptor first: a connection it took while the workers were going would find no loop to run on
            boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).addListener(b -> workers
                    .shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).addListener(w -> death.complete(bug)));
        } else {
            // The other loops are parked before this returns, so that nothing that reaches them after the event is
            // logged is answered; this loop parks as soon as the current read is done.
            List<io.netty.util.concurrent.EventExecutor> loops = new ArrayList<>();
            workers.forEach(loops::add);
            CountDownLatch parked = new CountDownLatch((int) loops.stream().filter(l -> !l.inEventLoop()).count());
            for (io.netty.util.concurrent.EventExecutor loop : loops) {
                boolean other = !loop.inEventLoop();
                loop.execute(() -> {
                    if (other) {
                        parked.countDown();
                    }
                    hang();
                });
            }
            try {
                parked.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hang() {
        try {
            wedge.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every listener and connection, and waits for the I/O threads to end. Safe to call twice. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        wedge.countDown();
        List<Channel> copy;
        synchronized (listeners) {
            copy = List.copyOf(listeners);
        }
        if (!isDead()) { // a dead server's channels are closed, and their event loops gone
            copy.forEach(c -> c.close().awaitUninterruptibly());
        }
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        context.stubs().ifPresent(HttpStubs::close);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "MockMmsServer " + scenario.name() + " " + ports;
    }
}
