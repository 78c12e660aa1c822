package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.time.Duration;
import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.ClientContext.Sent;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * MS-MMSP 2.2.4.27 LinkViewerToMacStopPlaying. The server streams in real time and the case stops the client two
 * seconds into the stream: a client that stops properly says so before it goes; one that only closes skips these
 * cases.
 */
final class C2_2_4_27_StopPlaying {

    static final Duration INTO_THE_STREAM = Duration.ofSeconds(2);

    private C2_2_4_27_StopPlaying() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.27", "LinkViewerToMacStopPlaying")
                .add(1, MUST, "StopPlaying echoes the playIncarnation of the StartPlaying it stops")
                .covers("R3", "MMSP-3.1.4.5-R5", "MMSP-3.1.4.2.1-R7")
                .server(Sends::realTime)
                .until(Sends.streamingFor(INTO_THE_STREAM))
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStopPlaying.class);
                    for (List<Sent> c : Sends.byConnection(ctx)) {
                        long last = -1;
                        for (Sent s : c) {
                            MmsMessage m = s.message();
                            if (m instanceof LinkViewerToMacStartPlaying p) {
                                last = p.playIncarnation();
                            } else if (m instanceof LinkViewerToMacStartStriding p) {
                                last = p.playIncarnation();
                            } else if (m instanceof LinkViewerToMacStopPlaying stop && last >= 0) {
                                ctx.expectEqual("StopPlaying playIncarnation (the last StartPlaying's)", last,
                                        stop.playIncarnation());
                            }
                        }
                    }
                })
                .add(2, MUST, "StopPlaying names the openFileId the server chose (7)")
                .covers("R2", "MMSP-3.1.4.5-R4")
                .server(b -> Sends.realTime(Sends.fileId7(b)))
                .until(Sends.streamingFor(INTO_THE_STREAM))
                .check(ctx -> ctx.expectEqual("StopPlaying openFileId (ReportOpenFile gave 7)", Sends.FILE_ID,
                        Sends.sentOrSkip(ctx, LinkViewerToMacStopPlaying.class).openFileId()));
    }

    /** The until of the stop cases: two seconds into the stream (a client told to stop sooner stops itself). */
    static boolean stopped(ClientContext ctx) {
        return Sends.streamingFor(INTO_THE_STREAM).test(ctx);
    }
}
