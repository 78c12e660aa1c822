package org.mmsspec.cases.server.mmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;

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
        while (true) {
            Outcome o = c.receive();
            if (!(o instanceof Outcome.Received r)) {
                throw new ExpectationFailure("Data packets up to LinkMacToViewerReportEndOfStream", o);
            }
            if (r.dataPacket().isPresent()) {
                data.add(r.dataPacket().get());
            }
            var end = r.message(LinkMacToViewerReportEndOfStream.class);
            if (end.isPresent()) {
                return new Played(data, end.get());
            }
        }
    }

    /** StopPlaying, then the Data packets still in flight and the ReportEndOfStream that answers it. */
    static Played stop(Handshake h, long inc) {
        h.client().send(new LinkViewerToMacStopPlaying(h.openFileId(), inc));
        return untilEnd(h.client());
    }

    /** Every Data packet of the file, played from the start on a fresh session: what seeks are judged against. */
    static List<DataPacket> wholeFile(CaseContext ctx) {
        Handshake h = ready(ctx);
        h.client().send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, PLAY));
        h.client().expect(LinkMacToViewerReportStartedPlaying.class);
        return untilEnd(h.client()).data();
    }

    /** The first unit within {@link #QUIET} that is a Data packet, or null when none came. */
    static Outcome.Received dataWithinQuiet(MmstClient c) {
        Outcome o = c.readUntil(r -> r.dataPacket().isPresent(), QUIET);
        return o instanceof Outcome.Received r ? r : null;
    }

    /** What a play gave: its Data packets and the ReportEndOfStream that ended them. */
    record Played(List<DataPacket> data, LinkMacToViewerReportEndOfStream end) {
        DataPacket last() {
            return data.get(data.size() - 1);
        }
    }
}
