package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.server.asf.AsfFile;

/** MS-MMSP 2.2.4.21 LinkViewerToMacOpenFile: the content the client names. */
final class C2_2_4_21_OpenFile {

    private C2_2_4_21_OpenFile() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.21", "LinkViewerToMacOpenFile")
                .add(1, MUST, "OpenFile's playIncarnation lies in 0x01..0xFE")
                .covers("R2")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> judge(ctx, "playIncarnation"))
                .add(2, SHOULD, "OpenFile's spare is 0x00000000")
                .covers("R3")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> judge(ctx, "spare"))
                .add(3, MUST, "without credentials, OpenFile's token and cbtoken are 0 and no tokenData follows")
                .covers("R6", "R7", "R11")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> {
                    LinkViewerToMacOpenFile o = ctx.require(LinkViewerToMacOpenFile.class);
                    ctx.judgeFields("token", "cbtoken", "tokenData");
                    ctx.expectEqual("cbtoken (the server asked for no credentials)", 0, o.cbtoken());
                })
                .add(4, MUST, "fileName of URL path dir/my%20clip.asf is \"dir/my clip.asf\", not percent-encoded")
                .covers("R8", "MMSP-3.1.5.6-R6")
                .path("dir/my%20clip.asf")
                .server(b -> b.media("dir/my clip.asf", AsfFile.sample()))
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> expectPath(ctx, "dir/my clip.asf"))
                .add(5, MUST, "fileName of URL path caf%C3%A9.asf is \"caf\u00e9.asf\" (UTF-8 escapes decoded)")
                .covers("R8", "MMSP-3.1.5.6-R6")
                .path("caf%C3%A9.asf")
                .server(b -> b.media("caf\u00e9.asf", AsfFile.sample()))
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> expectPath(ctx, "caf\u00e9.asf"))
                .add(6, SHOULD, "fileName ends with a UTF-16 NUL")
                .covers("R9")
                .until(ctx -> ctx.hasSent(LinkViewerToMacOpenFile.class))
                .check(ctx -> judge(ctx, "fileName"));
    }

    private static void judge(ClientContext ctx, String field) {
        ctx.require(LinkViewerToMacOpenFile.class);
        ctx.judgeFields(field);
    }

    /** A leading "/" is the URL's own (RFC 3986 path-abempty) and deployed servers take either form. */
    static void expectPath(ClientContext ctx, String path) {
        String name = ctx.require(LinkViewerToMacOpenFile.class).fileName();
        ctx.expectEqual("fileName (leading / aside)", path, name.startsWith("/") ? name.substring(1) : name);
    }
}
