package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/** MS-MMSP 2.2.4.25 LinkViewerToMacStartPlaying: the request to stream. */
final class C2_2_4_25_StartPlaying {

    private C2_2_4_25_StartPlaying() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.25", "LinkViewerToMacStartPlaying")
                .add(1, MUST, "StartPlaying names the openFileId the server chose (7), not a hard-wired 1")
                .covers("R2", "MMSP-3.1.4.2.1-R2")
                .server(Sends::fileId7)
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> ctx.expectEqual("StartPlaying openFileId (ReportOpenFile gave 7)", Sends.FILE_ID,
                        ctx.require(LinkViewerToMacStartPlaying.class).openFileId()))
                .add(2, SHOULD, "StartPlaying's padding is 0x00000000")
                .covers("R3")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> judge(ctx, "padding"))
                .add(3, MUST, "position is seconds from 0 or DBL_MAX, and DBL_MAX comes with asfOffset or locationId")
                .covers("R5", "R6", "R7", "R9")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> judge(ctx, "position"))
                .add(4, MUST, "StartPlaying's playIncarnation lies in 0x01..0xFE")
                .covers("R17")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> judge(ctx, "playIncarnation"))
                .add(5, MUST, "a player streaming the whole content sends frameOffset 0 (to the end)")
                .covers("R11")
                .erratum("FFmpeg, libmms and VLC send 0x00FFFFFF, a stop time 16777 s from time 0: beyond any"
                        + " ordinary content it means the end too. Judged so (0, or a stop time past the content's"
                        + " duration); the LITERAL profile asks for 0 itself.")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    long f = ctx.require(LinkViewerToMacStartPlaying.class).frameOffset();
                    double seconds = ctx.scenario().media().get(0).files().get(0).properties().durationSeconds();
                    boolean pastEnd = (f & 0x80000000L) == 0 && (f & 0x7FFFFFFFL) / 1000.0 >= seconds;
                    boolean literal = ctx.settings().profile() == Profile.LITERAL;
                    ctx.expect(f == 0 || !literal && pastEnd, String.format("frameOffset 0x%08X stops the"
                            + " %.1f s content early (or is not 0 under the literal profile)", f, seconds));
                });
    }

    /** A client that read the header must go on to StartPlaying (3.1.4.2), so a missing one fails. */
    private static void judge(ClientContext ctx, String field) {
        ctx.require(LinkViewerToMacStartPlaying.class);
        ctx.judgeFields(field);
    }
}
