package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.TranscriptEntry;
import org.mmsspec.codec.WireWriter;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/** MS-MMSP 2.2.4: chunkLen, padding and MID of every message the server sends, and TCP as their only carrier. */
final class S2_2_4_MessageTypes {

    /** The replies of a played session in order: each request's answer, by MID. */
    private static final List<Long> SESSION_MIDS = List.of(LinkMacToViewerReportConnectedEX.TYPE.mid(),
            LinkMacToViewerReportFunnelInfo.TYPE.mid(), LinkMacToViewerReportConnectedFunnel.TYPE.mid(),
            LinkMacToViewerReportOpenFile.TYPE.mid(), LinkMacToViewerReportReadBlock.TYPE.mid(),
            LinkMacToViewerReportStreamSwitch.TYPE.mid(), LinkMacToViewerReportStartedPlaying.TYPE.mid(),
            LinkMacToViewerReportEndOfStream.TYPE.mid());

    private S2_2_4_MessageTypes() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4", "Message Types");
        g.add(1, MUST, "chunkLen of every reply message counts it in 8-byte units: walked by chunkLen, the messages end "
                + "where the packet ends").covers("R3").run(ctx -> {
                    for (Played.Reply r : Played.play(ctx).replies()) {
                        long area = r.raw().length() - TcpMessageHeader.SIZE;
                        ctx.mustEqual("bytes the messages of " + r.label() + " claim by chunkLen", area,
                                r.messageArea());
                    }
                });
        g.add(2, MUST, "Every reply message's fields end within its chunkLen, padding filling up to the 8-byte boundary")
                .covers("R2").run(ctx -> {
                    for (Played.Reply r : Played.play(ctx).replies()) {
                        r.header(ctx);
                        long at = TcpMessageHeader.SIZE;
                        for (MmsMessage m : r.packet().messages()) {
                            long chunkLen = at + 4 <= r.raw().length() ? r.u32((int) at) : 0;
                            WireWriter w = new WireWriter();
                            m.encodeBody(w);
                            ctx.must(8 + w.position() <= chunkLen * 8, r.label() + ": " + (8 + w.position())
                                    + " bytes of fields do not fit chunkLen " + chunkLen);
                            at += chunkLen * 8;
                        }
                    }
                });
        g.add(3, MUST, "Each reply of a played session carries the MID of the answer its request calls for")
                .covers("MMSP-2.2.4.2-R1", "MMSP-2.2.4.6-R1", "MMSP-2.2.4.3-R1", "MMSP-2.2.4.7-R1",
                        "MMSP-2.2.4.8-R1", "MMSP-2.2.4.13-R1", "MMSP-2.2.4.10-R1", "MMSP-2.2.4.5-R1")
                .run(ctx -> {
                    Played p = Played.play(ctx);
                    int next = 0;
                    for (Played.Reply r : p.replies()) {
                        long mid = r.u32(TcpMessageHeader.SIZE + 4);
                        if (mid == LinkMacToViewerPing.TYPE.mid()) {
                            continue; // a keepalive may come at any time
                        }
                        ctx.must(next < SESSION_MIDS.size(), r.label() + " comes after ReportEndOfStream");
                        ctx.mustEqual("MID of " + r.label(), SESSION_MIDS.get(next++), mid);
                    }
                    if (!ctx.target().live()) {
                        ctx.mustEqual("replies in the session", SESSION_MIDS.size(), next);
                    }
                });
        g.add(4, MUST, "Over a UDP funnel, no MMS message comes on the UDP port: every datagram is a Data packet")
                .covers("R1").tags("udp").run(ctx -> {
                    try (PlayedUdp p = PlayedUdp.play(ctx)) {
                        for (TranscriptEntry e : p.client().transcript().entries(
                                x -> x.kind() == TranscriptEntry.Kind.UDP_DATA)) {
                            ctx.must(!isCommandPacket(e), "a UDP datagram holds a TcpMessageHeader packet: "
                                    + e.headline());
                        }
                    }
                });
        return g;
    }

    /** sessionId and seal where a TcpMessageHeader has them. */
    private static boolean isCommandPacket(TranscriptEntry e) {
        var b = e.raw();
        return b.length() >= 16 && (b.get(4) & 0xFF) == 0xCE && (b.get(5) & 0xFF) == 0xFA && b.get(6) == 0x0B
                && (b.get(7) & 0xFF) == 0xB0 && b.get(12) == 'M' && b.get(13) == 'M' && b.get(14) == 'S'
                && b.get(15) == ' ';
    }
}
