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
                .add(1, MUST, "after ReportRedirect the client connects again, to the new URL's host and port, and"
                        + " starts the new connection with LinkViewerToMacConnect")
                .covers("R4", "R9", "R14")
                .server(C3_1_5_7_Redirect::redirected)
                .until(ctx -> ctx.mmstConnections().size() > 1 && ctx.hasSent(LinkViewerToMacOpenFile.class)
                        && ctx.all(LinkViewerToMacOpenFile.class).size() > 1 || ctx.sessionOver())
                .check(ctx -> {
                    ctx.require(LinkViewerToMacOpenFile.class);
                    List<Transcript> after = connectionsAfterRedirect(ctx);
                    ctx.expect(!after.isEmpty(), "the client did not connect again after ReportRedirect; it tried "
                            + ctx.attempts());
                    String first = after.get(0).entries().stream().flatMap(e -> e.messages().stream())
                            .map(m -> m.type().name()).findFirst().orElse("nothing");
                    ctx.expectEqual("first message on the new connection", "LinkViewerToMacConnect", first);
                })
                .add(2, MUST, "after ReportRedirect the client's new OpenFile names the path of the redirect URL")
                .covers("R7", "MMSP-3.1.5.6-R6")
                .server(C3_1_5_7_Redirect::redirected)
                .until(ctx -> ctx.all(LinkViewerToMacOpenFile.class).size() > 1 || ctx.sessionOver())
                .check(ctx -> {
                    List<String> files = ctx.all(LinkViewerToMacOpenFile.class).stream()
                            .map(LinkViewerToMacOpenFile::fileName).toList();
                    ctx.require(LinkViewerToMacOpenFile.class);
                    ctx.expect(files.size() > 1, "the client opened no file after ReportRedirect; it opened " + files
                            + " and tried " + ctx.attempts());
                    ctx.expectEqual("OpenFile fileName after the redirect", TARGET,
                            files.get(1).startsWith("/") ? files.get(1).substring(1) : files.get(1));
                });
    }

    /** The MMST connections that came after the first one, the one redirected. */
    private static List<Transcript> connectionsAfterRedirect(ClientContext ctx) {
        List<Transcript> all = ctx.mmstConnections().stream().filter(t -> !t.entries().isEmpty()).toList();
        return all.isEmpty() ? all : all.subList(1, all.size());
    }
}
