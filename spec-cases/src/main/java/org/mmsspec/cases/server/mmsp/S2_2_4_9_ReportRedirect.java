package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.MockClientException;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportRedirect;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;

/** MS-MMSP 2.2.4.9: the ReportRedirect a redirecting place answers OpenFile with. */
final class S2_2_4_9_ReportRedirect {

    private static final Section OPEN_FILE = Section.mmsp("3.2.5.6");
    private static final Set<String> SCHEMES = Set.of("mms", "mmsu", "mmst");
    /** Where a redirect URL without a port sends the client (MS-MMSP 2.2.4.9). */
    private static final int MMS_PORT = 1755;

    private S2_2_4_9_ReportRedirect() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.9", "LinkMacToViewerReportRedirect");
        g.add(1, MUST, "OpenFile on a redirecting place is answered with ReportRedirect")
                .covers("R1", "MMSP-3.2.5.6-R6").run(ctx -> redirect(openFile(ctx)));
        g.add(2, MUST, "ReportRedirect's RedirectType is 0x0001 (new URL) or 0x0002 (proxy)").covers("R2").run(ctx -> {
            var r = redirect(openFile(ctx));
            ctx.must(r.RedirectType() == LinkMacToViewerReportRedirect.REDIRECT_URL
                    || r.RedirectType() == LinkMacToViewerReportRedirect.REDIRECT_PROXY,
                    "RedirectType is 1 or 2, not " + r.RedirectType());
        });
        g.add(3, MUST, "cbLocation is the byte size of wszLocation with its UTF-16 NUL").covers("R3", "R4").run(ctx -> {
            var r = redirect(openFile(ctx));
            ctx.mustEqual("cbLocation", (long) (r.wszLocation().length() + 1) * 2, (long) r.cbLocation());
        });
        g.add(4, MUST, "wszLocation is an RFC 3986 URL with scheme mms, mmsu or mmst").covers("R5", "R7", "R10")
                .run(ctx -> {
                    var r = redirect(openFile(ctx));
                    URI u = url(ctx, r);
                    ctx.must(u.getScheme() != null && SCHEMES.contains(u.getScheme().toLowerCase()),
                            "the scheme of " + r.wszLocation() + " is mms, mmsu or mmst");
                });
        g.add(5, MUST, "wszLocation has no percent-encoded characters").covers("R8").run(ctx -> {
            var r = redirect(openFile(ctx));
            ctx.must(!r.wszLocation().matches("(?s).*%[0-9A-Fa-f]{2}.*"),
                    "wszLocation holds a percent-encoded character: " + r.wszLocation());
        });
        g.add(6, MUST, "After ReportRedirect the server closes the TCP connection").covers("MMSP-3.2.5.6-R7")
                .run(ctx -> {
                    Handshake h = openFile(ctx);
                    redirect(h);
                    try {
                        h.client().expectClose();
                    } catch (org.mmsspec.client.ExpectationFailure e) {
                        ctx.check(OPEN_FILE, MUST, false, "the connection closes after ReportRedirect", "a close",
                                e.getMessage());
                    }
                });
        g.add(7, MUST, "The redirect URL leads somewhere: its server plays its path to a first Data packet")
                .covers("R5").run(ctx -> {
                    var r = redirect(openFile(ctx));
                    if (r.RedirectType() != LinkMacToViewerReportRedirect.REDIRECT_URL) {
                        ctx.skip("the redirect names a proxy, not a place to play");
                    }
                    URI u = url(ctx, r);
                    String path = u.getPath() == null ? "" : u.getPath();
                    MmstClient c = connect(ctx, u);
                    var played = Handshake.on(c, path.startsWith("/") ? path.substring(1) : path).play();
                    ctx.must(played.iterator().hasNext(), "playing " + u + " gave no Data packet: " + played.end());
                });
        return g;
    }

    /** A connection to the server of {@code u}; one that cannot be made breaks the rule, the target being reachable. */
    private static MmstClient connect(CaseContext ctx, URI u) {
        try {
            return ctx.mmst(u.getHost(), u.getPort() < 0 ? MMS_PORT : u.getPort());
        } catch (MockClientException e) {
            ctx.must(false, "the redirect URL leads nowhere: " + e.getMessage());
            throw e;
        }
    }

    /** A fresh session on the redirecting place, funnel connected, OpenFile sent. */
    private static Handshake openFile(CaseContext ctx) {
        var place = ctx.requireRedirect();
        Handshake h = ctx.handshake(place).upTo(Handshake.Stage.FUNNEL_CONNECTED);
        h.client().send(LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION, place.path(), Bytes.EMPTY));
        return h;
    }

    private static LinkMacToViewerReportRedirect redirect(Handshake h) {
        return h.client().expect(LinkMacToViewerReportRedirect.class);
    }

    private static URI url(CaseContext ctx, LinkMacToViewerReportRedirect r) {
        try {
            URI u = new URI(r.wszLocation());
            ctx.must(u.isAbsolute() && u.getHost() != null, "wszLocation is an absolute URL with a host: "
                    + r.wszLocation());
            return u;
        } catch (URISyntaxException e) {
            ctx.must(false, "wszLocation is no RFC 3986 URL: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
