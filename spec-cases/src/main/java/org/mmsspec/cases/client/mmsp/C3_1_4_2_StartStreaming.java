package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext.Sent;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.scenario.Mutation;

/** MS-MMSP 3.1.4.2 Request to Start Streaming Content: StreamSwitch then StartPlaying, once the header is in. */
final class C3_1_4_2_StartStreaming {

    /** A server whose ASF header Data packets never leave: the client never becomes READY. */
    private static final Mutation NO_HEADER = new Mutation() {
        @Override
        public byte[] data(Payload payload, DataPacket packet, byte[] encoded) {
            return payload == Payload.ASF_HEADER ? new byte[0] : encoded;
        }

        @Override
        public String toString() {
            return "no ASF header";
        }
    };

    private C3_1_4_2_StartStreaming() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.4.2", "Request to Start Streaming Content")
                .add(1, MUST, "with no ASF header received, the client sends neither StreamSwitch nor StartPlaying")
                .covers("MMSP-3.1.5.10-R5", "MMSP-3.1.5.12-R4", "MMSP-3.1.5.12-R5")
                .server(b -> b.mutation(NO_HEADER))
                .until(Sends.sentOrWaited(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacReadBlock.class);
                    ctx.expect(!ctx.hasSent(LinkViewerToMacStreamSwitch.class)
                            && !ctx.hasSent(LinkViewerToMacStartPlaying.class),
                            "the server never sent the ASF header, yet the client sent " + ctx.names());
                })
                .add(2, SHOULD, "the client selects its streams with a StreamSwitch before StartPlaying")
                .covers("R4")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    ctx.require(LinkViewerToMacStartPlaying.class);
                    ctx.expect(before(ctx, LinkViewerToMacStartPlaying.class).stream()
                            .anyMatch(s -> s.message() instanceof LinkViewerToMacStreamSwitch),
                            "no StreamSwitch before StartPlaying: " + ctx.names());
                })
                .add(3, MUST, "after its StreamSwitch the client goes on with StartPlaying (or StartStriding)")
                .covers("R11")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStreamSwitch.class);
                    // a Pong may come between; the end of the connection (a probing client) is no next message
                    Optional<MmsMessage> next = Sends.byConnection(ctx).stream().flatMap(c -> nextAfter(c).stream())
                            .findFirst();
                    ctx.expect(next.isEmpty() || next.get() instanceof LinkViewerToMacStartPlaying
                            || next.get() instanceof LinkViewerToMacStartStriding,
                            "after StreamSwitch the client sent " + next.map(m -> m.type().name()).orElse(""));
                })
                .add(4, MUST, "StartPlaying carries the next incarnation after those of OpenFile and ReadBlock")
                .covers("MMSP-3.1.4.2.1-R5", "MMSP-3.1.4.2.1-R6")
                .judgedBy(Section.mmsp("3.1.4.2.1"))
                .erratum("Clients announcing NSPlayer 4.1 to 8.0 take OpenFile, ReadBlock and StartPlaying values"
                        + " from one counter (footnotes <30>, <39>, <44>), 9.0 and later from PlayIncarnation (9..)"
                        + " after OpenFile. FFmpeg, libmms, VLC and MPlayer all send 4 after ReadBlock 2. Judged as"
                        + " deployed: a value above the ReadBlock's; the LITERAL profile asks for the very next one.")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    long play = ctx.require(LinkViewerToMacStartPlaying.class).playIncarnation();
                    long open = ctx.require(LinkViewerToMacOpenFile.class).playIncarnation();
                    long read = ctx.require(LinkViewerToMacReadBlock.class).playIncarnation();
                    // ReadBlock's HeaderIncarnation (1..8) is a counter of its own once OpenFile uses 9..0xFE
                    long last = open >= 9 ? open : Math.max(open, read);
                    long next = last >= 0xFE ? (open >= 9 ? 9 : 1) : last + 1;
                    boolean ok = ctx.settings().profile() == Profile.LITERAL ? play == next : play > last;
                    ctx.expect(ok, String.format("StartPlaying playIncarnation %d after OpenFile %d and ReadBlock %d"
                            + " (the next value is %d)", play, open, read, next));
                });
    }

    /** The messages before the first {@code type} on its connection. */
    private static List<Sent> before(org.mmsspec.cases.client.ClientContext ctx, Class<? extends MmsMessage> type) {
        for (List<Sent> c : Sends.byConnection(ctx)) {
            for (int i = 0; i < c.size(); i++) {
                if (type.isInstance(c.get(i).message())) {
                    return c.subList(0, i);
                }
            }
        }
        return List.of();
    }

    /** The first message after this connection's StreamSwitch that is not a Pong. */
    private static Optional<MmsMessage> nextAfter(List<Sent> c) {
        boolean seen = false;
        for (Sent s : c) {
            if (seen && !(s.message() instanceof LinkViewerToMacPong)) {
                return Optional.of(s.message());
            }
            seen |= s.message() instanceof LinkViewerToMacStreamSwitch;
        }
        return Optional.empty();
    }
}
