package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;

/** MS-WMSP 3.2.5.1: the checks every request goes through, and the errors they give. */
final class S3_2_5_1_ReceivingRequest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0";

    private S3_2_5_1_ReceivingRequest() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.1", "Receiving a Request (All Request Types)");
        g.add(1, MUST, "A web browser's GET of the media gets an HTTP error or a redirecting body, not a WMSP stream")
                .covers("R1").erratum("WMS answers 200 with an ASX file pointing at the same URL (<69>); either "
                        + "that or an error status passes").tags(ServerCase.NEGATIVE).run(ctx -> {
                    MmshResponse r = Wmsp.client(ctx).userAgent(BROWSER).get(Wmsp.path(ctx), List.of());
                    notStreamed(ctx, r, "a browser User-Agent");
                });
        g.add(2, MUST, "A GET without User-Agent gets an HTTP error or a redirecting body, not a WMSP stream")
                .covers("R1").tags(ServerCase.NEGATIVE).run(ctx -> {
                    MmshClient c = Wmsp.client(ctx);
                    String req = "GET " + Wmsp.path(ctx) + " HTTP/1.0\r\nAccept: */*\r\nHost: " + ctx.target().host()
                            + "\r\nPragma: no-cache,rate=1.000,stream-time=0\r\n\r\n";
                    notStreamed(ctx, c.raw(req.getBytes(StandardCharsets.ISO_8859_1)), "no User-Agent");
                });
        g.add(3, MUST, "A KeepAlive POST without client-id gets an HTTP error status").covers("R7")
                .tags(ServerCase.NEGATIVE).run(ctx -> refused(ctx, post(ctx, "xKeepAliveInPause=1"), "KeepAlive"));
        g.add(4, MUST, "A KeepAlive POST naming a client-id no session has gets an HTTP error status").covers("R6")
                .tags(ServerCase.NEGATIVE).run(ctx -> refused(ctx, post(ctx, "xKeepAliveInPause=1",
                        "client-id=" + S3_2_5_4_ReceivingDescribe.UNKNOWN_ID), "KeepAlive with an unknown client-id"));
        g.add(5, MUST, "A Log POST without client-id gets an HTTP error status").covers("R7")
                .tags(ServerCase.NEGATIVE).run(ctx -> refused(ctx, post(ctx, S3_2_5_11_ReceivingLog.LOG_LINE),
                        "Log"));
        g.add(6, MUST, "A PUT, which is no request type of 2.2.2, gets an HTTP error status").covers("R4", "R5")
                .tags(ServerCase.NEGATIVE).run(ctx -> {
                    String req = "PUT " + Wmsp.path(ctx) + " HTTP/1.0\r\nUser-Agent: " + MmshClient.USER_AGENT
                            + "\r\nHost: " + ctx.target().host() + "\r\nPragma: no-cache\r\nContent-Length: 0\r\n\r\n";
                    refused(ctx, Wmsp.client(ctx).raw(req.getBytes(StandardCharsets.ISO_8859_1)), "PUT");
                });
        return g;
    }

    /** A POST of the target's media with these Pragma lines and no body. */
    static MmshResponse post(CaseContext ctx, String... pragmas) {
        return Wmsp.client(ctx).post(Wmsp.path(ctx), List.of(pragmas), null, new byte[0]);
    }

    static void refused(CaseContext ctx, MmshResponse r, String what) {
        ctx.must(Wmsp.refused(r), what + " is refused with a 4xx or 5xx status, not "
                + (r.head() == null ? r.end().summary() : r.head().startLine()));
    }

    /**
     * An error status, or a success whose body is no MMSH framing (an ASX, a page). A WMSP Content-Type counts as
     * streaming even where no whole packet followed.
     */
    static void notStreamed(CaseContext ctx, MmshResponse r, String who) {
        String type = r.head() == null ? null : r.header("Content-Type");
        boolean framed = r.packets().size() > 0 || (type != null
                && (type.contains("x-mms-framed") || type.contains("vnd.ms.wms-hdr")));
        ctx.must(r.head() != null, "a request with " + who + " is answered: " + r.end().summary());
        ctx.must(Wmsp.refused(r) || !framed, "a request with " + who + " gets an error or a redirect, not "
                + r.head().startLine() + " with " + r.packets().size() + " MMSH packets");
    }
}
