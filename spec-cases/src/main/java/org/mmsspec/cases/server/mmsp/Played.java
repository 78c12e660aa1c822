package org.mmsspec.cases.server.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * A TCP session played for the framing cases: the handshake through StartPlaying, the content up to
 * ReportEndOfStream, more plays of it from READY, and every command packet the server sent on the way with its bytes.
 * The handshake's playIncarnations differ (OpenFile 1, ReadBlock 2, StartPlaying 3, later plays 4, 5, ...), so an
 * echo of the wrong message shows.
 */
final class Played {

    /** playIncarnation of the handshake's ReadBlock: the header's Data packets carry it (3.2.5.8). */
    static final long READ_BLOCK_INCARNATION = Handshake.OPEN_INCARNATION + 1;
    /** playIncarnation of the handshake's StartPlaying. */
    static final long PLAY_INCARNATION = Handshake.OPEN_INCARNATION + 2;

    /** One command packet from the server: its place among them, its bytes, and its value (null if undecodable). */
    record Reply(int index, Bytes raw, CommandPacket packet, String note) {

        String label() {
            String names = packet == null ? "undecodable" : String.join("+",
                    packet.messages().stream().map(m -> m.type() == null ? "unknown" : m.type().name()).toList());
            return "reply " + index + " (" + names + ")";
        }

        long u32(int offset) {
            return Played.u32(raw, offset);
        }

        /** The decoded header; a reply that cannot be decoded breaks the case's rule. */
        TcpMessageHeader header(CaseContext ctx) {
            ctx.must(packet != null, label() + " decodes: " + note);
            return packet.header();
        }

        /** The bytes the messages claim by their chunkLen, walked from the end of the header. */
        long messageArea() {
            long at = TcpMessageHeader.SIZE;
            while (at + 8 <= raw.length()) {
                long chunkLen = u32((int) at);
                if (chunkLen == 0) {
                    break;
                }
                at += chunkLen * 8;
            }
            return at - TcpMessageHeader.SIZE;
        }
    }

    /**
     * One play: the Data packets in order, and the ReportEndOfStream that ended it, or null where {@code end} (a
     * timeout, a close, the last packet read of a live target) did.
     */
    record Run(long playIncarnation, List<DataPacket> packets, LinkMacToViewerReportEndOfStream endOfStream,
            Outcome end) {

        DataPacket last() {
            return packets.get(packets.size() - 1);
        }
    }

    /** Data packets read of a live target, which never ends. */
    static final int LIVE_PACKETS = 32;

    private final CaseContext ctx;
    private final Handshake handshake;
    private final List<Run> runs = new ArrayList<>();
    private long incarnation = PLAY_INCARNATION;

    private Played(CaseContext ctx, Handshake handshake) {
        this.ctx = ctx;
        this.handshake = handshake;
    }

    /** The target's media played once to its end. */
    static Played play(CaseContext ctx) {
        return play(ctx, ctx.handshake());
    }

    /** The handshake through StartPlaying, then one entry's content to its ReportEndOfStream. */
    static Played play(CaseContext ctx, Handshake h) {
        Played p = new Played(ctx, h.upTo(Handshake.Stage.PLAYING));
        p.runs.add(p.readRun());
        return p;
    }

    MmstClient client() {
        return handshake.client();
    }

    Handshake handshake() {
        return handshake;
    }

    AsfHeader header() {
        return handshake.header();
    }

    LinkMacToViewerReportOpenFile openFile() {
        return handshake.openFileReply();
    }

    Run first() {
        return runs.get(0);
    }

    /**
     * The first run, which must hold Data packets and (but for a live target) end with ReportEndOfStream for the case
     * to judge it.
     */
    Run firstComplete() {
        Run r = first();
        ctx.must(!r.packets().isEmpty(), "Data packets follow ReportStartedPlaying: " + r.end().summary());
        ctx.must(r.endOfStream() != null || ctx.target().live(), "ReportEndOfStream ends the content: "
                + r.end().summary());
        return r;
    }

    /** Reads on to the next ReportEndOfStream: the next playlist entry, after one with hr 1. */
    Run nextEntry() {
        Run r = readRun();
        runs.add(r);
        return r;
    }

    /**
     * Plays again from READY (after ReportEndOfStream), with the next playIncarnation: from the start where
     * {@code locationId} is 0, else from that ASF data packet.
     */
    Run again(long locationId) {
        incarnation++;
        long openFileId = handshake.openFileId();
        client().send(locationId == 0 ? LinkViewerToMacStartPlaying.of(openFileId, 0, incarnation)
                : new LinkViewerToMacStartPlaying(openFileId, 0, Double.MAX_VALUE, LinkViewerToMacStartPlaying.NOT_USED,
                        locationId, 0, incarnation, 0, 0, 0, 0));
        var started = client().expect(LinkMacToViewerReportStartedPlaying.class);
        ctx.must(started.hr() == 0, "StartPlaying from READY is answered with hr 0, not 0x"
                + Long.toHexString(started.hr()));
        Run r = readRun();
        runs.add(r);
        return r;
    }

    /** Every command packet the server sent on this connection so far, in order. */
    List<Reply> replies() {
        List<Reply> out = new ArrayList<>();
        for (TranscriptEntry e : client().transcript().entries()) {
            if (e.direction() == Direction.S2C && e.kind() == TranscriptEntry.Kind.COMMAND) {
                out.add(new Reply(out.size(), e.raw(), e.decoded() instanceof CommandPacket p ? p : null, e.note()));
            }
        }
        ctx.must(!out.isEmpty(), "the server sent command packets");
        return out;
    }

    /** StreamSwitch turning on every stream {@code h} lists. */
    static LinkViewerToMacStreamSwitch selectAll(AsfHeader h) {
        return LinkViewerToMacStreamSwitch.of(h.streamNumbers().stream().map(StreamSwitchEntry::on)
                .toArray(StreamSwitchEntry[]::new));
    }

    /** The u32 at {@code offset} of {@code b}, little-endian; 0 past the end. */
    static long u32(Bytes b, int offset) {
        if (offset + 4 > b.length()) {
            return 0;
        }
        return (b.get(offset) & 0xFFL) | (b.get(offset + 1) & 0xFFL) << 8 | (b.get(offset + 2) & 0xFFL) << 16
                | (b.get(offset + 3) & 0xFFL) << 24;
    }

    private Run readRun() {
        MmstClient c = client();
        List<DataPacket> packets = new ArrayList<>();
        int cap = ctx.target().live() ? LIVE_PACKETS : Integer.MAX_VALUE;
        while (true) {
            Outcome o = c.receive();
            if (!(o instanceof Outcome.Received r)) {
                return new Run(incarnation, packets, null, o);
            }
            if (r.dataPacket().isPresent()) {
                packets.add(r.dataPacket().get());
                if (packets.size() >= cap) {
                    return new Run(incarnation, packets, null, o);
                }
                continue;
            }
            var eos = r.message(LinkMacToViewerReportEndOfStream.class);
            if (eos.isPresent()) {
                return new Run(incarnation, packets, eos.get(), o);
            }
        }
    }
}
