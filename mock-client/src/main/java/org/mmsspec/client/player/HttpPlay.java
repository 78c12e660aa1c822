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
    private static final int MAX_REDIRECT_STATUS = 399;

    private final PlayContext ctx;
    private final URI url;
    private final int port;
    private boolean established;

    HttpPlay(PlayContext ctx, URI url, int port) {
        this.ctx = ctx;
        this.url = url;
        this.port = port;
    }

    Optional<URI> run() {
        String guid = ctx.guidForConnection();
        long clientId = -1;
        List<Integer> streams = List.of();
        if (!ctx.has(PLAY_WITHOUT_DESCRIBE)) {
            MmshResponse d = exchange(request(List.of(
                    "no-cache,rate=1.000000,stream-time=0,stream-offset=0:0,request-context=1,max-duration=0",
                    "xClientGUID=" + guid, "xPlayStrm=0")), "Describe");
            if (d.status() >= 300) {
                return Optional.of(url.resolve(d.header("Location")));
            }
            clientId = d.clientId();
            streams = new ArrayList<>(header(d.packets()).streamNumbers());
            ctx.log("described: client-id " + clientId + ", streams " + streams);
        }
        established = true;
        String playGuid = ctx.has(UNSTABLE_CLIENT_GUID) ? PlayContext.newGuid() : guid;
        List<String> pragmas = new ArrayList<>(List.of(
                "no-cache,rate=1.000000,stream-time=0,stream-offset=4294967295:4294967295,request-context=2,"
                        + "max-duration=0",
                "xPlayStrm=1", "xClientGUID=" + playGuid, "version11-enabled=1"));
        if (clientId >= 0 && !ctx.has(NO_CLIENT_ID)) {
            pragmas.add("client-id=" + clientId);
        }
        if (!streams.isEmpty()) {
            pragmas.add("stream-switch-count=" + streams.size());
            pragmas.add("stream-switch-entry=" + String.join(" ", streams.stream()
                    .map(n -> ctx.has(DECIMAL_STREAM_NUMBERS) ? "65535:" + n + ":0"
                            : String.format("ffff:%x:0", n)).toList()));
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

    /** GET with the player's User-Agent, Host and one Pragma line per element (2.2.1). */
    private byte[] request(List<String> pragmas) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
        r.append("Accept: */*\r\n");
        if (!ctx.has(NO_USER_AGENT)) {
            r.append("User-Agent: ").append(ctx.has(WRONG_USER_AGENT) ? "Mozilla/5.0" : USER_AGENT).append("\r\n");
        }
        r.append("Host: ").append(url.getHost()).append(':').append(port).append("\r\n");
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
        if (ctx.has(REJECTS_CHUNKED) && head.chunked()) {
            return true;
        }
        Optional<MmshPacket> p = frame.mmsh();
        if (p.isEmpty()) {
            return false;
        }
        return ctx.has(REJECTS_B_BIT) && p.get().framing().B() == 1
                || ctx.has(IGNORES_MMSH_CHANGE) && p.get() instanceof MmshChange;
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
