package org.mmsspec.harness.fuzz.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.gen.MessageGenerator;
import org.mmsspec.codec.gen.ViewerToMacGenerators;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartStriding;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Step;

/**
 * The valid TCP sequence of MS-MMSP 3.1.5.1 for one path, encoded once: the prefix that reaches each state, and the
 * messages each state allows next (the expected one first), which the attacks damage or reorder. A plan is fixed
 * before the server answers, so the ids are what a server hands out first.
 */
final class MmstPath {

    /** playIncarnation of OpenFile; ReadBlock and StartPlaying count on from it. */
    static final long INCARNATION = 1;
    /** The openFileId the plans use: servers hand out 1 first. */
    static final long OPEN_FILE_ID = 1;
    /** ASF numbers streams from 1; the bundled sample holds 1 (video) and 2 (audio). */
    static final int[] STREAMS = {1, 2};
    /**
     * frameOffset of the StartPlaying that reaches the end cheaply: bit 31 makes it relative to the start, the low bits
     * ask for 1 ms of content (2.2.4.25), so ReportEndOfStream follows the first Data packet or two.
     */
    static final long ONE_MILLISECOND = 0x80000001L;

    /** The MMST states under attack, in the order of the sequence. */
    static final List<FuzzState> STATES = List.of(FuzzState.START, FuzzState.CONNECTED, FuzzState.FUNNEL,
            FuzzState.OPENED, FuzzState.READ_BLOCK, FuzzState.PLAYING, FuzzState.STREAMING, FuzzState.END_OF_STREAM);

    private final Map<FuzzState, List<Step>> prefixes = new EnumMap<>(FuzzState.class);
    private final Map<FuzzState, List<Candidate>> next = new EnumMap<>(FuzzState.class);

    /** The sequence for {@code path}; {@code seed} seeds the field-aware mutations of the candidates. */
    MmstPath(String path, long seed) {
        List<Step> common = new ArrayList<>();
        common.add(step(0, LinkViewerToMacConnect.of(MmstClient.NSPLAYER), Step.Await.REPLY, "Connect"));
        common.add(step(1, new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR),
                Step.Await.REPLY, "FunnelInfo"));
        common.add(step(2, funnel(), Step.Await.REPLY, "ConnectFunnel"));
        common.add(step(3, LinkViewerToMacOpenFile.of(INCARNATION, path, Bytes.EMPTY), Step.Await.REPLY, "OpenFile"));
        common.add(step(4, readBlock(), Step.Await.HEADER, "ReadBlock"));
        common.add(step(5, streamSwitch(), Step.Await.REPLY, "StreamSwitch"));
        prefixes.put(FuzzState.START, List.of());
        prefixes.put(FuzzState.CONNECTED, List.copyOf(common.subList(0, 1)));
        prefixes.put(FuzzState.FUNNEL, List.copyOf(common.subList(0, 3)));
        prefixes.put(FuzzState.OPENED, List.copyOf(common.subList(0, 4)));
        prefixes.put(FuzzState.READ_BLOCK, List.copyOf(common.subList(0, 5)));
        prefixes.put(FuzzState.PLAYING, with(common, step(6, startPlaying(0), Step.Await.REPLY, "StartPlaying")));
        prefixes.put(FuzzState.STREAMING, with(common, step(6, startPlaying(0), Step.Await.DATA, "StartPlaying")));
        prefixes.put(FuzzState.END_OF_STREAM, with(common,
                step(6, startPlaying(ONE_MILLISECOND), Step.Await.END, "StartPlaying (1 ms)")));

