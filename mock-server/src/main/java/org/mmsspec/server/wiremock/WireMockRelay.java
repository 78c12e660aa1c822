package org.mmsspec.server.wiremock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;

import org.mmsspec.server.Transport;

/**
 * One request to WireMock and its answer, on the event loop of the connection that asked: a Netty client, so that
 * nothing blocks an I/O thread and the request goes as the client sent it (Host, header order, version).
 */
final class WireMockRelay {

    /** Bound on a relayed answer: an ASX, a redirect or an error page is far smaller. */
    static final int MAX_RESPONSE = 16 * 1024 * 1024;

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.UPGRADE, "HTTP2-Settings");

    private final int port;
    private final Duration timeout;

    WireMockRelay(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /**
     * Completes with WireMock's response, or with 504 after the timeout and 502 where WireMock cannot be reached or
     * answers beyond the bound. The caller owns (and releases) the response; {@code request} is not released.
     */
    CompletableFuture<FullHttpResponse> send(FullHttpRequest request, EventLoop loop) {
        CompletableFuture<FullHttpResponse> result = new CompletableFuture<>();
        FullHttpRequest copy = request.replace(request.content().retainedDuplicate());
        copy.setUri(HttpStubs.originForm(copy.uri()));
        // Hop-by-hop headers are the client's business with this listener, not WireMock's (RFC 9110 7.6.1): an h2c
        // upgrade offer passed on would get a 400 from Jetty.
        for (CharSequence h : HOP_BY_HOP) {
            copy.headers().remove(h);
        }
        copy.headers().set(HttpHeaderNames.CONNECTION, "close");
        ChannelFuture connect = new Bootstrap().group(loop).channel(Transport.CURRENT.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE),
                                new Answer(result));
                    }
                }).connect("127.0.0.1", port);
        connect.addListener(f -> {
            if (f.isSuccess()) {
                connect.channel().writeAndFlush(copy);
            } else {
                copy.release();
                fail(result, HttpResponseStatus.BAD_GATEWAY, "WireMock unreachable: " + f.cause());
            }
        });
        ScheduledFuture<?> timer = loop.schedule(() -> {
            fail(result, HttpResponseStatus.GATEWAY_TIMEOUT, "no answer from WireMock within " + timeout);
            connect.channel().close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> timer.cancel(false));
        return result;
    }

    /** Completes {@code result} with an error page, unless an outcome came first. */
    private static void fail(CompletableFuture<FullHttpResponse> result, HttpResponseStatus status, String why) {
        if (result.isDone()) {
            return;
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, status,
                Unpooled.copiedBuffer(status.code() + " " + status.reasonPhrase() + ": " + why + "\r\n",
                        StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        if (!result.complete(r)) {
            r.release();
        }
    }

    /** Takes the one response, or turns a failure into a 502; the first outcome wins. */
    private static final class Answer extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<FullHttpResponse> result;

        Answer(CompletableFuture<FullHttpResponse> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse res) {
            FullHttpResponse kept = res.retainedDuplicate();
            if (!result.complete(kept)) {
                kept.release();
            }
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(result, HttpResponseStatus.BAD_GATEWAY, "WireMock answer unusable: " + cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            fail(result, HttpResponseStatus.BAD_GATEWAY, "WireMock closed without an answer");
            super.channelInactive(ctx);
        }
    }
}
