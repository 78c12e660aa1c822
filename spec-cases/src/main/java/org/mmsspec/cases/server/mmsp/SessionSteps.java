package org.mmsspec.cases.server.mmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.ClientLog;
import org.mmsspec.codec.mmsp.ClientLogInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** Steps the session feature cases share: where playing starts, what comes first, and what must not come. */
final class SessionSteps {

    /** How long the absence of something is watched for: long enough for a server to have sent it on a LAN. */
    static final Duration QUIET = Duration.ofMillis(300);
    /** position of StartPlaying that defers to asfOffset and locationId (MS-MMSP 2.2.4.25). */
    static final double BY_OFFSET_OR_LOCATION = Double.MAX_VALUE;
    static final long NOT_USED = LinkViewerToMacStartPlaying.NOT_USED;
    /** playIncarnation values of the cases' own StartPlaying, distinct from the Handshake's 1 to 3. */
    static final long PLAY = 0x2A;
    static final long REPLAY = 0x3B;
    /** Data packets played from the start that a seek is made among. */
    static final int SEEK_SAMPLE = 12;

    private SessionSteps() {
    }

    /** A fresh session with the ASF file header read and every stream selected: READY, about to play. */
    static Handshake ready(CaseContext ctx) {
        return ctx.handshake().upTo(Handshake.Stage.STREAMS_SWITCHED);
    }

    static LinkViewerToMacStartPlaying startAt(long openFileId, double position, long asfOffset, long locationId,
            long inc) {
        return new LinkViewerToMacStartPlaying(openFileId, 0, position, asfOffset, locationId, 0, inc, 0, 0, 0, 0);
    }

    /** StartPlaying from {@code locationId} on a READY session, and its reply. */
    static LinkMacToViewerReportStartedPlaying playFrom(Handshake h, long locationId, long inc) {
        h.client().send(startAt(h.openFileId(), BY_OFFSET_OR_LOCATION, NOT_USED, locationId, inc));
        return h.client().expect(LinkMacToViewerReportStartedPlaying.class);
    }

    /** The next Data packet on the connection, past any command; fails the case when none comes. */
    static DataPacket nextData(MmstClient c) {
        Outcome o = c.readUntil(r -> r.dataPacket().isPresent()
                || r.message(LinkMacToViewerReportEndOfStream.class).isPresent());
        if (o instanceof Outcome.Received r && r.dataPacket().isPresent()) {
            return r.dataPacket().get();
        }
        throw new ExpectationFailure("a Data packet", o);
    }

    /** Data packets up to ReportEndOfStream, which the case requires to come. */
    static Played untilEnd(MmstClient c) {
        List<DataPacket> data = new ArrayList<>();
        List<Outcome.Received> commands = new ArrayList<>();
        while (true) {
            Outcome o = c.receive();
            if (!(o instanceof Outcome.Received r)) {
                throw new ExpectationFailure("Data packets up to LinkMacToViewerReportEndOfStream", o);
            }
            var end = r.message(LinkMacToViewerReportEndOfStream.class);
            if (r.dataPacket().isPresent()) {
                data.add(r.dataPacket().get());
            } else if (end.isPresent()) {
                return new Played(data, commands, end.get(), 0);
            } else {
                commands.add(r);
            }
        }
    }

    /**
     * StopPlaying, then a StreamSwitch keeping the selection as a barrier: its ReportStreamSwitch marks the point by
     * which the answer to the stop has come. A server that reached the end before the stop arrived has sent a
     * ReportEndOfStream of its own first; the last one before the barrier answers the stop.
     */
    static Played stop(Handshake h, long inc) {
        MmstClient c = h.client();
        c.send(new LinkViewerToMacStopPlaying(h.openFileId(), inc));
        c.send(selectAll(h.header()));
        return untilBarrier(c);
    }

