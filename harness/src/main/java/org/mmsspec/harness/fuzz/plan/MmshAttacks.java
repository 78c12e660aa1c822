package org.mmsspec.harness.fuzz.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Step;

/**
 * The attacks of an MMSH session (MS-WMSP): one request per connection, so a valid Describe on connection 0, for
 * later states a valid Play on connection 1, then the damaged request on the next connection.
 */
final class MmshAttacks {

    enum Family {
        /** A Pragma token's value at an extreme, or tokens added, dropped, doubled, broken (2.2.1.4). */
        PRAGMA,
        /** User-Agent, Host, Accept, Connection, Content-Length: odd values, gone, doubled, malformed lines. */
        HEADER,
        /** Method, URI and version of the request line. */
        LINE,
        /** Line endings: bare LF or CR, no blank line, blank lines first. */
        CRLF,
        /** A header or request line far longer than any client writes, under 64 KiB. */
        HUGE,
        /** Bytes that are no HTTP request, or an MMST packet. */
        GARBAGE,
        /** Flips, insertions, truncations of the request. */
        BYTES,
        /** The valid request in 1-byte or slow writes. */
        SEGMENTS;

        /** The name that starts a plan's attack. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static final List<FuzzState> STATES = List.of(FuzzState.MMSH_DESCRIBE, FuzzState.MMSH_PLAY,
            FuzzState.MMSH_STREAMING);
    static final int[] STATE_WEIGHTS = {50, 30, 20};
    /** Every request of a session stays below this; servers bound a head well below it. */
    static final int MAX_REQUEST = 64 * 1024 - 1;

    /** How often each family comes, in the order of {@link Family}. */
    static final int[] FAMILY_WEIGHTS = {30, 18, 14, 8, 5, 6, 12, 7};
    private static final String[] TOKENS = {"no-cache", "rate", "stream-time", "stream-offset", "request-context",
        "max-duration", "xPlayStrm", "xClientGUID", "client-id", "stream-switch-count", "stream-switch-entry",
        "LinkBW", "packet-num", "xPlayNextEntry", "xStopStrm", "xKeepAliveInPause", "pipeline-request",
        "version11-enabled", "log-line", "speed", "AccelBW", "AccelDuration", "Speed"};

    private final String uri;
    private final byte[] mmstConnect;

    /** Requests for {@code path}; {@code mmstConnect} is the MMST packet sent to MMSH as one kind of garbage. */
    MmshAttacks(String path, byte[] mmstConnect) {
        this.uri = path.startsWith("/") ? path : "/" + path;
        this.mmstConnect = mmstConnect;
    }

    MmstAttacks.Attack plan(SplittableRandom r) {
        FuzzState state = STATES.get(Draw.weighted(r, STATE_WEIGHTS));
        List<Step> steps = new ArrayList<>(prefix(state));
        MmshRequest q = switch (state) {
            case MMSH_DESCRIBE -> MmshRequest.describe(uri);
            case MMSH_PLAY -> MmshRequest.play(uri);
            default -> {
                long id = r.nextLong() & 0xFFFFFFFFL; // the server's id is not known before it answers
                yield switch (r.nextInt(5)) {
                    case 0 -> MmshRequest.selectStream(uri, id);
                    case 1 -> MmshRequest.keepAlive(uri, id);
                    case 2 -> MmshRequest.log(uri, id);
                    case 3 -> MmshRequest.stop(uri, id);
                    default -> MmshRequest.play(uri);
                };
            }
        };
        Family f = Family.values()[Draw.weighted(r, FAMILY_WEIGHTS)];
        Step.Segmenting seg = Step.Segmenting.WHOLE;
        String what;
        byte[] b;
        switch (f) {
            case PRAGMA -> what = pragma(r, q);
            case HEADER -> what = header(r, q);
            case LINE -> what = line(r, q);
            case CRLF -> what = crlf(r, q);
            case HUGE -> what = huge(r, q);
            default -> what = "";
        }
        switch (f) {
            case GARBAGE -> {
                ByteMutations.Damaged d = garbage(r);
                b = d.bytes();
                what = d.name();
            }
            case BYTES -> {
                ByteMutations.Damaged d = ByteMutations.any(r, q.bytes());
                b = d.bytes();
                what = d.name();
            }
            case SEGMENTS -> {
                b = q.bytes();
                seg = Draw.oneIn(r, 3) ? Step.Segmenting.SLOW : Step.Segmenting.ONE_BYTE;
                what = seg == Step.Segmenting.SLOW ? "slow writes" : "1-byte writes";
            }
            default -> b = q.bytes();
        }
        if (b.length > MAX_REQUEST) {
            b = java.util.Arrays.copyOf(b, MAX_REQUEST);
            what += " (cut to " + MAX_REQUEST + " bytes)";
        }
        steps.add(new Step(steps.size(), b, seg, Step.Await.NOTHING, q.method + " " + f.label() + ": " + what));
        return new MmstAttacks.Attack(state, f.label() + ": " + what, steps);
    }

