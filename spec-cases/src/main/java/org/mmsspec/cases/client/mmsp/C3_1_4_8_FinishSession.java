package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.ClientContext.Sent;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;

/** MS-MMSP 3.1.4.8 Request to Finish Streaming Session: CloseFile, after a stop when streaming. */
final class C3_1_4_8_FinishSession {

    private C3_1_4_8_FinishSession() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.4.8", "Request to Finish Streaming Session")
                .add(1, MUST, "a client that closes a connection with a file open sends CloseFile first")
                .covers("R1", "R4")
                .check(ctx -> {
                    ctx.requireMmst();
                    Set<Long> closedByClient = connections(ctx, What.CLOSED_BY_CLIENT);
                    for (List<Sent> c : Sends.byConnection(ctx)) {
                        boolean open = c.stream().anyMatch(s -> s.message() instanceof LinkViewerToMacOpenFile);
                        boolean closeFile = c.stream().anyMatch(s -> s.message() instanceof LinkViewerToMacCloseFile);
                        long id = c.get(0).connection();
                        ctx.expect(!open || !closedByClient.contains(id) || closeFile, "the client closed connection"
                                + " #" + id + " with its file open and no CloseFile: " + names(c) + "; the client "
                                + ctx.exit().summary());
                    }
                })
                .add(2, MUST, "a client ending the session while streaming sends StopPlaying before CloseFile")
                .covers("R3")
                .server(Sends::realTime)
                .until(C2_2_4_27_StopPlaying::stopped)
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacCloseFile.class);
                    Sends.walkStreaming(ctx, (s, streaming) -> ctx.expect(!streaming
                            || !(s.message() instanceof LinkViewerToMacCloseFile),
                            "CloseFile while streaming with no StopPlaying first, on connection #" + s.connection()));
                });
    }

    private static Set<Long> connections(ClientContext ctx, What what) {
        return ctx.events().stream().filter(e -> e.what() == what).map(ConnectionEvent::connection)
                .collect(Collectors.toSet());
    }

    private static List<String> names(List<Sent> c) {
        return c.stream().map(s -> s.message().type().name().replace("LinkViewerToMac", "")).toList();
    }
}