        MmsMessage logging = generator(LinkViewerToMacLogging.TYPE.name()).generate(new SplittableRandom(seed));
        long inc = INCARNATION + 2;
        candidates(seed, FuzzState.START, LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
        candidates(seed, FuzzState.CONNECTED,
                new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR), funnel(),
                LinkViewerToMacOpenFile.of(INCARNATION, path, Bytes.EMPTY));
        candidates(seed, FuzzState.FUNNEL, LinkViewerToMacOpenFile.of(INCARNATION, path, Bytes.EMPTY), funnel());
        candidates(seed, FuzzState.OPENED, readBlock(), streamSwitch(), LinkViewerToMacCloseFile.of(OPEN_FILE_ID),
                LinkViewerToMacStartPlaying.of(OPEN_FILE_ID, 0, inc));
        candidates(seed, FuzzState.READ_BLOCK, streamSwitch(), LinkViewerToMacStartPlaying.of(OPEN_FILE_ID, 0, inc),
                readBlock(), LinkViewerToMacStartStriding.of(OPEN_FILE_ID, 0, inc, 2.0),
                LinkViewerToMacCloseFile.of(OPEN_FILE_ID));
        for (FuzzState s : List.of(FuzzState.PLAYING, FuzzState.STREAMING)) {
            candidates(seed, s, new LinkViewerToMacStopPlaying(OPEN_FILE_ID, inc), streamSwitch(),
                    LinkViewerToMacStartPlaying.of(OPEN_FILE_ID, 0, inc + 1), new LinkViewerToMacCancelReadBlock(inc),
                    logging);
        }
        candidates(seed, FuzzState.END_OF_STREAM, LinkViewerToMacStartPlaying.of(OPEN_FILE_ID, 0, inc + 1),
                new LinkViewerToMacStopPlaying(OPEN_FILE_ID, inc), LinkViewerToMacCloseFile.of(OPEN_FILE_ID),
                logging);
    }

    /** The valid steps that reach {@code s}, each awaiting its reply. */
    List<Step> prefix(FuzzState s) {
        return prefixes.get(s);
    }

    /** The messages {@code s} allows next, the expected one first, encoded with the next seq number. */
    List<Candidate> next(FuzzState s) {
        return next.get(s);
    }

    /** The state that the first {@code count} steps of {@code target}'s prefix reach. */
    static FuzzState reached(int count, FuzzState target) {
        return switch (count) {
            case 0 -> FuzzState.START;
            case 1, 2 -> FuzzState.CONNECTED;
            case 3 -> FuzzState.FUNNEL;
            case 4 -> FuzzState.OPENED;
            case 5, 6 -> FuzzState.READ_BLOCK;
            default -> target;
        };
    }

    /** The valid generator of a ViewerToMac message type. */
    static MessageGenerator generator(String typeName) {
        return ViewerToMacGenerators.ALL.stream().filter(g -> g.type().name().equals(typeName)).findFirst()
                .orElseThrow();
    }

    static Step step(int seq, MmsMessage m, Step.Await await, String note) {
        return new Step(0, CommandPacketCodec.encode(seq, m), Step.Segmenting.WHOLE, await, note);
    }

    private void candidates(long seed, FuzzState s, MmsMessage... messages) {
        int seq = prefixes.get(s).size();
        List<Candidate> out = new ArrayList<>();
        for (MmsMessage m : messages) {
            String name = m.type().name().replace("LinkViewerToMac", "");
            out.add(new Candidate(name, CommandPacketCodec.encode(seq, m), seed ^ (31L * seq + out.size())));
        }
        next.put(s, List.copyOf(out));
    }

    private static List<Step> with(List<Step> common, Step last) {
        List<Step> all = new ArrayList<>(common);
        all.add(last);
        return List.copyOf(all);
    }

    private static LinkViewerToMacConnectFunnel funnel() {
        return LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755");
    }

    private static LinkViewerToMacReadBlock readBlock() {
        return LinkViewerToMacReadBlock.of(OPEN_FILE_ID, INCARNATION + 1);
    }

    /** Every stream on: the reference sends nothing of a stream no StreamSwitch selected (3.2.5.11). */
    private static LinkViewerToMacStreamSwitch streamSwitch() {
        StreamSwitchEntry[] on = new StreamSwitchEntry[STREAMS.length];
        for (int i = 0; i < on.length; i++) {
            on[i] = StreamSwitchEntry.on(STREAMS[i]);
        }
        return LinkViewerToMacStreamSwitch.of(on);
    }

    private static LinkViewerToMacStartPlaying startPlaying(long frameOffset) {
        return new LinkViewerToMacStartPlaying(OPEN_FILE_ID, 0, 0.0, LinkViewerToMacStartPlaying.NOT_USED,
                LinkViewerToMacStartPlaying.NOT_USED, frameOffset, INCARNATION + 2, 0, 0, 0, 0);
    }
}