    /** What came up to the ReportStreamSwitch that follows a StopPlaying; see {@link #stop}. */
    static Played untilBarrier(MmstClient c) {
        List<DataPacket> data = new ArrayList<>();
        List<Outcome.Received> commands = new ArrayList<>();
        LinkMacToViewerReportEndOfStream end = null;
        int afterEnd = 0;
        while (true) {
            Outcome o = c.receive();
            if (!(o instanceof Outcome.Received r)) {
                throw new ExpectationFailure(
                        "LinkMacToViewerReportEndOfStream, then LinkMacToViewerReportStreamSwitch", o);
            }
            var eos = r.message(LinkMacToViewerReportEndOfStream.class);
            if (r.dataPacket().isPresent()) {
                data.add(r.dataPacket().get());
                afterEnd += end == null ? 0 : 1;
            } else if (eos.isPresent()) {
                end = eos.get();
                afterEnd = 0;
            } else if (r.message(LinkMacToViewerReportStreamSwitch.class).isPresent()) {
                if (end == null) {
                    throw new ExpectationFailure("LinkMacToViewerReportEndOfStream answering StopPlaying", o);
                }
                return new Played(data, commands, end, afterEnd);
            } else {
                commands.add(r);
            }
        }
    }

    /** StreamSwitch turning on every stream the header lists. */
    static LinkViewerToMacStreamSwitch selectAll(AsfHeader header) {
        return LinkViewerToMacStreamSwitch.of(header.streamNumbers().stream().map(StreamSwitchEntry::on)
                .toArray(StreamSwitchEntry[]::new));
    }

    /** A LinkViewerToMacLogging with the fields a client without statistics fills in (MS-MMSP 2.2.1.1). */
    static LinkViewerToMacLogging logging(long openFileId, String transport) {
        ClientLogInfo info = new ClientLogInfo(ClientLogInfo.SIZE, "-", "-", "NSPlayer/9.0.0.2980", "-", 0, "en-US",
                "-", "mmsspec", 0, 0, 0, 0, "-", "-", 0, 0, 1, 0, 0, 0, 0, 0, 0, 100, 0);
        return new LinkViewerToMacLogging(new ClientLog(ClientLog.SIZE, info, openFileId, 0xFFFFFFFFL, "-", "-", 0,
                "-", "mms", transport, 0, 0, 0, 0, 0));
    }

    /** Every Data packet of the file, played from the start on a fresh session. */
    static List<DataPacket> wholeFile(CaseContext ctx) {
        return untilEnd(playingFromStart(ctx).client()).data();
    }

    /**
     * The first {@code n} Data packets of the file (fewer where it has fewer), played from the start on a fresh session:
     * what seeks are judged against, without waiting for the whole of a long file.
     */
    static List<DataPacket> firstPackets(CaseContext ctx, int n) {
        Handshake h = playingFromStart(ctx);
        List<DataPacket> out = new ArrayList<>();
        while (out.size() < n) {
            Outcome o = h.client().readUntil(r -> r.dataPacket().isPresent()
                    || r.message(LinkMacToViewerReportEndOfStream.class).isPresent());
            if (!(o instanceof Outcome.Received r) || r.dataPacket().isEmpty()) {
                break;
            }
            out.add(r.dataPacket().get());
        }
        return out;
    }

    private static Handshake playingFromStart(CaseContext ctx) {
        Handshake h = ready(ctx);
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        return h;
    }

    /** The first unit within {@link #QUIET} that is a Data packet, or null when none came. */
    static Outcome.Received dataWithinQuiet(MmstClient c) {
        Outcome o = c.readUntil(r -> r.dataPacket().isPresent(), QUIET);
        return o instanceof Outcome.Received r ? r : null;
    }

    /**
     * What a play gave: its Data packets, the command packets among them, the ReportEndOfStream at the end, and how
     * many Data packets came after that (after a stop, before the barrier).
     */
    record Played(List<DataPacket> data, List<Outcome.Received> commands, LinkMacToViewerReportEndOfStream end,
            int afterEnd) {
        /** Whether a command packet among the data carried a {@code type} message. */
        boolean got(Class<? extends MmsMessage> type) {
            return commands.stream().anyMatch(r -> r.message(type).isPresent());
        }
    }
}
