package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/** MS-MMSP 2.2.4.23 LinkViewerToMacReadBlock: the request for the ASF file header. */
final class C2_2_4_23_ReadBlock {

    private C2_2_4_23_ReadBlock() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.23", "LinkViewerToMacReadBlock")
                .add(1, MUST, "ReadBlock names the openFileId the server chose (7), not a hard-wired 1")
                .covers("R2", "MMSP-3.1.5.9.1-R2", "MMSP-3.1.5.9-R4")
                .server(Sends::fileId7)
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> ctx.expectEqual("ReadBlock openFileId (ReportOpenFile gave 7)", Sends.FILE_ID,
                        ctx.require(LinkViewerToMacReadBlock.class).openFileId()))
                .add(2, MUST, "ReadBlock's fileBlockId and offset are 0")
                .covers("R3", "R4")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "fileBlockId", "offset"))
                .add(3, SHOULD, "ReadBlock's length is 0x00008000")
                .covers("R5")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "length"))
                .add(4, MUST, "ReadBlock's flags is 0xFFFFFFFF")
                .covers("R6")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "flags"))
                .add(5, SHOULD, "ReadBlock's padding is 0x00000000")
                .covers("R7")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "padding"))
                .add(6, MUST, "ReadBlock's tEarliest is 0.0 and tDeadline 3600.0")
                .covers("R9", "R10")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "tEarliest", "tDeadline"))
                .add(7, MUST, "ReadBlock's playIncarnation lies in 0x01..0xFE and playSequence is 0")
                .covers("R11", "R12")
                .until(ctx -> ctx.hasSent(LinkViewerToMacReadBlock.class))
                .check(ctx -> judge(ctx, "playIncarnation", "playSequence"));
    }

    /** Every client that got ReportOpenFile must ask for the header (3.1.5.9), so a missing ReadBlock fails. */
    private static void judge(ClientContext ctx, String... fields) {
        ctx.require(LinkViewerToMacReadBlock.class);
        ctx.judgeFields(fields);
    }
}
