package org.mmsspec.cases.server.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.client.UdpDataChannel;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/**
 * A session whose Data packets go over UDP (ConnectFunnel naming a UDP port, so Client-Port is not 0): the header
 * and the content as datagrams, the commands and ReportEndOfStream on TCP.
 *
 * @param udp     the client's UDP port, closed with this
 * @param header  the header's Data packets, from the UDP port
 * @param content the content's Data packets, from the UDP port, up to the first silence of the timeout
 * @param tcpData Data packets that came over TCP instead, which should be none
 */
record PlayedUdp(MmstClient client, UdpDataChannel udp, AsfHeader header, List<DataPacket> content,
        List<DataPacket> tcpData) implements AutoCloseable {

    /** Plays the target's media with a UDP port of the client as the funnel, up to ReportEndOfStream on TCP. */
    static PlayedUdp play(CaseContext ctx) {
        Handshake h = ctx.handshake();
        UdpDataChannel udp = h.client().openUdp();
        try {
            return play(ctx, h, udp);
        } catch (RuntimeException e) {
            udp.close();
            throw e;
        }
    }

    private static PlayedUdp play(CaseContext ctx, Handshake h, UdpDataChannel udp) {
        h.upTo(Handshake.Stage.FUNNEL_INFO);
        MmstClient c = h.client();
        c.send(LinkViewerToMacConnectFunnel.of(udp.funnelName()));
        c.expect(LinkMacToViewerReportConnectedFunnel.class);
        h.openFile();
        c.send(LinkViewerToMacReadBlock.of(h.openFileId(), Played.READ_BLOCK_INCARNATION));
        c.expect(LinkMacToViewerReportReadBlock.class);
        List<DataPacket> header = new ArrayList<>();
        while (header.isEmpty() || !isLastFragment(header.get(header.size() - 1))) {
            Outcome o = udp.receive();
            DataPacket d = o instanceof Outcome.Received r ? r.dataPacket().orElse(null) : null;
            ctx.must(d != null, "header Data packet " + header.size() + " arrives on the UDP port: " + o.summary());
            header.add(d);
        }
        AsfHeader asf = new AsfHeader(header);
        c.send(Played.selectAll(asf));
        c.expect(LinkMacToViewerReportStreamSwitch.class);
        c.send(LinkViewerToMacStartPlaying.of(h.openFileId(), 0, Played.PLAY_INCARNATION));
        c.expect(LinkMacToViewerReportStartedPlaying.class);
        List<DataPacket> content = new ArrayList<>();
        long count = h.openFileReply().filePacketCount();
        long limit = ctx.target().live() || count == 0 ? Played.LIVE_PACKETS : count;
        while (content.size() < limit) {
            Outcome o = udp.receive();
            if (!(o instanceof Outcome.Received r) || r.dataPacket().isEmpty()) {
                break;
            }
            content.add(r.dataPacket().get());
        }
        List<DataPacket> tcpData = new ArrayList<>();
        if (!ctx.target().live()) {
            Outcome o = c.readUntil(r -> {
                r.dataPacket().ifPresent(tcpData::add);
                return r.message(LinkMacToViewerReportEndOfStream.class).isPresent();
            });
            ctx.must(o instanceof Outcome.Received, "ReportEndOfStream ends the content on TCP: " + o.summary());
        }
        return new PlayedUdp(c, udp, asf, content, tcpData);
    }

    /**
     * The two packet-pair Data packets that come to the client's UDP port ahead of ReportReadBlock, where Connect and
     * FunnelInfo ask for packet-pair over UDP (MS-MMSP 3.2.5.8); a server that offers none skips the case.
     */
    static List<DataPacket> packetPair(CaseContext ctx) {
        MmstClient c = ctx.mmst();
        try (UdpDataChannel udp = c.openUdp()) {
            c.send(new LinkViewerToMacConnect(LinkViewerToMacConnect.MMS_USE_PACKET_PAIR,
                    LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION, LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION,
                    MmstClient.NSPLAYER, "", ""));
            if (c.expect(LinkMacToViewerReportConnectedEX.class).playIncarnation()
                    != LinkViewerToMacConnect.MMS_USE_PACKET_PAIR) {
                ctx.skip("the server offers no packet-pair");
            }
            c.send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY));
            if (c.expect(LinkMacToViewerReportFunnelInfo.class).playIncarnation()
                    != LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY) {
                ctx.skip("the server offers no packet-pair over UDP");
            }
            c.send(LinkViewerToMacConnectFunnel.of(udp.funnelName()));
            c.expect(LinkMacToViewerReportConnectedFunnel.class);
            Handshake h = Handshake.on(c, ctx.target().media()).openFile();
            c.send(LinkViewerToMacReadBlock.of(h.openFileId(), Played.READ_BLOCK_INCARNATION));
            List<DataPacket> pair = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Outcome o = udp.receive();
                DataPacket d = o instanceof Outcome.Received r ? r.dataPacket().orElse(null) : null;
                ctx.must(d != null, "packet-pair Data packet " + (i + 1) + " arrives on the UDP port: " + o.summary());
                pair.add(d);
            }
            return pair;
        }
    }

    @Override
    public void close() {
        udp.close();
    }

    static boolean isLastFragment(DataPacket d) {
        return d.AFFlags() == DataPacket.AF_HEADER_LAST || d.AFFlags() == DataPacket.AF_HEADER_LAST_ALT;
    }
}
