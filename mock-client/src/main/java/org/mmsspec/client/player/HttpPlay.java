package org.mmsspec.client.player;

import static org.mmsspec.client.player.PlayerFault.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.HttpHead;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.client.MockClientException;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshChange;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;

/**
 * One MMSH attempt (MS-WMSP 3.1): Describe, then Play on a new connection with the client-id Describe gave and every
 * stream of the header selected; $H, $D, $C and $E handled as they come. Ends at $E 0, returns the Location of a
 * redirect, or throws {@link PlayEnd}.
 */
final class HttpPlay {

    static final String USER_AGENT = "NSPlayer/9.0.0.2980";
    private static final int EARLY_STOP_DATA = 3;
    private static final int MAX_REDIRECT_STATUS = 399;

    private final PlayContext ctx;
    private final URI url;
    private final int port;
    private boolean established;
    private int dataSeen;

    private final boolean describeOnly;

    HttpPlay(PlayContext ctx, URI url, int port) {
        this(ctx, url, port, false);
    }

    /** An attempt that ends after its Describe where {@code describeOnly}: a probe of the server. */
    HttpPlay(PlayContext ctx, URI url, int port, boolean describeOnly) {
        this.ctx = ctx;
        this.url = url;
        this.port = port;
        this.describeOnly = describeOnly;
    }

