package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;

/** MS-MMSP 2.2.4.16 LinkViewerToMacCloseFile: the end of the session, when the client says it. */
final class C2_2_4_16_CloseFile {

    private C2_2_4_16_CloseFile() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.16", "LinkViewerToMacCloseFile")
                .add(1, MUST, "CloseFile names the openFileId the server chose (7)")
                .covers("R4", "MMSP-3.1.4.8-R2")
                .server(Sends::fileId7)
                .check(ctx -> ctx.expectEqual("CloseFile openFileId (ReportOpenFile gave 7)", Sends.FILE_ID,
                        Sends.sentOrSkip(ctx, LinkViewerToMacCloseFile.class).openFileId()))
                .add(2, SHOULD, "CloseFile's playIncarnation is 0x00000000")
                .covers("R2")
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacCloseFile.class);
                    ctx.judgeFields("playIncarnation");
                });
    }
}
