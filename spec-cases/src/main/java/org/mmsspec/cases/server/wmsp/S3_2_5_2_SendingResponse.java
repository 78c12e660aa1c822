package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmshResponse;

/** MS-WMSP 3.2.5.2: what every response carries. */
final class S3_2_5_2_SendingResponse {

    /** The Server header's grammar (2.2.1.5): token, slash, major.minor, optional build numbers. */
    static final Pattern SERVER = Pattern.compile("^(Cougar|Rex)/(\\d{1,2})\\.(\\d{1,2})(\\.\\d{1,4}\\.\\d{1,4})?( .*)?$");
    /** The token and version however written, to read the version of a header that misses the grammar. */
    static final Pattern LOOSE = Pattern.compile("^(Cougar|Rex)[/ ](\\d{1,2})\\.(\\d{1,2})");
    /** The server versions of 2.2.1.5's table. */
    static final Set<String> VERSIONS = Set.of("Cougar 4.0", "Cougar 4.1", "Cougar 9.0", "Cougar 9.1", "Cougar 9.5",
            "Rex 4.0", "Rex 7.0", "Rex 7.1", "Rex 8.0", "Rex 9.0", "Rex 10.0", "Rex 11.0");
    /** Pragma tokens 2.2.1.4 defines for requests only. */
    static final List<String> REQUEST_TOKENS = List.of("rate", "stream-time", "stream-offset", "packet-num",
            "max-duration", "xplaystrm", "stream-switch-count", "stream-switch-entry", "request-context",
            "xclientguid", "linkbw", "log-line", "version11-enabled", "xkeepaliveinpause", "xplaynextentry",
            "xstopstrm", "pipeline-request", "client-lag", "playlist-seek-id", "pl-offset", "proxy-client-agent");
    /** Headers 2.2.1 defines for requests only. */
    static final List<String> REQUEST_HEADERS = List.of("User-Agent", "Cookie", "X-Accept-Authentication",
            "X-Accept-Proxy-Authentication", "X-Proxy-Client-Verb");

    private S3_2_5_2_SendingResponse() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.2", "Sending a Response (All Request Types)");
        g.add(1, MUST, "Describe response has a Server header Cougar/<major>.<minor> (or Rex/...) as 2.2.1.5 writes it")
                .covers("R2", "R3").run(ctx -> {
                    String server = Wmsp.describe(ctx).response().header("Server");
                    ctx.must(server != null, "the Describe response has a Server header");
                    ctx.check(ctx.serverCase().section(), MUST, SERVER.matcher(server).matches(),
                            "the Server header follows 2.2.1.5: token, '/', major.minor", "Cougar/9.01.01.3814",
                            server);
                });
        g.add(2, MUST, "The Server header names a server version of 2.2.1.5's table").covers("R4").run(ctx -> {
            String server = Wmsp.describe(ctx).response().header("Server");
            Matcher m = LOOSE.matcher(server == null ? "" : server);
            ctx.must(m.find(), "the Server header names Cougar or Rex and a version: " + server);
            String version = m.group(1) + " " + Integer.parseInt(m.group(2)) + "." + Integer.parseInt(m.group(3));
            ctx.check(ctx.serverCase().section(), MUST, VERSIONS.contains(version),
                    "the server version is one of 2.2.1.5's table", String.join(", ", VERSIONS), version);
        });
        g.add(3, MUST, "Describe response names the new session in a client-id Pragma of 0 to 4294967295")
                .covers("R6").run(ctx -> {
                    MmshResponse r = Wmsp.client(ctx).describe(Wmsp.path(ctx));
                    String id = Wmsp.pragma(r, "client-id");
                    ctx.must(id != null && id.strip().matches("\\d{1,10}") && Long.parseLong(id.strip()) <= 0xFFFFFFFFL,
                            "the Describe response has client-id=<1 to 10 digits, at most 4294967295>, not " + id);
                });
        g.add(4, MUST, "Describe and Play responses carry no header or Pragma token defined only for requests")
                .covers("R1").run(ctx -> {
                    Wmsp.Described d = Wmsp.describe(ctx);
                    noRequestFields(ctx, "Describe", d.response());
                    noRequestFields(ctx, "Play", d.play(ctx));
                });
        g.add(5, SHOULD, "Describe response has a Cache-Control header").covers("R5").run(ctx -> {
            MmshResponse r = Wmsp.describe(ctx).response();
            ctx.should(r.header("Cache-Control") != null, "the Describe response has a Cache-Control header");
        });
        g.add(6, SHOULD, "Describe response gives a timeout token (1000 ms or more) beside its client-id")
                .covers("R8").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    String t = Wmsp.pragma(r, "timeout");
                    ctx.should(t != null, "a timeout Pragma token comes with client-id");
                    if (t != null) {
                        ctx.must(t.strip().matches("\\d{4,10}") && Long.parseLong(t.strip()) <= 0xFFFFFFFFL,
                                "timeout is 1000 to 4294967295 ms (2.2.1.4.29), not " + t);
                    }
                });
        return g;
    }

    static void noRequestFields(CaseContext ctx, String what, MmshResponse r) {
        ctx.must(r.head() != null, "the " + what + " response has a head: " + r.end().summary());
        for (String t : r.head().pragmas()) {
            String name = t.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            ctx.must(!REQUEST_TOKENS.contains(name), "the " + what + " response carries the request token " + t);
        }
        for (String h : REQUEST_HEADERS) {
            ctx.must(r.header(h) == null, "the " + what + " response carries the request header " + h);
        }
    }

    /** The major version of a Cougar Server header, however written; 0 for anything else. */
    static int cougarMajor(String server) {
        Matcher m = LOOSE.matcher(server == null ? "" : server);
        return m.find() && m.group(1).equals("Cougar") ? Integer.parseInt(m.group(2)) : 0;
    }
}
