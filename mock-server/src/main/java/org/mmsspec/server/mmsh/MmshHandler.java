package org.mmsspec.server.mmsh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.MediaEntry;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.wiremock.HttpStubs;

/**
 * Answers the one request of a non-pipelined MMSH connection (MS-WMSP 3.2.5) and closes it. Nothing a client sends
 * makes it throw: a bad request gets an HTTP error and a logged reason.
 */
final class MmshHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String DESCRIBE_TYPE = "application/vnd.ms.wms-hdr.asfv1";
    static final String FRAMED_TYPE = "application/x-mms-framed";
    static final String ASX_TYPE = "video/x-ms-asf";
    /** The keep-alive interval offered: below the Idle-Timeout's recommended 60 s would be safer, WMS sent this. */
    static final int TIMEOUT_MS = 60_000;

    private final MmshServer server;
    private final ServerContext context;
    private final Scenario scenario;
    private final Connection connection;
    private FrameWriter writer;
    private boolean serverClosed;
    private MmshSession streaming;
    private boolean relaying;

    MmshHandler(MmshServer server, ServerContext context, Connection connection) {
        this.server = server;
        this.context = context;
        this.scenario = context.scenario();
        this.connection = connection.as(Protocol.MMSH);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (writer != null || relaying) {
            return; // one request per connection: the Play response is under way
        }
        scenario.mutation().request(req);
        if (!req.decoderResult().isSuccess()) {
            connection.record(What.PROTOCOL_ERROR, "bad HTTP request: " + req.decoderResult().cause());
            if (scenario.mutation().has(Mutation.Quirk.DIE_ON_MALFORMED) && ctx.channel().parent() != null) {
                ctx.channel().parent().close();
            }
            reply(ctx, HttpResponseStatus.BAD_REQUEST, Map.of(), null, null);
            return;
        }
        PragmaTokens pragma = PragmaTokens.parse(req.headers().getAll("Pragma"));
        RequestType type = RequestType.of(req.method(), pragma, req.headers().get(HttpHeaderNames.CONTENT_TYPE));
        Map<String, String> attrs = new LinkedHashMap<>();
        String path;
        try {
            path = new QueryStringDecoder(req.uri()).path();
        } catch (IllegalArgumentException e) {
            // a malformed %-escape in the URI (found by bench fuzz-survival): the client's error, not the server's
            connection.record(What.PROTOCOL_ERROR, "bad request URI: " + e.getMessage());
            reply(ctx, HttpResponseStatus.BAD_REQUEST, Map.of(), null, null);
            return;
        }
        path = path.startsWith("/") ? path.substring(1) : path;
        Optional<MediaEntry> media = scenario.media(path);
        Optional<ClientVersion> client = ClientVersion.parse(req.headers().get(HttpHeaderNames.USER_AGENT))
                .or(() -> scenario.mutation().has(Mutation.Quirk.MMSH_STREAM_TO_WEB_CLIENTS)
                        ? ClientVersion.parse("NSPlayer/9.0") : Optional.empty());
        StreamSelection selection = null;
        if (type == RequestType.PLAY && client.isPresent() && media.isPresent()) {
            selection = selection(pragma, client.get(), media.get().files().get(0));
            attrs.put("selection", selection.describe());
            StartPosition start = StartPosition.of(pragma);
            attrs.put("start", start.toString());
        }
        client.ifPresent(c -> attrs.put("client", c.toString()));
        RecordedRequest rec = new RecordedRequest(connection.id(), req.method().name(), req.uri(),
                req.protocolVersion().text(), List.copyOf(req.headers().entries()), pragma, type,
                req.content().toString(StandardCharsets.UTF_8), attrs);
        server.record(rec, scenario.recording().requests());
        connection.record(What.REQUEST, rec.line());
        if (context.stubs().isPresent()) {
            HttpStubs stubs = context.stubs().get();
            com.github.tomakehurst.wiremock.http.Request seen = HttpStubs.request(req, connection.remote(),
                    connection.localPort());
            if (stubs.stubs(seen) || !servedByMmsh(type, media)) {
                relay(ctx, req, stubs);
                return;
            }
            stubs.journal(seen);
        }

        ListenerSpec listener = scenario.listener(Protocol.MMSH);
        if (listener.behaviour() == Behaviour.ERROR) {
            int code = listener.errorCode() >= 400 && listener.errorCode() <= 599 ? (int) listener.errorCode() : 503;
            error(ctx, HttpResponseStatus.valueOf(code), "listener behaviour ERROR");
            return;
        }
        if (client.isEmpty()) {
            webClient(ctx, req, media);
            return;
        }
        switch (type) {
            case DESCRIBE, PLAY -> {
                if (media.isEmpty()) {
                    error(ctx, HttpResponseStatus.NOT_FOUND, "no media at /" + path);
                } else if (scenario.redirect().isPresent()) {
                    reply(ctx, HttpResponseStatus.FOUND, Map.of("Location", scenario.redirect().get()), null, null);
                } else if (type == RequestType.DESCRIBE) {
                    describe(ctx, pragma, client.get(), media.get());
                } else {
                    play(ctx, pragma, client.get(), media.get(), selection,
                            scenario.mutation().has(Mutation.Quirk.MMSH_IGNORE_POSITION) ? StartPosition.START
                                    : StartPosition.of(pragma));
                }
            }
            case KEEPALIVE, LOG, SELECT_STREAM, STOP -> {
                Optional<MmshSession> s = pragma.u32(PragmaTokens.CLIENT_ID).flatMap(server::session);
                if (s.isEmpty() && scenario.mutation().has(Mutation.Quirk.MMSH_ACCEPT_UNKNOWN_CLIENT_ID)) {
                    reply(ctx, HttpResponseStatus.OK, Map.of(), null, null);
                } else if (s.isEmpty()) {
                    error(ctx, HttpResponseStatus.BAD_REQUEST, type + " without a known client-id (3.2.5.1)");
                } else {
                    reply(ctx, HttpResponseStatus.OK, sessionPragmas(s.get(), false), null, null);
                }
            }
            case PLAY_NEXT_ENTRY, PIPELINE, GET_CONTENT_INFO, SEND_EVENT ->
                error(ctx, HttpResponseStatus.NOT_IMPLEMENTED, type + " is not served by this non-pipelined server");
            default -> error(ctx, HttpResponseStatus.BAD_REQUEST, "not a WMSP request type (3.2.5.1): "
                    + req.method());
        }
    }

    /**
     * Where WireMock runs beside MMSH, what MMSH keeps when no stub matches: requests for a media path, and the WMSP
     * requests that name a session rather than a path (KeepAlive, Log, stream switch, stop...). Anything else (a
     * plain GET of another path, a non-WMSP method) is WireMock's, which answers 404 where nothing is stubbed.
     */
    private static boolean servedByMmsh(RequestType type, Optional<MediaEntry> media) {
        return media.isPresent() || (type != RequestType.DESCRIBE && type != RequestType.PLAY
                && type != RequestType.INVALID);
    }

    /** Relays the request to WireMock and its answer back, then closes, as MMSH does after each request. */
    private void relay(ChannelHandlerContext ctx, FullHttpRequest req, HttpStubs stubs) {
        relaying = true;
        stubs.relay(req, ctx.channel().eventLoop()).whenComplete((res, failure) -> {
            serverClosed = true;
            if (res == null) {
                connection.record(What.CLOSED_BY_SERVER, "WireMock relay failed: " + failure);
                ctx.close();
                return;
            }
            if (!ctx.channel().isActive()) {
                res.release();
                return;
            }
            FullHttpResponse out = res.setProtocolVersion(HttpVersion.HTTP_1_0);
            out.headers().remove(HttpHeaderNames.TRANSFER_ENCODING).remove(HttpHeaderNames.CONNECTION)
                    .remove(HttpHeaderNames.KEEP_ALIVE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, out.content().readableBytes());
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            closed(out.status().code() + " relayed from WireMock");
        });
    }

    private StreamSelection selection(PragmaTokens pragma, ClientVersion client, AsfFile file) {
        Optional<String> entry = pragma.get(PragmaTokens.STREAM_SWITCH_ENTRY);
        if (entry.isEmpty()) {
            boolean oldServer = client.token().equals("NSServer") && !client.atLeast(5, 1);
            boolean all = oldServer || scenario.mutation().has(Mutation.Quirk.MMSH_SELECT_ALL_WITHOUT_ENTRY);
            return all ? StreamSelection.ALL : StreamSelection.NONE;
        }
        Set<Integer> streams = file.streams().stream().map(AsfFile.Stream::number).collect(Collectors.toSet());
        StreamSelection parsed = StreamSelection.parse(entry.get(), streams).orElse(StreamSelection.NONE);
        boolean unfiltered = !parsed.selected().isEmpty() && scenario.mutation().has(Mutation.Quirk.NO_STREAM_FILTER);
        return unfiltered ? StreamSelection.ALL : parsed;
    }

    /** A web browser: an ASX pointing at the same URL with mms://, as WMS answered (3.2.5.1, <69>). */
    private void webClient(ChannelHandlerContext ctx, FullHttpRequest req, Optional<MediaEntry> media) {
        if (media.isEmpty()) {
            error(ctx, HttpResponseStatus.NOT_FOUND, "no media at " + req.uri());
            return;
        }
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + connection.localPort();
        }
        String href = ("mms://" + host + req.uri()).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String asx = "<ASX version=\"3.0\"><Entry><Ref href=\"" + href + "\"/></Entry></ASX>\r\n";
        reply(ctx, HttpResponseStatus.OK, Map.of(), ASX_TYPE, asx.getBytes(StandardCharsets.UTF_8));
    }

    /** The session a Describe or Play names, or a new one; xResetStrm=1 where it named an unknown one (3.2.5.4). */
    private MmshSession sessionFor(PragmaTokens pragma, Map<String, String> extra) {
        Optional<Long> id = pragma.u32(PragmaTokens.CLIENT_ID);
        Optional<MmshSession> known = id.flatMap(server::session);
        if (known.isPresent()) {
            return known.get();
        }
        if (id.isPresent()) {
            extra.put("xResetStrm", "1");
        }
        return server.newSession(context.scenario().idleTimeout());
    }

    private void describe(ChannelHandlerContext ctx, PragmaTokens pragma, ClientVersion client, MediaEntry media) {
        Map<String, String> extra = new LinkedHashMap<>();
        MmshSession s = sessionFor(pragma, extra);
        MmshSession.State st = s.state();
        if (st != MmshSession.State.INIT && st != MmshSession.State.IDLE) {
            error(ctx, HttpResponseStatus.CONFLICT, "Describe on a session in state " + st + " (3.2.5.4)");
            return;
        }
        boolean pair = scenario.packetPair() && pragma.flag(PragmaTokens.PACKET_PAIR_EXPERIMENT);
        if (pair) {
            extra.put("packet-pair-experiment", "1");
        }
        List<MmshPacket> body = new ArrayList<>(entryHeader(media.files().get(0), client, s, media));
        Map<String, String> headers = sessionPragmas(s, media.isPlaylist());
        headers.putAll(pragmaHeaders(extra));
        HttpResponse res = response(HttpVersion.HTTP_1_0, HttpResponseStatus.OK, headers, DESCRIBE_TYPE);
        if (pair) {
            body.addAll(0, MmshFrames.packetPair(headerBytes(res), server.random()));
        }
        long length = 0;
        for (MmshPacket p : body) {
            String name = MmshFrames.name(p);
            if (!scenario.faults().dropReply().contains(name)) {
                length += MmshFrameCodec.encode(p).length;
            }
        }
        if (body.stream().anyMatch(p -> MmshFrames.name(p).equals(scenario.faults().garbageAfter()))) {
            length += FrameWriter.GARBAGE;
        }
        res.headers().set("Content-Length", length);
        if (pair) {
            // Reason counts the header bytes as sent, Content-Length included: make the $P again with that count
            body.subList(0, 3).clear();
            body.addAll(0, MmshFrames.packetPair(headerBytes(res), server.random()));
        }
        scenario.mutation().head(res);
        ctx.write(res);
        stream(ctx, FrameWriter.Plan.of(body), false, () -> closed("Describe answered"));
    }

    private void play(ChannelHandlerContext ctx, PragmaTokens pragma, ClientVersion client, MediaEntry media,
            StreamSelection selection, StartPosition start) {
        Map<String, String> extra = new LinkedHashMap<>();
        MmshSession s = sessionFor(pragma, extra);
        if (!s.startStreaming() && !scenario.mutation().has(Mutation.Quirk.MMSH_PLAY_WHILE_STREAMING)) {
            error(ctx, HttpResponseStatus.CONFLICT, "Play on a session already streaming (3.2.5.6)");
            return;
        }
        streaming = s;
        boolean chunked = scenario.mmshChunked() && pragma.flag(PragmaTokens.VERSION11_ENABLED);
        Map<String, String> headers = sessionPragmas(s, media.isPlaylist());
        headers.putAll(pragmaHeaders(extra));
        HttpResponse res = response(chunked ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0, HttpResponseStatus.OK,
                headers, FRAMED_TYPE);
        if (chunked) {
            res.headers().set("Transfer-Encoding", "chunked");
        } else {
            res.headers().set("Connection", "close");
        }
        if (ctx.pipeline().get("mmsh-timeout") != null) {
            ctx.pipeline().remove("mmsh-timeout"); // the client sends nothing more while it is fed
        }
        scenario.mutation().head(res);
        ctx.write(res);
        AsfFile first = media.files().get(0);
        PlayPlan plan = new PlayPlan(media.files(), start.firstPacket(first), selection, client, server.source(),
                f -> entryHeader(f, client, s, media),
                extra.containsKey("xResetStrm") && announcesReset(client, pragma));
        connection.record(What.STREAMING, "client-id=" + s.clientId + " " + (chunked ? "chunked" : "close")
                + " from packet " + start.firstPacket(first) + " " + selection.describe());
        stream(ctx, plan, scenario.mmshBurstBit(), () -> {
            s.state(MmshSession.State.IDLE);
            connection.record(What.END_OF_STREAM, "$E");
            closed("end of stream");
        });
    }

    /**
     * Whether a Play that got xResetStrm=1 must restate the header after $E 1 and $C 0 (3.2.5.6): an NSPlayer before
     * 7.0 sending request-context=2, or an NSServer before 7.0 sending request-context=3.
     */
    private static boolean announcesReset(ClientVersion client, PragmaTokens pragma) {
        long context = pragma.u32(PragmaTokens.REQUEST_CONTEXT).orElse(0L);
        return !client.atLeast(7, 0) && (client.token().equals("NSPlayer") && context == 2
                || client.token().equals("NSServer") && context == 3);
    }

    /** ($M) $H of one entry: $M only from a Cougar 9 or later to a client 9 or later (3.2.5.4, 3.2.4.2). */
    private List<MmshPacket> entryHeader(AsfFile file, ClientVersion client, MmshSession s, MediaEntry media) {
        int only = scenario.faults().headerLastFlag();
        List<MmshPacket> out = new ArrayList<>();
        if (client.atLeast(9, 0) && MmshServer.serverMajor(scenario.serverVersion()) >= 9) {
            out.addAll(MmshFrames.metadata(s.nextPlaylistGenId(), features(media.isPlaylist()), only));
        }
        out.addAll(MmshFrames.header(file.mmsHeader(), only));
        return out;
    }

    private static String features(boolean playlist) {
        return playlist ? "seekable,stridable,playlist" : "seekable,stridable";
    }

    /** The Pragma tokens every session response carries (3.2.5.2). */
    private Map<String, String> sessionPragmas(MmshSession s, boolean playlist) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("client-id", Long.toString(s.clientId));
        tokens.put("features", "\"" + features(playlist) + "\"");
        tokens.put("timeout", Integer.toString(TIMEOUT_MS));
        if (s.playlistGenId() != 0) {
            tokens.put("playlist-gen-id", Long.toString(s.playlistGenId()));
        }
        return pragmaHeaders(tokens);
    }

    /** Each token on its own Pragma line, keyed so the map keeps them apart. */
    private static Map<String, String> pragmaHeaders(Map<String, String> tokens) {
        Map<String, String> out = new LinkedHashMap<>();
        tokens.forEach((k, v) -> out.put("Pragma\0" + k, k + "=" + v));
        return out;
    }

    private HttpResponse response(HttpVersion version, HttpResponseStatus status, Map<String, String> headers,
            String contentType) {
        HttpResponse res = new DefaultHttpResponse(version, status);
        decorate(res, headers, contentType);
        return res;
    }

    /** Header names written as WMS wrote them; clients should not care, but some compare case. */
    private void decorate(HttpResponse res, Map<String, String> headers, String contentType) {
        if (contentType != null) {
            res.headers().add("Content-Type", contentType);
        }
        res.headers().add("Server", MmshServer.serverHeader(scenario.serverVersion()));
        res.headers().add("Cache-Control", "no-cache");
        res.headers().add("Pragma", "no-cache");
        headers.forEach((k, v) -> res.headers().add(k.contains("\0") ? k.substring(0, k.indexOf('\0')) : k, v));
    }

    /** The bytes Netty writes for this status line and these headers: what $P's Reason counts (2.2.3.7). */
    static int headerBytes(HttpResponse res) {
        int n = res.protocolVersion().text().length() + 1 + res.status().codeAsText().length() + 1
                + res.status().reasonPhrase().length() + 2;
        for (Map.Entry<String, String> h : res.headers()) {
            n += h.getKey().length() + 2 + h.getValue().length() + 2;
        }
        return n + 2;
    }

    private void stream(ChannelHandlerContext ctx, FrameWriter.Plan plan, boolean burst, Runnable onEnd) {
        writer = new FrameWriter(ctx, connection, plan, scenario, burst, server.sharedFrames(), () -> {
                    serverClosed = true;
                    onEnd.run();
                });
        writer.pump();
    }

    private void closed(String why) {
        connection.record(What.CLOSED_BY_SERVER, why);
    }

    private void error(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
        connection.record(What.ERROR_REPLY, status.code() + " " + why);
        reply(ctx, status, Map.of(), "text/plain", (status.code() + " " + status.reasonPhrase() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A whole response, then close: non-pipelined mode keeps no connection after its one request. */
    private void reply(ChannelHandlerContext ctx, HttpResponseStatus status, Map<String, String> headers,
            String contentType, byte[] body) {
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, status,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        decorate(res, headers, contentType);
        res.headers().set("Content-Length", body == null ? 0 : body.length);
        serverClosed = true;
        writer = new FrameWriter(ctx, connection, () -> null, scenario, false, null, () -> { });
        scenario.mutation().head(res);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        closed(status.code() + " sent");
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (writer != null && ctx.channel().isWritable() && !writer.isScheduled() && !writer.isDone()) {
            writer.pump();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (streaming != null && streaming.state() == MmshSession.State.STREAMING) {
            streaming.state(MmshSession.State.IDLE);
        }
        if (!serverClosed && (writer == null || !writer.isDone())) {
            connection.record(What.CLOSED_BY_CLIENT, relaying ? "before WireMock answered"
                    : writer == null ? "before a request" : "after " + writer.frames() + " packets");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        serverClosed = true;
        if (cause instanceof ReadTimeoutException) {
            connection.record(What.CLOSED_BY_SERVER, "no request within the read timeout");
        } else if (cause instanceof java.io.IOException) {
            connection.record(What.PROTOCOL_ERROR, "closing: " + cause); // the client's doing: a reset
        } else if (cause instanceof io.netty.handler.codec.PrematureChannelClosureException) {
            // the client's doing too: it closed before its request was whole
            connection.record(What.CLOSED_BY_CLIENT, "closed in the middle of a request");
        } else {
            context.health().unhandled(connection, cause);
        }
        ctx.close();
    }
}
