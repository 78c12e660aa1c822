package org.mmsspec.server.mmsp;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.server.Transport;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ProtocolServer;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.scenario.Recording;

/**
 * MMS over TCP, with the UDP funnel (MS-MMSP 3.2). One instance serves every MMST connection of one server: each gets
 * an {@link MmstConnection} handler around its own {@link MmsServerSession}; the UDP socket that receives
 * RequestPacketListResend and sends UDP Data packets is shared, bound on the MMST listener's port number.
 */
public final class MmstServer implements ProtocolServer {

    private final Supplier<PacketSource> packets;
    private final Supplier<RandomGenerator> randoms;
    private final Map<Long, MmstConnection> byClientId = new ConcurrentHashMap<>();
    private final Deque<Transcript> transcripts = new ArrayDeque<>();
    private volatile Channel udp;
    private ChannelFuture udpBind;

    public MmstServer() {
        this(PacketSource::asf);
    }

    /** @param packets the packet source for each session: {@link PacketSource#asf()} by default */
    public MmstServer(Supplier<PacketSource> packets) {
        this(packets, shared(new java.security.SecureRandom()));
    }

    /** One generator for every session (it is thread-safe), as building one per connection costs. */
    private static Supplier<RandomGenerator> shared(java.security.SecureRandom random) {
        return () -> random;
    }

    /**
     * @param packets the packet source for each session
     * @param randoms the randomness of each session (clientId, padding fill): a seeded one makes the server's bytes
     *                repeatable, as a client fuzzing campaign needs to replay a session byte for byte
     */
    public MmstServer(Supplier<PacketSource> packets, Supplier<RandomGenerator> randoms) {
        this.packets = packets;
        this.randoms = randoms;
    }

    @Override
    public void install(ChannelPipeline pipeline, ServerContext context, Connection connection) {
        // Transcripts are kept for tests and logs: the most recent connections only, as the scenario records.
        Recording r = context.scenario().recording();
        Transcript t = new Transcript(connection.id(), r.transcripts() == 0 ? 0 : r.transcriptUnits());
        if (r.transcripts() > 0) {
            synchronized (transcripts) {
                transcripts.addLast(t);
                if (transcripts.size() > r.transcripts()) {
                    transcripts.removeFirst();
                }
            }
        }
        pipeline.addLast("mmst", new MmstConnection(this, context, connection.as(org.mmsspec.server.Protocol.MMST),
                packets.get(), randoms.get(), t));
    }

    /** The transcript of connection {@code id}, if still kept. */
    public Transcript transcript(long id) {
        synchronized (transcripts) {
            return transcripts.stream().filter(t -> t.connection() == id).findFirst().orElse(null);
        }
    }

    public List<Transcript> transcripts() {
        synchronized (transcripts) {
            return List.copyOf(transcripts);
        }
    }

    /** Closes the UDP socket; the TCP connections belong to the listener. */
    public void close() {
        Channel c = udp;
        if (c != null) {
            c.close();
        }
    }

    void register(long clientId, MmstConnection c) {
        byClientId.put(clientId, c);
    }

    void unregister(long clientId, MmstConnection c) {
        byClientId.remove(clientId, c);
    }

    /**
     * The shared UDP socket, bound on first use on {@code loop}: the future of its bind, so that writes made before
     * the bind completes wait for it, in order. Never blocks: this runs on an event loop, where Netty forbids it.
     * Where the port cannot be bound, the future fails and the connection logs why.
     */
    ChannelFuture udp(EventLoop loop, int port, Connection connection) {
        synchronized (this) {
            if (udpBind == null) {
                udpBind = new Bootstrap().group(loop).channel(Transport.CURRENT.datagramChannel())
                        .handler(new ResendHandler()).bind(port);
                udp = udpBind.channel();
                udpBind.addListener(f -> {
                    if (!f.isSuccess()) {
                        connection.record(ConnectionEvent.What.PROTOCOL_ERROR,
                                "cannot bind UDP port " + port + " for the funnel and resends: " + f.cause());
                    }
                });
            }
            return udpBind;
        }
    }

    /** RequestPacketListResend datagrams (2.2.5): decoded strictly and handed to the session they name. */
    private final class ResendHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket d) {
            byte[] b = ByteBufUtil.getBytes(d.content());
            Decoded<RequestPacketListResend> r;
            try {
                r = RequestPacketListResend.decode(b, DecodeOptions.STRICT);
            } catch (MalformedInputException e) {
                return; // not ours to answer: a stray datagram has no session to log on
            }
            MmstConnection c = byClientId.get(r.value().dwClientId());
            if (c == null) { // only a mutant finds a session another way (RESEND_ANY_CLIENT)
                c = byClientId.values().stream().filter(x -> x.takesAnyClientFrom(d.sender())).findFirst()
                        .orElse(null);
            }
            if (c != null) {
                c.resend(r.value(), d.sender());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // a datagram error (port unreachable) must not end the socket of every session
        }
    }

    static InetSocketAddress udpTarget(Channel tcp, int port) {
        return new InetSocketAddress(((InetSocketAddress) tcp.remoteAddress()).getAddress(), port);
    }

    static void noDelay(Channel ch) {
        ch.config().setOption(ChannelOption.TCP_NODELAY, true);
    }
}
