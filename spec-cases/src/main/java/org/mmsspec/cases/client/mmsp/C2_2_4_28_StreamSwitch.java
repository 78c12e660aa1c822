package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.Set;
import java.util.TreeSet;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** MS-MMSP 2.2.4.28 LinkViewerToMacStreamSwitch: the stream selection sent before StartPlaying. */
final class C2_2_4_28_StreamSwitch {

    private C2_2_4_28_StreamSwitch() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.4.28", "LinkViewerToMacStreamSwitch")
                .add(1, MUST, "StreamSwitch's cStreamEntries counts the entries it carries")
                .covers("R2")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStreamSwitch.class);
                    ctx.judgeFields("cStreamEntries");
                })
                .add(2, MUST, "each STREAM_SWITCH_ENTRY names streams 1..127 or 0xFFFF, thinning level 0, 1 or 2")
                .covers("MMSP-2.2.4.28.1-R1", "MMSP-2.2.4.28.1-R2", "MMSP-2.2.4.28.1-R3")
                .judgedBy(Section.mmsp("2.2.4.28.1"))
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    Sends.sentOrSkip(ctx, LinkViewerToMacStreamSwitch.class);
                    ctx.judgeFields("wSrcStreamNumber", "wDstStreamNumber", "wThinningLevel");
                })
                .add(3, MUST, "the StreamSwitch before StartPlaying lists every stream of the ASF header")
                .covers("MMSP-3.1.4.2-R6", "MMSP-3.1.4.2-R7")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    LinkViewerToMacStreamSwitch s = Sends.sentOrSkip(ctx, LinkViewerToMacStreamSwitch.class);
                    Set<Integer> named = new TreeSet<>();
                    for (StreamSwitchEntry e : s.streamSwitchEntries()) {
                        named.add(e.wDstStreamNumber() == StreamSwitchEntry.NO_STREAM ? e.wSrcStreamNumber()
                                : e.wDstStreamNumber());
                    }
                    Set<Integer> served = new TreeSet<>(Sends.servedStreams(ctx));
                    ctx.expect(named.containsAll(served), "the header has streams " + served
                            + "; StreamSwitch names " + named);
                })
                .add(4, MUST, "each entry turns its stream on (thinning 0) or off (wDstStreamNumber 0xFFFF)")
                .covers("MMSP-3.1.4.2-R8")
                .until(ctx -> ctx.hasSent(LinkViewerToMacStartPlaying.class))
                .check(ctx -> {
                    for (StreamSwitchEntry e : Sends.sentOrSkip(ctx, LinkViewerToMacStreamSwitch.class)
                            .streamSwitchEntries()) {
                        ctx.expect(e.wDstStreamNumber() == StreamSwitchEntry.NO_STREAM || e.wThinningLevel() == 0,
                                "entry " + e + " is neither on (thinning 0) nor off (destination 0xFFFF)");
                    }
                });
    }
}
