package org.mmsspec.cases.server.mmsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.client.UdpDataChannel;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/**
 * The MMSU sequence (MS-MMSP 3.1.5.1 with a UDP funnel): commands on TCP, Data packets to a UDP port of the client's
 * named in ConnectFunnel. Packet-pair is asked for over UDP where the case wants it.
 */
final class UdpPlay {

    static final long OPEN = 1;
    static final long HEADER = 2;

    final Target.Endpoint endpoint;
    final MmstClient tcp;
    final UdpDataChannel udp;
    boolean pairGranted;
    long clientId;
    long openFileId;
    long filePacketCount;
    /** The packet-pair Data packets that came before the header, if any. */
    final List<DataPacket> pair = new ArrayList<>();
    AsfHeader header;

    private UdpPlay(Target.Endpoint endpoint, MmstClient tcp) {
        this.endpoint = endpoint;
        this.tcp = tcp;
        this.udp = tcp.openUdp();
    }

    /** Connect, FunnelInfo and ConnectFunnel naming the client's UDP port. */
    static UdpPlay connect(CaseContext ctx, Target.Endpoint e, boolean packetPair) {
        UdpPlay p = new UdpPlay(e, ctx.mmst(e.host(), e.port()));
        long asked = packetPair ? LinkViewerToMacConnect.MMS_USE_PACKET_PAIR
                : LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR;
        p.tcp.send(new LinkViewerToMacConnect(asked, LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, MmstClient.NSPLAYER, "", ""));
        var connected = p.tcp.expect(LinkMacToViewerReportConnectedEX.class);
        p.pairGranted = packetPair && connected.playIncarnation() == LinkViewerToMacConnect.MMS_USE_PACKET_PAIR;
        p.tcp.send(new LinkViewerToMacFunnelInfo(p.pairGranted
                ? LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY
                : LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        p.clientId = p.tcp.expect(LinkMacToViewerReportFunnelInfo.class).nCubs();
        p.tcp.send(LinkViewerToMacConnectFunnel.of(p.udp.funnelName()));
        p.tcp.expect(LinkMacToViewerReportConnectedFunnel.class);
        return p;
    }

    /** {@link #connect}, OpenFile, and ReadBlock with its header over UDP. */
    static UdpPlay ready(CaseContext ctx, Target.Endpoint e, boolean packetPair) {
        UdpPlay p = connect(ctx, e, packetPair);
        p.tcp.send(LinkViewerToMacOpenFile.of(OPEN, e.path(), Bytes.EMPTY));
        var opened = p.tcp.expect(LinkMacToViewerReportOpenFile.class);
        p.openFileId = opened.openFileId();
        p.filePacketCount = opened.filePacketCount();
        p.readHeader(HEADER);
        return p;
    }

    /** ReadBlock, ReportReadBlock on TCP, then packet-pair and header Data packets by UDP (MS-MMSP 3.2.5.8). */
    void readHeader(long inc) {
        tcp.send(LinkViewerToMacReadBlock.of(openFileId, inc));
        tcp.expect(LinkMacToViewerReportReadBlock.class);
        List<DataPacket> fragments = new ArrayList<>();
        while (true) {
            DataPacket d = nextUdp("the ASF file header by UDP");
            boolean pairPacket = d.playIncarnation() == DataPacket.PACKET_PAIR_INCARNATION
                    && d.AFFlags() == DataPacket.AF_PACKET_PAIR;
            if (pairPacket) {
                pair.add(d);
            } else if (d.playIncarnation() == (inc & 0xFF)) {
                fragments.add(d);
                if ((d.AFFlags() & DataPacket.AF_HEADER_LAST_ALT) != 0) {
                    header = new AsfHeader(fragments);
                    return;
                }
            } // else a Data packet of an earlier play, still arriving
        }
    }

    /** StreamSwitch selecting every stream of the header, and StartPlaying from the start. */
    void play(long inc) {
        playFrom(0, inc);
    }

    /** StreamSwitch selecting every stream of the header, and StartPlaying from {@code locationId} (0: the start). */
    void playFrom(long locationId, long inc) {
        tcp.send(SessionSteps.selectAll(header));
        tcp.expect(LinkMacToViewerReportStreamSwitch.class);
        tcp.send(locationId == 0 ? LinkViewerToMacStartPlaying.of(openFileId, 0, inc)
                : SessionSteps.startAt(openFileId, SessionSteps.BY_OFFSET_OR_LOCATION, SessionSteps.NOT_USED,
                        locationId, inc));
        tcp.expect(LinkMacToViewerReportStartedPlaying.class);
    }

    /** The next datagram, which must be a Data packet. */
    DataPacket nextUdp(String what) {
        Outcome o = udp.receive();
        if (o instanceof Outcome.Received r && r.dataPacket().isPresent()) {
            return r.dataPacket().get();
        }
        throw new ExpectationFailure(what, o);
    }

    /** The next Data packet by UDP before {@code deadline} ({@link System#nanoTime}), or null when none came. */
    DataPacket udpBefore(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        Outcome o = udp.receive(Duration.ofNanos(left));
        return o instanceof Outcome.Received r ? r.dataPacket().orElse(null) : null;
    }

    /** The next datagram repeating {@code d} (LocationId and AFFlags) before {@code deadline}, or null. */
    DataPacket copyOf(DataPacket d, long deadline) {
        for (DataPacket p = udpBefore(deadline); p != null; p = udpBefore(deadline)) {
            if (p.LocationId() == d.LocationId() && p.AFFlags() == d.AFFlags()) {
                return p;
            }
        }
        return null;
    }

    /**
     * The 32-bit sequence number a resend request names {@code d} by, for a Data packet of the session's first play:
     * its AFFlags, which count from 0 (MS-MMSP 2.2.5).
     */
    static long seq(DataPacket d) {
        return d.AFFlags();
    }

    /** The next {@code n} Data packets of the play with {@code inc}, by UDP. */
    List<DataPacket> data(long inc, int n) {
        List<DataPacket> out = new ArrayList<>();
        while (out.size() < n) {
            DataPacket d = nextUdp(n + " Data packets by UDP");
            if (d.playIncarnation() == (inc & 0xFF)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Asks for the Data packets of sequence numbers {@code seqs} again, on the server's UDP port. */
    void resend(long clientId, long sourceId, List<Long> seqs) {
        udp.send(RequestPacketListResend.of(clientId, sourceId, seqs), endpoint.host(), endpoint.port());
    }
}
