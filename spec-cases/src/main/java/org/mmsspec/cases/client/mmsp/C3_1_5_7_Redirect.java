package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsp.Transcript;
import org.mmsspec.server.scenario.Scenario;

/**
 * MS-MMSP 3.1.5.7 Receiving a LinkMacToViewerReportRedirect Message: OpenFile is redirected to another path of the
 * same server; the client starts over on a new connection with the new URL.
 */
final class C3_1_5_7_Redirect {

    /** Where the case's server redirects to; that path it serves. */
    static final String TARGET = "other.asf";

    private C3_1_5_7_Redirect() {
    }

    static Scenario.Builder redirected(Scenario.Builder b) {
        return b.media(TARGET, AsfFile.sample())
                .redirect("mmst://127.0.0.1:" + b.port(Protocol.MMST) + "/" + TARGET);
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.7", "Receiving a LinkMacToViewerReportRedirect Message")
                .add(1, MUST, "after ReportRedirect the client connects again and starts the connection on which"
                        + " it opens the redirect URL's path with LinkViewerToMacConnect")
                .covers("R4", "R9", "R14")
                .server(C3_1_5_7_Redirect::redirected)
                .until(C3_1_5_7_Redirect::reopened)
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    Transcript followed = ctx.mmstConnections().stream().filter(t -> opens(t, TARGET)).findFirst()
                            .orElse(null);
                    ctx.expect(followed != null, "the client never opened " + TARGET + " after ReportRedirect; it"
                            + " opened " + opened(ctx) + " and tried " + ctx.attempts());
                    String first = followed.entries().stream().flatMap(e -> e.messages().stream())
                            .map(m -> m.type().name()).findFirst().orElse("nothing");
                    ctx.expectEqual("first message on the redirected connection", "LinkViewerToMacConnect", first);
                })
                .add(2, MUST, "the OpenFile that follows ReportRedirect names the path of the redirect URL, not the"
                        + " old one")
                .covers("R7", "MMSP-3.1.5.6-R6")
                .server(C3_1_5_7_Redirect::redirected)
                .until(C3_1_5_7_Redirect::reopened)
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    List<String> files = opened(ctx);
                    ctx.expect(files.size() > 1, "the client opened no file after ReportRedirect; it opened " + files
                            + " and tried " + ctx.attempts());
                    ctx.expectEqual("OpenFile fileName after the redirect", TARGET, files.get(1));
                });
    }

    /** Until: a second OpenFile came, or the session is over. */
    private static boolean reopened(ClientContext ctx) {
        return ctx.all(LinkViewerToMacOpenFile.class).size() > 1 || ctx.sessionOver();
    }

    /** The fileName of every OpenFile, in order, without a leading slash. */
    private static List<String> opened(ClientContext ctx) {
        return ctx.all(LinkViewerToMacOpenFile.class).stream().map(o -> o.fileName().replaceFirst("^/", ""))
                .toList();
    }

    private static boolean opens(Transcript t, String path) {
        return t.entries().stream().flatMap(e -> e.messages().stream()).anyMatch(m -> m instanceof
                LinkViewerToMacOpenFile o && o.fileName().replaceFirst("^/", "").equals(path));
    }
}