    /** The valid requests before the attacked one: Describe, then for streaming a Play whose data is awaited. */
    List<Step> prefix(FuzzState state) {
        List<Step> steps = new ArrayList<>();
        if (state != FuzzState.MMSH_DESCRIBE) {
            steps.add(new Step(0, MmshRequest.describe(uri).bytes(), Step.Segmenting.WHOLE, Step.Await.END,
                    "Describe"));
        }
        if (state == FuzzState.MMSH_STREAMING) {
            steps.add(new Step(1, MmshRequest.play(uri).bytes(), Step.Segmenting.WHOLE, Step.Await.DATA, "Play"));
        }
        return steps;
    }

    private static String pragma(SplittableRandom r, MmshRequest q) {
        List<Integer> lines = q.indexes("Pragma");
        if (lines.isEmpty() || Draw.oneIn(r, 4)) {
            String name = Draw.pick(r, TOKENS);
            String token = name + "=" + value(r, name);
            q.header("Pragma", token);
            return "added " + token;
        }
        int line = Draw.pick(r, lines);
        String[] h = q.headers.get(line);
        // stream-switch-entry holds spaces and stands alone on its line: one token
        List<String> tokens = new ArrayList<>(h[1].startsWith("stream-switch-entry=") ? List.of(h[1])
                : List.of(h[1].split(",", -1)));
        int at = r.nextInt(tokens.size());
        String token = tokens.get(at);
        int eq = token.indexOf('=');
        String name = eq < 0 ? token : token.substring(0, eq);
        String what;
        switch (r.nextInt(8)) {
            case 0 -> {
                tokens.remove(at);
                what = "dropped " + token;
            }
            case 1 -> {
                String again = name + "=" + value(r, name);
                tokens.add(again);
                what = "doubled " + name + " as " + again;
            }
            case 2 -> {
                String broken = Draw.pick(r, "=", ",,,", "\"" + token, name + "=\"", " " + name + " = 1", name + "=",
                        name.toUpperCase(java.util.Locale.ROOT) + token.substring(name.length()));
                tokens.set(at, broken);
                what = "token " + broken;
            }
            default -> {
                String changed = name + "=" + value(r, name);
                tokens.set(at, changed);
                what = changed;
            }
        }
        h[1] = String.join(",", tokens);
        return what;
    }

