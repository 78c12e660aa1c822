package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;

/** MS-MMSP 3.1.4.5 Request to Stop Streaming: StopPlaying only while streaming, and Logging right after it. */
final class C3_1_4_5_StopStreaming {

    private C3_1_4_5_StopStreaming() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.4.5", "Request to Stop Streaming")
                .add(1, MUST, "the client sends StopPlaying only while streaming: after a StartPlaying, once")
                .covers("R1")
                .server(Sends::realTime)
                .until(C2_2_4_27_StopPlaying::stopped)
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStopPlaying.class);
                    Sends.walkStreaming(ctx, (s, streaming) -> ctx.expect(streaming
                            || !(s.message() instanceof LinkViewerToMacStopPlaying),
                            "StopPlaying while not streaming on connection #" + s.connection()));
                })
                .add(2, MUST, "right after StopPlaying the client sends LinkViewerToMacLogging")
                .covers("R8", "R10")
                .server(Sends::realTime)
                .until(C2_2_4_27_StopPlaying::stopped)
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStopPlaying.class);
                    var next = Sends.after(ctx, LinkViewerToMacStopPlaying.class);
                    ctx.expect(next.isPresent() && next.get() instanceof LinkViewerToMacLogging,
                            "after StopPlaying the client sent " + next.map(m -> m.type().name()).orElse("nothing"));
                });
    }
}
