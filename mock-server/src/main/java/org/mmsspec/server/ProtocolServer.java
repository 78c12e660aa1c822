package org.mmsspec.server;

import io.netty.channel.ChannelPipeline;

/**
 * Serves one protocol on connections the listener has accepted and identified. The listener has logged ACCEPTED;
 * the server logs REQUEST, STREAMING, ERROR_REPLY, CLOSED_* and PROTOCOL_ERROR itself.
 */
public interface ProtocolServer {

    /**
     * Adds this protocol's handlers to a connection's pipeline. Bytes already read while identifying the protocol
     * are fired again after this returns, so the handlers see the stream from its first byte.
     */
    void install(ChannelPipeline pipeline, ServerContext context, Connection connection);
}
