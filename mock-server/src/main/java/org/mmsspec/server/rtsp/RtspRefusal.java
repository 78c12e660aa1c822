package org.mmsspec.server.rtsp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent.What;

/**
 * RTSP listener with behaviour ERROR: reads one request, answers it with an error status carrying the request's
 * CSeq (RFC 2326 12.17, which a client needs to match the answer), and closes. This is not an RTSP server; it is just
 * enough of one for a client to give up on RTSP and roll over to MMS.
 */
public final class RtspRefusal extends ChannelInboundHandlerAdapter {

    public static final String NAME = "rtsp-refusal";
    /** 551 Option not supported: the answer when the scenario names no status. */
    public static final int DEFAULT_STATUS = 551;
    /** A request head longer than this is not one we answer. */
    static final int MAX_REQUEST = 8192;

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(453, "Not Enough Bandwidth"), Map.entry(454, "Session Not Found"),
            Map.entry(461, "Unsupported transport"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"),
            Map.entry(505, "RTSP Version not supported"), Map.entry(551, "Option not supported"));

    private final Connection connection;
    private final int status;
    private final String serverVersion;
    private final Duration timeout;
    private final StringBuilder head = new StringBuilder();
    private ScheduledFuture<?> timer;
    private boolean answered;

    public RtspRefusal(Connection connection, long status, String serverVersion, Duration timeout) {
        this.connection = connection;
        this.status = status >= 100 && status <= 999 ? (int) status : DEFAULT_STATUS;
        this.serverVersion = serverVersion;
        this.timeout = timeout;
    }

    /** The status line this refusal answers with. */
    public String statusLine() {
        return "RTSP/1.0 " + status + " " + REASONS.getOrDefault(status, "Error");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> {
            if (!answered && ctx.channel().isActive()) {
                answered = true;
                connection.record(What.PROTOCOL_ERROR, "RTSP request incomplete after " + timeout);
                connection.record(What.CLOSED_BY_SERVER, "request timeout");
                ctx.close();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timer.cancel(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (answered || !(msg instanceof ByteBuf in)) {
                return;
            }
            head.append(in.toString(StandardCharsets.ISO_8859_1));
            int end = endOfHead();
            if (end < 0) {
                if (head.length() > MAX_REQUEST) {
                    answered = true;
                    connection.record(What.PROTOCOL_ERROR, "RTSP request head longer than " + MAX_REQUEST);
                    connection.record(What.CLOSED_BY_SERVER, "request too long");
                    ctx.close();
                }
                return;
            }
            answer(ctx, head.substring(0, end));
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private int endOfHead() {
        int crlf = head.indexOf("\r\n\r\n");
        int lf = head.indexOf("\n\n");
        return crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
    }

    private void answer(ChannelHandlerContext ctx, String request) {
        answered = true;
        String[] lines = request.split("\r?\n");
        connection.record(What.REQUEST, lines[0].strip());
        String cseq = null;
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("cseq")) {
                cseq = l.substring(colon + 1).strip();
            }
        }
        StringBuilder reply = new StringBuilder(statusLine()).append("\r\n");
        if (cseq != null) {
            reply.append("CSeq: ").append(cseq).append("\r\n");
        }
        reply.append("Server: WMServer/").append(serverVersion).append("\r\n")
                .append("Connection: close\r\nContent-Length: 0\r\n\r\n");
        connection.record(What.ERROR_REPLY, statusLine() + (cseq == null ? " (request had no CSeq)" : ""));
        ctx.writeAndFlush(Unpooled.copiedBuffer(reply, StandardCharsets.ISO_8859_1)).addListener(f -> {
            connection.record(What.CLOSED_BY_SERVER, "after " + status);
            ctx.close();
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!answered) {
            answered = true;
            connection.record(What.CLOSED_BY_CLIENT, "before the request was complete");
        }
        ctx.fireChannelInactive();
    }
}
