package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.Set;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * MS-MMSP 3.1.4.6 Request to Change Playback Position, and what else a client may say while STREAMING. The server
 * streams in real time and the client is stopped mid-stream (see {@link Sends#walkStreaming}).
 */
final class C3_1_4_6_ChangePosition {

    /** What a streaming client may send: answers, stream changes, the stop and its log, the end of the session. */
    private static final Set<Class<? extends MmsMessage>> WHILE_STREAMING = Set.of(LinkViewerToMacPong.class,
            LinkViewerToMacStreamSwitch.class, LinkViewerToMacStopPlaying.class, LinkViewerToMacLogging.class,
            LinkViewerToMacCloseFile.class, LinkViewerToMacStartPlaying.class, LinkViewerToMacStartStriding.class);

    private C3_1_4_6_ChangePosition() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.4.6", "Request to Change Playback Position")
                .add(1, MUST, "while streaming, a new StartPlaying or StartStriding comes only after a StopPlaying")
                .covers("R4")
                .server(Sends::realTime)
                .until(C2_2_4_27_StopPlaying::stopped)
                .check(ctx -> Sends.walkStreaming(ctx, (s, streaming) -> ctx.expect(!streaming || !(s.message()
                        instanceof LinkViewerToMacStartPlaying || s.message() instanceof LinkViewerToMacStartStriding),
                        "a new " + s.message().type().name() + " while streaming, with no StopPlaying first")))
                .add(2, MUST, "streaming, the client sends only Pong, StreamSwitch, StopPlaying, Logging or CloseFile")
                .covers("MMSP-3.1.5.15-R5", "MMSP-3.1.5.17-R6")
                .judgedBy(Section.mmsp("3.1.5.15"))
                .server(Sends::realTime)
                .until(C2_2_4_27_StopPlaying::stopped)
                .check(ctx -> Sends.walkStreaming(ctx, (s, streaming) -> ctx.expect(!streaming
                        || WHILE_STREAMING.stream().anyMatch(t -> t.isInstance(s.message())),
                        s.message().type().name() + " while streaming")));
    }
}