    /** An extreme or malformed value for the Pragma token {@code name}. */
    static String value(SplittableRandom r, String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "rate", "speed" -> Draw.pick(r, "0", "-1", "1e308", "NaN", "1.", ".", "abc", "999999999999");
            case "stream-time", "max-duration", "packet-num" -> Draw.pick(r, "-1", "4294967295", "4294967296",
                    "18446744073709551616", "0x10", "");
            case "stream-offset" -> Draw.pick(r, "4294967295:4294967295", "0:0", "0", ":", "a:b", "1:2:3", "-1:-1",
                    "4294967296:0");
            case "xplaystrm", "xplaynextentry", "xstopstrm", "xkeepaliveinpause", "pipeline-request",
                "version11-enabled", "no-cache" -> Draw.pick(r, "0", "1", "2", "", "11", "-1");
            case "xclientguid" -> Draw.pick(r, "{}", "{00000000-0000-0000-0000-000000000000}", "{ZZZZ}", "",
                    "{" + "F".repeat(300) + "}", MmshRequest.CLIENT_GUID.replace("}", ""));
            case "client-id", "request-context", "linkbw", "accelbw", "accelduration" -> Draw.pick(r, "0", "-1",
                    "4294967295", "4294967296", "", "x", Long.toString(r.nextLong() & 0xFFFFFFFFL));
            case "stream-switch-count" -> Draw.pick(r, "0", "-1", "1", "65535", "4294967296", "x");
            case "stream-switch-entry" -> Draw.pick(r, "", "ffff:1:0", "1:1", "ffff:ffff:3", "0:0:0", "zzzz:1:0",
                    "ffff:99999:0", "ffff:0:0", "ffff:1:0 ".repeat(1 + r.nextInt(300)), "ffff:1:2 ffff:2:2", ":::",
                    "ffff:1:-1", "ffff:1:0ffff:2:0", "FFFF:1:0 FFFF:2:0 FFFF:3:0");
            case "log-line" -> Draw.pick(r, "", "-", "\"" + "x ".repeat(r.nextInt(500)) + "\"");
            default -> Draw.pick(r, "", "0", "-1", "4294967296", "99999999999999999999", "\"", "%00",
                    "A".repeat(300));
        };
    }

    private static String header(SplittableRandom r, MmshRequest q) {
        switch (r.nextInt(9)) {
            case 0 -> {
                String ua = Draw.pick(r, "NSPlayer/4.1.0.3856", "NSPlayer/7.0.0.1956", "NSPlayer/99999.99999",
                        "NSPlayer/", "NSPlayer", "NSServer/1.0", "NSServer/9.0", "Mozilla/5.0", "", "nsplayer/9.0",
                        "NSPlayer/9.0.0.2980" + "A".repeat(1000), "NSPlayer/-1.-1", "Windows-Media-Player/9.00");
                return set(q, "User-Agent", ua);
            }
            case 1 -> {
                return set(q, "Host", Draw.pick(r, "", ":", "[::1]:99999", "127.0.0.1:0", "h".repeat(300),
                        "127.0.0.1:-1", "a b"));
            }
            case 2 -> {
                return set(q, "Accept", Draw.pick(r, "", "application/x-mms-framed", "*/*, */*, */*", "\u00FF"));
            }
            case 3 -> {
                q.header("Connection", Draw.pick(r, "Keep-Alive", "close", "Upgrade", "x"));
                return "Connection " + q.headers.get(q.headers.size() - 1)[1];
            }
            case 4 -> {
                String v = Draw.pick(r, "-1", "99999999", "x", "0", "18446744073709551616", "1");
                List<Integer> at = q.indexes("Content-Length");
                if (at.isEmpty()) {
                    q.header("Content-Length", v);
                } else {
                    q.headers.get(at.get(0))[1] = v;
                }
                return "Content-Length " + v;
            }
            case 5 -> {
                String[] h = Draw.pick(r, q.headers);
                String name = h[0] == null ? "" : h[0];
                q.headers.remove(h);
                return "dropped " + name;
            }
            case 6 -> {
                String[] h = Draw.pick(r, q.headers);
                q.headers.add(new String[] {h[0], h[1]});
                return "doubled " + h[0];
            }
            case 7 -> {
                q.header(null, Draw.pick(r, "Pragma no-cache", ": empty name", "Pragma : xPlayStrm=1",
                        " continued", "Pra\u0000gma: x", "X-Odd:\t\t", "Transfer-Encoding: chunked"));
                return "line " + q.headers.get(q.headers.size() - 1)[1].replace("\u0000", "\\0");
            }
            default -> {
                List<Integer> at = q.indexes("Pragma");
                if (at.isEmpty()) {
                    return set(q, "Pragma", "no-cache");
                }
                int i = Draw.pick(r, at);
                q.headers.get(i)[1] = q.headers.get(i)[1] + "\r\n " + Draw.pick(r, "xPlayStrm=1", "client-id=1");
                return "folded Pragma";
            }
        }
    }