    Optional<URI> run() {
        String guid = ctx.written(ctx.guidForConnection());
        long clientId = -1;
        List<Integer> streams = List.of();
        if (!ctx.has(PLAY_WITHOUT_DESCRIBE)) {
            MmshResponse d = exchange(request(guidded(guid, List.of("no-cache,rate=1.000000,stream-time=0,"
                    + "stream-offset=0:0,request-context=" + (ctx.has(REQUEST_CONTEXT_ZERO) ? 0 : 1)
                    + ",max-duration=0", "xPlayStrm=0"))), "Describe");
            if (d.status() >= 300) {
                return Optional.of(url.resolve(d.header("Location")));
            }
            clientId = d.clientId();
            streams = new ArrayList<>(header(d.packets()).streamNumbers());
            ctx.log("described: client-id " + clientId + ", streams " + streams);
            if (describeOnly) {
                return Optional.empty();
            }
            if (ctx.has(NO_PLAY_AFTER_DESCRIBE)) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "no Play after the Describe");
            }
        }
        established = true;
        String playGuid = ctx.has(UNSTABLE_CLIENT_GUID) ? ctx.written(PlayContext.newGuid()) : guid;
        List<String> pragmas = guidded(playGuid, List.of("no-cache,rate=1.000000,stream-time="
                + (ctx.has(STREAM_TIME_NOT_DECIMAL) ? "0.000" : "0") + ",stream-offset=4294967295:4294967295,"
                + "request-context=" + (ctx.has(REQUEST_CONTEXT_NOT_COUNTING) ? 1 : 2) + ",max-duration=0",
                "xPlayStrm=1", "version11-enabled=1"));
        if (clientId >= 0 && !ctx.has(NO_CLIENT_ID)) {
            pragmas.add("client-id=" + clientId);
        }
        if (ctx.has(STREAM_SWITCH_MISSES_STREAM) && !streams.isEmpty()) {
            streams.remove(streams.size() - 1);
        }
        if (!streams.isEmpty()) {
            String count = "stream-switch-count=" + (streams.size() + (ctx.has(STREAM_SWITCH_COUNT_WRONG) ? 1 : 0));
            String entry = "stream-switch-entry=" + String.join(" ", streams.stream()
                    .map(n -> ctx.has(DECIMAL_STREAM_NUMBERS) ? "65535:" + n + ":0"
                            : String.format("ffff:%x:0", n)).toList());
            if (ctx.has(STREAM_SWITCH_ENTRY_SHARES_LINE)) {
                pragmas.add(count + "," + entry);
            } else {
                pragmas.add(count);
                pragmas.add(entry);
            }
        }
        byte[] play = request(pragmas);
        MmshResponse p = exchange(play, "Play");
        if (p.status() >= 300) {
            return Optional.of(url.resolve(p.header("Location")));
        }
        playBody(p);
        if (ctx.has(IGNORES_MMSH_END)) {
            ctx.log("$E not taken for the end: Play again");
            exchange(play, "Play");
        }
        return Optional.empty();
    }

    /** {@code pragmas} with the xClientGUID line after the first (3.1.5.1), where the player sends one. */
    private List<String> guidded(String guid, List<String> pragmas) {
        List<String> out = new ArrayList<>(pragmas);
        if (!ctx.has(NO_CLIENT_GUID)) {
            out.add(1, "xClientGUID=" + guid);
        }
        return out;
    }

    /** GET with the player's User-Agent, Host and one Pragma line per element (2.2.1). */
    private byte[] request(List<String> pragmas) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        StringBuilder r = new StringBuilder("GET ").append(path)
                .append(ctx.has(WRONG_HTTP_VERSION) ? " HTTP/0.9\r\n" : " HTTP/1.1\r\n");
        r.append("Accept: */*\r\n");
        if (!ctx.has(NO_USER_AGENT)) {
            r.append("User-Agent: ").append(ctx.has(WRONG_USER_AGENT) ? "Mozilla/5.0" : ctx.playerVersion())
                    .append("\r\n");
        }
        r.append("Host: ").append(url.getHost());
        if (!ctx.has(HOST_WITHOUT_PORT)) {
            r.append(':').append(port);
        }
        r.append("\r\n");
        for (String p : pragmas) {
            if (ctx.has(NO_PRAGMA_NO_CACHE) && p.startsWith("no-cache,")) {
                p = p.substring("no-cache,".length());
            }
            r.append("Pragma: ").append(p).append("\r\n");
        }
        r.append("Connection: Close\r\n\r\n");
        return r.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One request on a connection of its own; a response that is no WMSP server's ends the attempt. */
    private MmshResponse exchange(byte[] request, String what) {
        ctx.checkStopped();
        MmshClient c = new MmshClient(url.getHost(), port, ctx.config().timeout()).stopAt(this::stopsAt);
        ctx.opened(c);
        MmshResponse r;
        try {
            r = c.raw(request);
        } catch (MockClientException e) {
            ctx.checkStopped();
            throw new PlayEnd(established ? PlayEnd.Kind.ERROR : PlayEnd.Kind.ROLL_OVER,
                    what + ": " + e.getMessage());
        } finally {
            c.close();
        }
        ctx.checkStopped();
        if (r.head() == null) {
            throw new PlayEnd(established ? PlayEnd.Kind.ERROR : PlayEnd.Kind.ROLL_OVER,
                    what + ": no response head (" + r.end().summary() + ")");
        }
        int status = r.status();
        if (status == 401 || status == 403 || status == 407) {
            throw new PlayEnd(PlayEnd.Kind.AUTH, what + ": HTTP " + status);
        }
        if (status == 503) {
            throw new PlayEnd(PlayEnd.Kind.SESSION_LIMIT, what + ": HTTP 503 (the server is busy)");
        }
        if (status >= 300 && status <= MAX_REDIRECT_STATUS && r.header("Location") != null) {
            ctx.log(what + ": redirect to " + r.header("Location"));
            return r;
        }
        if (status != 200) {
            throw new PlayEnd(established ? PlayEnd.Kind.ERROR : PlayEnd.Kind.ROLL_OVER, what + ": HTTP " + status);
        }
        String server = r.header("Server");
        boolean wmsp = server != null && (server.startsWith("Cougar") || server.startsWith("Rex"));
        if (!wmsp && !ctx.has(ACCEPTS_NON_COUGAR)) {
            throw new PlayEnd(PlayEnd.Kind.ERROR, what + ": Server " + server + " is no WMSP server");
        }
        if (r.cut()) {
            Outcome.Received at = (Outcome.Received) r.end();
            throw new PlayEnd(PlayEnd.Kind.ERROR, what + ": stopped at " + at.summary());
        }
        return r;
    }

    /** Where a faulty player gives up reading a body. */
    private boolean stopsAt(HttpHead head, Outcome.Received frame) {
        if (ctx.stopped()) {
            return true;
        }
        boolean play = head.header("Content-Type") != null && head.header("Content-Type").contains("mms-framed");
        if (ctx.has(REJECTS_CHUNKED) && head.chunked() || ctx.has(REJECTS_UNCHUNKED) && play && !head.chunked()) {
            return true;
        }
        Optional<MmshPacket> p = frame.mmsh();
        if (p.isEmpty()) {
            return false;
        }
        if (p.get() instanceof MmshData && ++dataSeen >= EARLY_STOP_DATA && ctx.has(MMSH_STOPS_EARLY)) {
            return true;
        }
        return ctx.has(REJECTS_B_BIT) && p.get().framing().B() == 1
                || ctx.has(IGNORES_MMSH_CHANGE) && p.get() instanceof MmshChange
                || ctx.has(REJECTS_HEADER_END_08) && play && p.get() instanceof MmshHeader h
                        && h.packet().AFFlags() == DataPacket.AF_HEADER_LAST_ALT;
    }

    /** $H fragments, $D, then $E 0; $E 1 and $C start the next entry, whose $H follows (3.1.5.x). */
    private void playBody(MmshResponse r) {
        int data = 0;
        for (MmshPacket p : r.packets()) {
            if (p instanceof MmshData) {
                data++;
            } else if (p instanceof MmshChange) {
                ctx.log("$C after " + data + " $D");
            } else if (p instanceof MmshEnd e) {
                if (e.Reason() == MmshEnd.S_OK) {
                    ctx.log("$E after " + data + " $D");
                    return;
                }
                if (e.Reason() != MmshEnd.S_FALSE) {
                    long hr = e.Reason();
                    if (ctx.has(CRASHES_ON_HR_ERROR)) {
                        throw new PlayEnd(PlayEnd.Kind.CRASH, String.format("$E hr 0x%08X", hr));
                    }
                    throw new PlayEnd(MmsPlay.SESSION_LIMITS.contains(hr) ? PlayEnd.Kind.SESSION_LIMIT
                            : PlayEnd.Kind.ERROR, String.format("$E hr 0x%08X", hr));
                }
            }
        }
        throw new PlayEnd(PlayEnd.Kind.ERROR, "the Play body ended without $E (" + r.end().summary() + ")");
    }

    private static AsfHeader header(List<MmshPacket> packets) {
        return new AsfHeader(packets.stream().filter(MmshHeader.class::isInstance)
                .map(p -> ((MmshHeader) p).packet()).toList());
    }
}
