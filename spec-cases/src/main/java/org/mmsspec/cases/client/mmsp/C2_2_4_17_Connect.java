package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext.Sent;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** MS-MMSP 2.2.4.17 LinkViewerToMacConnect: what the client says first. */
final class C2_2_4_17_Connect {

    /** The client-token / major.minor pairs of the section's table. */
    private static final Set<String> VERSIONS = Set.of("4.1", "7.0", "7.1", "8.0", "9.0", "10.0");
    /** Lenient on purpose: these cases judge the version and the GUID's identity, not the grammar (case 04). */
    private static final Pattern VERSION = Pattern.compile("^NSPlayer/(\\d+)\\.(\\d+)");
    private static final Pattern GUID = Pattern.compile("\\{([^}]*)}");

    private C2_2_4_17_Connect() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.17", "LinkViewerToMacConnect")
                .add(1, MUST, "the first message on every MMST connection is LinkViewerToMacConnect")
                .covers("MMSP-3.1.4.1-R9")
                .check(ctx -> {
                    ctx.requireMmst();
                    for (List<Sent> c : Sends.byConnection(ctx)) {
                        ctx.expect(c.get(0).message() instanceof LinkViewerToMacConnect, "connection #"
                                + c.get(0).connection() + " begins with " + c.get(0).message().type().name());
                    }
                })
                .add(2, MUST, "Connect carries MacToViewerProtocolRevision 0x0004000B and ViewerToMac 0x0003001C")
                .covers("R3", "R4")
                .until(ctx -> ctx.hasSent(LinkViewerToMacConnect.class))
                .check(ctx -> {
                    LinkViewerToMacConnect c = ctx.require(LinkViewerToMacConnect.class);
                    ctx.expectEqual("MacToViewerProtocolRevision", 0x0004000BL, c.MacToViewerProtocolRevision());
                    ctx.expectEqual("ViewerToMacProtocolRevision", 0x0003001CL, c.ViewerToMacProtocolRevision());
                })
                .add(3, SHOULD, "Connect's playIncarnation is 0xF0F0F0EF or 0xF0F0F0F0 (packet-pair or not)")
                .covers("R2", "MMSP-3.1.4.1.1-R6")
                .erratum("Every open-source client sends 0 here (FFmpeg, VLC, MPlayer, libmms); the spec's two"
                        + " values tell the server whether packet-pair is wanted, so 0 is a WARN, not a FAIL.")
                .until(ctx -> ctx.hasSent(LinkViewerToMacConnect.class))
                .check(ctx -> {
                    long p = ctx.require(LinkViewerToMacConnect.class).playIncarnation();
                    ctx.should(p == 0xF0F0F0EFL || p == 0xF0F0F0F0L,
                            String.format("playIncarnation is 0x%08X, neither 0xF0F0F0EF nor 0xF0F0F0F0", p));
                })
                .add(4, MUST, "subscriberName follows the ABNF: NSPlayer/major.minor; {8-4-4-4-12 hex GUID}[; Host: h]")
                .until(ctx -> ctx.hasSent(LinkViewerToMacConnect.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacConnect.class);
                    ctx.judgeFields("subscriberName");
                })
                .add(5, MUST, "subscriberName names a client-token and version of the section's table")
                .covers("R10")
                .until(ctx -> ctx.hasSent(LinkViewerToMacConnect.class))
                .check(ctx -> {
                    LinkViewerToMacConnect c = ctx.require(LinkViewerToMacConnect.class);
                    if (c.isSpoooon()) {
                        return;
                    }
                    Matcher m = VERSION.matcher(c.subscriberName());
                    ctx.expect(m.find() && VERSIONS.contains(m.group(1) + "." + m.group(2)),
                            "subscriberName \"" + c.subscriberName() + "\" names no version of " + VERSIONS);
                })
                .add(6, MUST, "OpenFile is redirected on the same server: the client's next Connect names the GUID"
                        + " of its first (SKIP without a reconnect)")
                .covers("MMSP-3.1.4.1.1-R2")
                .server(C3_1_5_7_Redirect::redirected)
                .until(ctx -> ctx.all(LinkViewerToMacConnect.class).size() > 1 || ctx.sessionOver())
                .check(ctx -> {
                    List<String> guids = ctx.all(LinkViewerToMacConnect.class).stream().map(c -> {
                        Matcher m = GUID.matcher(c.subscriberName());
                        return m.find() ? m.group(1) : c.subscriberName();
                    }).toList();
                    ctx.requireMmst();
                    if (guids.size() < 2) {
                        ctx.skip("the client connected once, it did not follow ReportRedirect; no reconnect shows whether it"
                                + " keeps its GUID");
                    }
                    ctx.expect(guids.stream().distinct().count() == 1, "the Connects name GUIDs " + guids);
                });
    }
}
