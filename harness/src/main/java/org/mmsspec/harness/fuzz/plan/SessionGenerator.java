package org.mmsspec.harness.fuzz.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;

/**
 * The plans of a campaign: session n of seed s is always the same bytes. FIRST CUT: a valid prefix up to a seeded
 * state, then one flipped byte in the next message; the full generation replaces the attack.
 */
public final class SessionGenerator {

    /** playIncarnation of OpenFile; ReadBlock and StartPlaying count on from it. */
    static final long INCARNATION = 1;
    /** The openFileId the plans use: a plan is fixed before the server answers, and servers hand out 1 first. */
    static final long OPEN_FILE_ID = 1;

    private final long seed;
    private final String path;

    /** Plans of campaign {@code seed}, opening {@code path} on the target. */
    public SessionGenerator(long seed, String path) {
        this.seed = seed;
        this.path = path;
    }

    public long seed() {
        return seed;
    }

    /** Session {@code number}'s plan. */
    public SessionPlan plan(long number) {
        SplittableRandom r = random(seed, number);
        List<Step> valid = happyPath(path);
        int depth = r.nextInt(valid.size());
        List<Step> steps = new ArrayList<>(valid.subList(0, depth));
        Step next = valid.get(depth);
        byte[] b = next.bytes();
        int at = r.nextInt(b.length);
        b[at] ^= (byte) (1 << r.nextInt(8));
        steps.add(new Step(0, b, Step.Segmenting.WHOLE, Step.Await.NOTHING, next.note() + ": bit flip at " + at));
        return new SessionPlan(seed, number, SessionPlan.Transport.MMST, STATES[depth], "bit flip at " + at, steps);
    }

    private static final FuzzState[] STATES = {FuzzState.START, FuzzState.CONNECTED, FuzzState.CONNECTED,
        FuzzState.FUNNEL, FuzzState.OPENED};

    /** The liveness probe: a valid MMST session up to the header of {@code path}, each step awaiting its reply. */
    public static SessionPlan probe(String path) {
        return new SessionPlan(0, -1, SessionPlan.Transport.MMST, FuzzState.READ_BLOCK, "none (liveness probe)",
                happyPath(path));
    }

    static List<Step> happyPath(String path) {
        return List.of(
                step(0, LinkViewerToMacConnect.of(MmstClient.NSPLAYER), Step.Await.REPLY, "Connect"),
                step(1, new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR),
                        Step.Await.REPLY, "FunnelInfo"),
                step(2, LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"), Step.Await.REPLY,
                        "ConnectFunnel"),
                step(3, LinkViewerToMacOpenFile.of(INCARNATION, path, Bytes.EMPTY), Step.Await.REPLY, "OpenFile"),
                step(4, LinkViewerToMacReadBlock.of(OPEN_FILE_ID, INCARNATION + 1), Step.Await.HEADER, "ReadBlock"));
    }

    static Step step(int seq, MmsMessage m, Step.Await await, String note) {
        return new Step(0, CommandPacketCodec.encode(CommandPacket.of(seq, m)), Step.Segmenting.WHOLE, await, note);
    }

    /** One generator per session, so that session n's bytes do not depend on which sessions ran before it. */
    static SplittableRandom random(long seed, long number) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    }
}
