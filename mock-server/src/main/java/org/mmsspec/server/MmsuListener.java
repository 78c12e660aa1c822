package org.mmsspec.server;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

/**
 * The MMSU listener's UDP socket, where clients send RequestPacketListResend (MS-MMSP 2.2.5). It logs ACCEPTED for
 * the first datagram of each client address and passes datagrams on to the MMSU server where one is installed; the
 * UDP funnel itself is driven from the MMST connection.
 */
final class MmsuListener extends ChannelInboundHandlerAdapter {

    /** Client addresses remembered for ACCEPTED: bounded, the oldest forgotten first. */
    static final int MAX_CLIENTS = 4096;

    private final EventLog events;
    private final boolean forward;
    private final Map<InetSocketAddress, Connection> clients = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Connection> e) {
            return size() > MAX_CLIENTS;
        }
    };

    MmsuListener(EventLog events, boolean forward) {
        this.events = events;
        this.forward = forward;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket d) {
            clients.computeIfAbsent(d.sender(), a -> {
                Connection c = new Connection(events.nextConnection(), Protocol.MMSU,
                        ((InetSocketAddress) ctx.channel().localAddress()).getPort(), a, events);
                c.record(ConnectionEvent.What.ACCEPTED, "first datagram, " + d.content().readableBytes() + " bytes");
                return c;
            });
        }
        if (forward) {
            ctx.fireChannelRead(msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A UDP socket has no connection to close: an ICMP error or a bad datagram must not stop the listener.
    }

    /** Last handler of the UDP pipeline: drops what nobody took, logs what an MMSU server threw, keeps listening. */
    static final class Tail extends ChannelInboundHandlerAdapter {
        private final Connection listener;

        Tail(Connection listener) {
            this.listener = listener;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            listener.record(ConnectionEvent.What.PROTOCOL_ERROR, "MMSU datagram dropped after " + cause);
        }
    }
}