    /** Sets (or adds) header {@code name}. */
    private static String set(MmshRequest q, String name, String value) {
        List<Integer> at = q.indexes(name);
        if (at.isEmpty()) {
            q.header(name, value);
        } else {
            q.headers.get(at.get(0))[1] = value;
        }
        return name + " \"" + (value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + ")" : value)
                + "\"";
    }

    private String line(SplittableRandom r, MmshRequest q) {
        switch (r.nextInt(4)) {
            case 0 -> q.method = Draw.pick(r, "POST", "HEAD", "PUT", "OPTIONS", "DESCRIBE", "get", "", "G\u0000T",
                    "GETT", "CONNECT", "TRACE", "M".repeat(100));
            case 1 -> q.uri = Draw.pick(r, "/", "*", "", "/" + uri, uri + "?x=1&y", "/%zz", "/../../etc/passwd",
                    "http://127.0.0.1" + uri, "/" + "A".repeat(4000), uri + "%00", uri + "#frag", "\\sample.asf",
                    uri.toUpperCase(java.util.Locale.ROOT), uri + " x");
            case 2 -> q.version = Draw.pick(r, "HTTP/1.1", "HTTP/0.9", "HTTP/2.0", "HTTP/1.", "http/1.0", "",
                    "HTTP/9.9", "ICY", "HTTP/1.0 extra", "HTTP/01.00", "RTSP/1.0");
            default -> {
                q.method = q.method + Draw.pick(r, "  ", "\t", "");
                q.version = " " + q.version;
            }
        }
        return "request line \"" + esc(q.method + " " + shorten(q.uri) + " " + q.version) + "\"";
    }

    private static String crlf(SplittableRandom r, MmshRequest q) {
        switch (r.nextInt(5)) {
            case 0 -> q.eol = "\n";
            case 1 -> q.eol = "\r";
            case 2 -> q.eol = "\n\r";
            case 3 -> q.ended = false;
            default -> {
                q.method = "\r\n\r\n" + q.method;
                return "blank lines first";
            }
        }
        return q.ended ? "line ends \"" + esc(q.eol) + "\"" : "no blank line after the head";
    }

    private static String huge(SplittableRandom r, MmshRequest q) {
        switch (r.nextInt(3)) {
            case 0 -> {
                int n = 8 * 1024 + r.nextInt(52 * 1024);
                q.header(Draw.pick(r, "Pragma", "User-Agent", "X-Filler"), "A".repeat(n));
                return "header of " + n + " bytes";
            }
            case 1 -> {
                int n = 100 + r.nextInt(1400);
                for (int i = 0; i < n; i++) {
                    q.header("Pragma", "x" + i + "=1");
                }
                return n + " Pragma lines";
            }
            default -> {
                int n = 8 * 1024 + r.nextInt(8 * 1024);
                q.uri = q.uri + "?" + "a".repeat(n);
                return "request line of " + n + " bytes";
            }
        }
    }

    private ByteMutations.Damaged garbage(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> new ByteMutations.Damaged(mmstConnect, "an MMST Connect");
            case 1 -> {
                ByteMutations.Damaged j = ByteMutations.junk(r);
                byte[] b = ByteMutations.concat("GET ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        j.bytes());
                yield new ByteMutations.Damaged(b, "GET and " + j.name());
            }
            case 2 -> {
                byte[] b = new byte[1 + r.nextInt(ByteMutations.MAX_JUNK)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (0x20 + r.nextInt(0x5F));
                }
                yield new ByteMutations.Damaged(b, "printable junk of " + b.length + " bytes");
            }
            default -> ByteMutations.junk(r);
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
    }

    private static String esc(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
    }
}
