package org.mmsspec.server;

import java.util.EnumMap;
import java.util.Map;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** The protocol implementations a server uses unless told otherwise. */
public final class ProtocolServers {

    private ProtocolServers() {
    }

    /**
     * MMST (which also drives the MMSU funnel) and MMSH. There is no RTSP server: RTSP listeners refuse, close or
     * answer with an error (rtsp.RtspRefusal), which is all rollover needs.
     */
    public static Map<Protocol, ProtocolServer> defaults() {
        Map<Protocol, ProtocolServer> m = new EnumMap<>(Protocol.class);
        m.put(Protocol.MMST, new org.mmsspec.server.mmsp.MmstServer());
        m.put(Protocol.MMSH, new org.mmsspec.server.mmsh.MmshServer());
        return m;
    }

    /** Closes every connection it is given, saying in the event log that nothing serves {@code p}. */
    public static ProtocolServer unavailable(Protocol p) {
        return (pipeline, context, connection) -> pipeline.addLast("unavailable", new Unavailable(connection, p));
    }

    /** Why {@link ProtocolServers#unavailable}: logs once, drops what was read, closes. */
    private static final class Unavailable extends ChannelInboundHandlerAdapter {
        private final Connection connection;
        private final Protocol protocol;

        Unavailable(Connection connection, Protocol protocol) {
            this.connection = connection;
            this.protocol = protocol;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            connection.record(ConnectionEvent.What.CLOSED_BY_SERVER, "no " + protocol + " server in this build");
            ctx.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }
    }
}
