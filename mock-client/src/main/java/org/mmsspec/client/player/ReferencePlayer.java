package org.mmsspec.client.player;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mmsspec.client.ExpectationFailure;

/**
 * The project's reference client: plays a URL to its end the way MS-MMSP 3.1 and MS-WMSP 3.1 say a client must,
 * built on {@link org.mmsspec.client.MmstClient}, {@link org.mmsspec.client.UdpDataChannel} and
 * {@link org.mmsspec.client.MmshClient}. Client cases grade it when no other client is given, and each
 * {@link PlayerFault} it can be told to commit proves that some case catches the rule it breaks.
 *
 * <p>mms:// rolls over in the WMF SDK reader's order restricted to what the player speaks: MMSU, MMST, then MMSH,
 * all on the URL's port. RTSP is not spoken and not tried. No rollover after an authentication failure or a
 * server's session limit, nor from a protocol-specific scheme. {@link #play()} never throws: it ends in a
 * {@link PlayResult} whose exit code says how, and {@link #stop()} from another thread ends it promptly.
 */
public final class ReferencePlayer {

    /** The protocols a player speaks, in rollover order. */
    enum Protocol { MMSU, MMST, MMSH }

    private static final int MAX_REDIRECTS = 5;
    private static final int MMS_PORT = 1755;
    private static final int HTTP_PORT = 80;

    private final PlayContext ctx;

    public ReferencePlayer(PlayerConfig config) {
        this.ctx = new PlayContext(withUserInfo(config));
    }

    /** Credentials in the URL ({@code mms://user:password@host/...}) where none are given otherwise. */
    private static PlayerConfig withUserInfo(PlayerConfig c) {
        String info = c.url().getUserInfo();
        if (c.credentials().isPresent() || info == null) {
            return c;
        }
        int colon = info.indexOf(':');
        return colon < 0 ? c.withCredentials(info, "")
                : c.withCredentials(info.substring(0, colon), info.substring(colon + 1));
    }

    /** The GUID this player sends in every Connect and xClientGUID. */
    public String guid() {
        return ctx.guid();
    }

    /** Ends a play in progress at once; {@link #play()} then returns with signal SIGTERM. */
    public void stop() {
        ctx.stop();
    }

    /** Plays the URL to its end, following redirects; blocks until then. */
    public PlayResult play() {
        URI url = ctx.config().url();
        try {
            for (int redirects = 0;; redirects++) {
                Optional<URI> next = attempt(url);
                if (next.isEmpty()) {
                    return result(0, null, "end of stream");
                }
                if (redirects == MAX_REDIRECTS) {
                    return result(1, null, "more than " + MAX_REDIRECTS + " redirects");
                }
                url = next.get();
            }
        } catch (PlayEnd e) {
            ctx.log("ended: " + e.getMessage());
            return switch (e.kind()) {
                case STOPPED -> result(-1, "SIGTERM", "stopped");
                case CRASH -> result(-1, "SIGSEGV", "crashed at " + e.getMessage());
                default -> result(1, null, e.getMessage());
            };
        } catch (RuntimeException | ExpectationFailure e) {
            // a server that does not do what the player expects ends the play; nothing escapes play()
            ctx.log("ended: " + e);
            return ctx.stopped() ? result(-1, "SIGTERM", "stopped") : result(1, null, e.toString());
        }
    }

    /** One URL: its protocols in turn while each fails in a way that allows the next. */
    private Optional<URI> attempt(URI url) {
        List<Protocol> order = order(url);
        if (order.size() > 1 && ctx.has(PlayerFault.DESCRIBES_OVER_MMSH_FIRST)) {
            try {
                new HttpPlay(ctx, url, url.getPort() > 0 ? url.getPort() : HTTP_PORT, true).run();
            } catch (PlayEnd e) {
                ctx.log("probe over MMSH failed: " + e.getMessage());
            }
        }
        for (int i = 0; i < order.size(); i++) {
            Protocol p = order.get(i);
            int port = url.getPort() > 0 ? url.getPort() : p == Protocol.MMSH ? HTTP_PORT : MMS_PORT;
            if (p == Protocol.MMSH && ctx.has(PlayerFault.MMSH_ON_PORT_80) && order.size() > 1) {
                port = HTTP_PORT;
            }
            ctx.log("trying " + p + " on " + url.getHost() + ":" + port);
            try {
                return p == Protocol.MMSH ? new HttpPlay(ctx, url, port).run()
                        : new MmsPlay(ctx, url, port, p == Protocol.MMSU).run();
            } catch (PlayEnd e) {
                if (e.kind() == PlayEnd.Kind.AUTH && ctx.has(PlayerFault.ROLLS_OVER_ON_AUTH_FAILURE)
                        && i + 1 == order.size() && p != Protocol.MMSH) {
                    ctx.log(p + " refused the login: trying MMSH");
                    return new HttpPlay(ctx, url, port).run();
                }
                if (i + 1 == order.size() || !rollsOver(e.kind())) {
                    throw e.kind() == PlayEnd.Kind.ROLL_OVER ? new PlayEnd(PlayEnd.Kind.ERROR, e.getMessage()) : e;
                }
                ctx.log(p + " failed (" + e.getMessage() + "): rolling over");
            }
        }
        throw new IllegalStateException("no protocol for " + url);
    }

    private boolean rollsOver(PlayEnd.Kind k) {
        return switch (k) {
            case ROLL_OVER -> true;
            case AUTH -> ctx.has(PlayerFault.ROLLS_OVER_ON_AUTH_FAILURE);
            case SESSION_LIMIT -> ctx.has(PlayerFault.ROLLS_OVER_ON_SESSION_LIMIT);
            default -> false;
        };
    }

    /** mms:// rolls over; a protocol-specific scheme names its one protocol (1.3, the rollover rules). */
    private List<Protocol> order(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        List<Protocol> all = ctx.has(PlayerFault.MMST_BEFORE_MMSU)
                ? List.of(Protocol.MMST, Protocol.MMSU, Protocol.MMSH)
                : List.of(Protocol.MMSU, Protocol.MMST, Protocol.MMSH);
        Protocol one = switch (scheme) {
            case "mms" -> null;
            case "mmst" -> Protocol.MMST;
            case "mmsu" -> Protocol.MMSU;
            case "mmsh", "http" -> Protocol.MMSH;
            default -> throw new PlayEnd(PlayEnd.Kind.ERROR, "unknown scheme " + scheme);
        };
        if (one == null) {
            return ctx.has(PlayerFault.NO_ROLLOVER) ? all.subList(0, 1) : all;
        }
        if (!ctx.has(PlayerFault.ROLLS_OVER_ON_SPECIFIC_SCHEME)) {
            return List.of(one);
        }
        List<Protocol> out = new ArrayList<>(List.of(one));
        all.stream().filter(p -> p != one).forEach(out::add);
        return out;
    }

    private PlayResult result(int code, String signal, String reason) {
        return new PlayResult(code, signal, reason, ctx.log());
    }
}
