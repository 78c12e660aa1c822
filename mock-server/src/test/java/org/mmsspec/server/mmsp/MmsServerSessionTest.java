package org.mmsspec.server.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.mmsp.*;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Scenario;

class MmsServerSessionTest {

    static final AsfFile SAMPLE = AsfFile.sample();
    static final String NSPLAYER = "NSPlayer/7.0.0.1956; {3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}";

    MmsServerSession session;
    final List<SessionAction> all = new ArrayList<>();

    MmsServerSession open(Scenario s) {
        session = new MmsServerSession(s, PacketSource.asf(), new Random(7));
        session.start();
        return session;
    }

    List<SessionAction> send(MmsMessage m) {
        List<SessionAction> a = session.onMessage(m);
        all.addAll(a);
        return a;
    }

    static List<MacToViewer> replies(List<SessionAction> actions) {
        return actions.stream().filter(a -> a instanceof SessionAction.Reply).flatMap(
                a -> ((SessionAction.Reply) a).messages().stream()).toList();
    }

    static List<SessionAction.Data> data(List<SessionAction> actions) {
        return actions.stream().filter(a -> a instanceof SessionAction.Data).map(a -> (SessionAction.Data) a)
                .toList();
    }

    static boolean closes(List<SessionAction> actions) {
        return actions.stream().anyMatch(a -> a instanceof SessionAction.Close);
    }

    static boolean logs(List<SessionAction> actions, What what) {
        return actions.stream().anyMatch(a -> a instanceof SessionAction.Log l && l.what() == what);
    }

    /** Everything pump() gives until streaming stops (bounded). */
    List<SessionAction> pumpAll() {
        List<SessionAction> out = new ArrayList<>();
        for (int i = 0; i < 100_000 && session.streaming(); i++) {
            out.addAll(session.pump());
        }
        return out;
    }

    /** Connect, TCP funnel, OpenFile, ReadBlock. */
    List<SessionAction> toReady(Scenario s, String path) {
        open(s);
        send(LinkViewerToMacConnect.of(NSPLAYER));
        send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
        send(LinkViewerToMacOpenFile.of(3, path, Bytes.EMPTY));
        return send(LinkViewerToMacReadBlock.of(1, 2));
    }

    static LinkViewerToMacStreamSwitch allStreams() {
        return LinkViewerToMacStreamSwitch.of(SAMPLE.streams().stream().map(s -> StreamSwitchEntry.on(s.number()))
                .toArray(StreamSwitchEntry[]::new));
    }

    static Scenario fast() {
        return Scenario.builder().media(SAMPLE).build();
    }

    @Test
    void tcpHappyPathStreamsEveryPacketThenEndOfStream() {
        open(fast());
        var connected = replies(send(LinkViewerToMacConnect.of(NSPLAYER)));
        assertThat(connected).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportConnectedEX.class, r -> {
            assertThat(r.hr()).isZero();
            assertThat(r.ServerVersionInfo()).isEqualTo("4.1.0.3928");
            assertThat(r.AuthenPackage()).isEmpty();
        });
        assertThat(logs(all, What.REQUEST)).isTrue();
        var funnel = replies(send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR)));
        assertThat(funnel).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportFunnelInfo.class,
                r -> assertThat(r.nCubs()).isEqualTo(session.clientId()).isNotZero());
        assertThat(replies(send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755")))).singleElement()
                .isInstanceOf(LinkMacToViewerReportConnectedFunnel.class);
        var opened = replies(send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY)));
        assertThat(opened).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportOpenFile.class, r -> {
            assertThat(r.hr()).isZero();
            assertThat(r.playIncarnation()).isEqualTo(3);
            assertThat(r.openFileId()).isEqualTo(1);
            assertThat(r.filePacketSize()).isEqualTo(SAMPLE.packetSize());
            assertThat(r.filePacketCount()).isEqualTo(SAMPLE.packetCount());
            assertThat(r.fileHeaderSize()).isEqualTo(SAMPLE.mmsHeaderSize());
            assertThat(r.fileAttributes()).isEqualTo(LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSEEK
                    | LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSTRIDE);
        });
        var read = send(LinkViewerToMacReadBlock.of(1, 2));
        assertThat(replies(read)).singleElement().isInstanceOf(LinkMacToViewerReportReadBlock.class);
        var header = data(read);
        assertThat(header).isNotEmpty().allSatisfy(d -> {
            assertThat(d.udp()).isFalse();
            assertThat(d.packet().playIncarnation()).isEqualTo(2);
            assertThat(d.packet().Payload().length()).isLessThanOrEqualTo(SAMPLE.packetSize());
        });
        var reassembled = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < header.size(); i++) {
            DataPacket p = header.get(i).packet();
            assertThat(p.LocationId()).isEqualTo(i);
            assertThat(p.AFFlags()).isEqualTo(i == header.size() - 1 ? 0x0C : 0x04);
            reassembled.writeBytes(p.Payload().toArray());
        }
        assertThat(reassembled.toByteArray()).isEqualTo(SAMPLE.mmsHeader());
        assertThat(session.state()).isEqualTo(MmsServerSession.State.READY);

        assertThat(replies(send(allStreams()))).singleElement().isInstanceOf(LinkMacToViewerReportStreamSwitch.class);
        var started = send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        assertThat(replies(started)).singleElement().isInstanceOfSatisfying(
                LinkMacToViewerReportStartedPlaying.class, r -> assertThat(r.playIncarnation()).isEqualTo(4));
        assertThat(logs(started, What.STREAMING)).isTrue();
        var streamed = pumpAll();
        var packets = data(streamed);
        assertThat(packets).hasSize(SAMPLE.packetCount());
        for (int i = 0; i < packets.size(); i++) {
            DataPacket p = packets.get(i).packet();
            assertThat(p.LocationId()).isEqualTo(i);
            assertThat(p.AFFlags()).isEqualTo(i & 0xFF);
            assertThat(p.playIncarnation()).isEqualTo(4);
            assertThat(p.PacketSize()).isEqualTo(8 + p.Payload().length());
        }
        assertThat(replies(streamed)).last().isEqualTo(LinkMacToViewerReportEndOfStream.of(0, 4));
        assertThat(session.state()).isEqualTo(MmsServerSession.State.READY);
        send(LinkViewerToMacCloseFile.of(1));
        assertThat(closes(all)).isTrue();
    }

    @Test
    void withoutStreamSwitchNothingIsSelectedAndNoDataFlows() {
        toReady(fast(), "sample.asf");
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        var streamed = pumpAll();
        assertThat(data(streamed)).isEmpty();
        assertThat(replies(streamed)).containsExactly(LinkMacToViewerReportEndOfStream.of(0, 4));
    }

    @Test
    void spoooonClientsGetEveryStreamWithoutStreamSwitchAndKeepThePadding() {
        open(fast());
        send(LinkViewerToMacConnect.of("Spoooon!"));
        send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        send(LinkViewerToMacReadBlock.of(1, 2));
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        List<SessionAction.Data> data = data(pumpAll());
        assertThat(data).hasSize(SAMPLE.packetCount());
        // MS-MMSP 2.2.2: padding is stripped for every client but WMS 4.0/4.1, which gets the packets as stored
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.get(i).packet().Payload().toArray()).as("packet %d", i).isEqualTo(SAMPLE.packet(i));
        }
    }

    @Test
    void tcpPacketPairIsThreeReportFunnelInfoOf512And512And1056Bytes() {
        open(fast());
        LinkViewerToMacConnect c = LinkViewerToMacConnect.of(NSPLAYER);
        var ex = replies(send(RecordFields.with(c, "playIncarnation", LinkViewerToMacConnect.MMS_USE_PACKET_PAIR)));
        assertThat(((LinkMacToViewerReportConnectedEX) ex.get(0)).playIncarnation())
                .isEqualTo(LinkViewerToMacConnect.MMS_USE_PACKET_PAIR);
        var three = replies(send(new LinkViewerToMacFunnelInfo(
                LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_TCP_HIGH_ENTROPY)));
        assertThat(three).extracting(m -> CommandPacketCodec.encode(0, m).length).containsExactly(512, 512, 1056);
        assertThat(((LinkMacToViewerReportFunnelInfo) three.get(0)).packetPairPacket())
                .isNotEqualTo(((LinkMacToViewerReportFunnelInfo) three.get(1)).packetPairPacket());
    }

    @Test
    void packetPairIsRefusedWhenTheScenarioTurnsItOff() {
        open(Scenario.builder().media(SAMPLE).packetPair(false).build());
        var ex = replies(send(RecordFields.with(LinkViewerToMacConnect.of(NSPLAYER), "playIncarnation",
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR)));
        assertThat(((LinkMacToViewerReportConnectedEX) ex.get(0)).playIncarnation())
                .isEqualTo(LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR);
    }

    @Test
    void udpFunnelSendsThePairThenTheHeaderAndResendsByteIdenticalCopies() {
        open(fast());
        send(RecordFields.with(LinkViewerToMacConnect.of(NSPLAYER), "playIncarnation",
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR));
        var fi = replies(send(new LinkViewerToMacFunnelInfo(
                LinkViewerToMacFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY)));
        assertThat(fi).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportFunnelInfo.class, r -> {
            assertThat(r.playIncarnation()).isEqualTo(0xF0F0F901L);
            assertThat(r.packetPairPacket().length()).isZero();
        });
        send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\UDP\\7000"));
        assertThat(session.clientPort()).isEqualTo(7000);
        send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        var read = send(LinkViewerToMacReadBlock.of(1, 2));
        assertThat(read.get(0)).isInstanceOfSatisfying(SessionAction.Data.class, d -> {
            assertThat(d.packet().LocationId()).isEqualTo(0xF0F0F000L);
            assertThat(d.packet().PacketSize()).isEqualTo(8 + 1464);
            assertThat(d.packet().AFFlags()).isEqualTo(0x10);
            assertThat(d.packet().playIncarnation()).isEqualTo(0xFF);
        });
        assertThat(read.get(1)).isInstanceOfSatisfying(SessionAction.Data.class,
                d -> assertThat(d.packet().LocationId()).isEqualTo(0xF0F0F001L));
        assertThat(read.get(2)).isInstanceOf(SessionAction.Reply.class);
        assertThat(data(read)).allMatch(SessionAction.Data::udp);
        send(allStreams());
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        var sent = data(pumpAll());
        var resent = data(session.onResend(RequestPacketListResend.of(session.clientId(), 1, List.of(0L, 5L)),
                0));
        assertThat(resent).extracting(d -> Bytes.copyOf(d.packet().encode())).containsExactly(
                Bytes.copyOf(sent.get(0).packet().encode()), Bytes.copyOf(sent.get(5).packet().encode()));
        var spoofed = session.onResend(RequestPacketListResend.of(session.clientId() ^ 1, 1, List.of(0L)), 0);
        assertThat(data(spoofed)).isEmpty();
        assertThat(logs(spoofed, What.PROTOCOL_ERROR)).isTrue();
        var wrongSource = session.onResend(RequestPacketListResend.of(session.clientId(), 2, List.of(0L)), 0);
        assertThat(data(wrongSource)).isEmpty();
    }

    @Test
    void resendsAreRateLimited() {
        udpStreaming();
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 32; i++) {
            many.add(i % SAMPLE.packetCount());
        }
        int total = 0;
        for (int k = 0; k < 10; k++) {
            total += data(session.onResend(RequestPacketListResend.of(session.clientId(), 1, many), 1000)).size();
        }
        assertThat(total).isEqualTo(MmsServerSession.RESENDS_PER_SECOND);
    }

    private void udpStreaming() {
        open(fast());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\UDP\\7000"));
        send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        send(LinkViewerToMacReadBlock.of(1, 2));
        send(allStreams());
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        pumpAll();
    }

    @Test
    void udpFunnelIsRefusedWhenTheMmsuListenerAnswersWithAnError() {
        open(Scenario.builder().media(SAMPLE).behaviour(Protocol.MMSU, Behaviour.ERROR).build());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        var r = send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\UDP\\7000"));
        assertThat(replies(r)).singleElement().isInstanceOf(LinkMacToViewerReportDisconnectedFunnel.class);
        assertThat(logs(r, What.ERROR_REPLY)).isTrue();
        assertThat(session.clientPort()).isZero();
    }

    @Test
    void mmstErrorBehaviourAnswersConnectWithNotSupported() {
        open(Scenario.builder().media(SAMPLE).behaviour(Protocol.MMST, Behaviour.ERROR).build());
        var r = send(LinkViewerToMacConnect.of(NSPLAYER));
        assertThat(((LinkMacToViewerReportConnectedEX) replies(r).get(0)).hr()).isEqualTo(0xC00D2EFAL);
        assertThat(closes(r)).isTrue();
    }

    @Test
    void basicAuthenticationChallengesUntilTheRightCredentials() {
        open(Scenario.builder().media(SAMPLE).credentials("alice", "s3cret").build());
        var ex = replies(send(LinkViewerToMacConnect.of(NSPLAYER)));
        assertThat(((LinkMacToViewerReportConnectedEX) ex.get(0)).AuthenPackage()).isEqualTo("BASIC");
        var ch = replies(send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY)));
        assertThat(ch).singleElement().isInstanceOfSatisfying(LinkMacToViewerSecurityChallenge.class,
                c -> assertThat(c.basicRealm()).contains("mmsspec"));
        long cookie = ((LinkMacToViewerSecurityChallenge) ch.get(0)).cookie();
        var again = replies(send(LinkViewerToMacSecurityResponse.of(3, cookie, basic("alice:wrong"))));
        assertThat(again).singleElement().isInstanceOf(LinkMacToViewerSecurityChallenge.class);
        cookie = ((LinkMacToViewerSecurityChallenge) again.get(0)).cookie();
        var ok = replies(send(LinkViewerToMacSecurityResponse.of(5, cookie, basic("alice:s3cret"))));
        assertThat(ok).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportOpenFile.class, r -> {
            assertThat(r.hr()).isZero();
            assertThat(r.playIncarnation()).isEqualTo(5);
        });
    }

    @Test
    void credentialsSentWithOpenFileNeedNoChallenge() {
        open(Scenario.builder().media(SAMPLE).credentials("alice", "s3cret").build());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        var r = replies(send(LinkViewerToMacOpenFile.of(3, "sample.asf", basic("alice:s3cret"))));
        assertThat(r).singleElement().isInstanceOf(LinkMacToViewerReportOpenFile.class);
    }

    static Bytes basic(String userPassword) {
        String b64 = Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
        return Bytes.copyOf((b64 + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void redirectAnswersOpenFileThenCloses() {
        open(Scenario.builder().media(SAMPLE).redirect("mms://elsewhere.example/sample.asf").build());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        var r = send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        assertThat(replies(r)).singleElement().isInstanceOfSatisfying(LinkMacToViewerReportRedirect.class,
                x -> assertThat(x.wszLocation()).isEqualTo("mms://elsewhere.example/sample.asf"));
        assertThat(closes(r)).isTrue();
    }

    @Test
    void unknownPathGivesFileNotFound() {
        open(fast());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        var r = send(LinkViewerToMacOpenFile.of(3, "nothing.asf", Bytes.EMPTY));
        assertThat(((LinkMacToViewerReportOpenFile) replies(r).get(0)).hr()).isEqualTo(0xC00D001AL);
        assertThat(logs(r, What.ERROR_REPLY)).isTrue();
        assertThat(closes(r)).isFalse();
    }

    @Test
    void stopPlayingEchoesItsIncarnationAndPlayingRestartsAtALocationId() {
        toReady(fast(), "sample.asf");
        send(allStreams());
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        session.pump();
        session.pump();
        var stop = replies(send(new LinkViewerToMacStopPlaying(1, 0x1FFFFF)));
        assertThat(stop).containsExactly(LinkMacToViewerReportEndOfStream.of(0, 0x1FFFFF));
        assertThat(session.state()).isEqualTo(MmsServerSession.State.READY);
        int from = SAMPLE.packetCount() / 2;
        send(new LinkViewerToMacStartPlaying(1, 0, Double.MAX_VALUE, LinkViewerToMacStartPlaying.NOT_USED, from, 0,
                5, 0, 0, 0, 0));
        var packets = data(pumpAll());
        assertThat(packets).hasSize(SAMPLE.packetCount() - from);
        assertThat(packets.get(0).packet().LocationId()).isEqualTo(from);
        assertThat(packets.get(0).packet().AFFlags()).isEqualTo(2); // the running sequence goes on
        assertThat(packets.get(0).packet().playIncarnation()).isEqualTo(5);
    }

    @Test
    void seekByAsfOffsetStartsAtThePacketHoldingIt() {
        toReady(fast(), "sample.asf");
        send(allStreams());
        send(new LinkViewerToMacStartPlaying(1, 0, Double.MAX_VALUE, SAMPLE.packetOffset(3) + 1,
                LinkViewerToMacStartPlaying.NOT_USED, 0, 4, 0, 0, 0, 0));
        assertThat(data(session.pump()).get(0).packet().LocationId()).isEqualTo(3);
    }

    static LinkViewerToMacStartPlaying playUntil(double position, long frameOffset) {
        return new LinkViewerToMacStartPlaying(1, 0, position, LinkViewerToMacStartPlaying.NOT_USED,
                LinkViewerToMacStartPlaying.NOT_USED, frameOffset, 4, 0, 0, 0, 0);
    }

    /** The first packet at or after {@code from} whose send time passes {@code stopMillis}. */
    static int firstPast(int from, long stopMillis) {
        int i = from;
        while (i < SAMPLE.packetCount() && SAMPLE.sendTime(i) <= stopMillis) {
            i++;
        }
        return i;
    }

    /** Streams with {@code start} and checks that exactly packets {@code from} until {@code to} went out. */
    void assertStreamsPackets(LinkViewerToMacStartPlaying start, int from, int to) {
        toReady(fast(), "sample.asf");
        send(allStreams());
        send(start);
        var streamed = pumpAll();
        var packets = data(streamed);
        assertThat(packets).extracting(d -> (int) d.packet().LocationId())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(from, to).boxed().toList());
        assertThat(replies(streamed)).containsExactly(LinkMacToViewerReportEndOfStream.of(0, 4));
        assertThat(session.state()).isEqualTo(MmsServerSession.State.READY);
    }

    @Test
    void absoluteFrameOffsetStopsOnceASendTimePassesIt() {
        int mid = SAMPLE.packetCount() / 2;
        long stop = SAMPLE.sendTime(mid);
        int end = firstPast(0, stop);
        assertThat(end).as("the sample must go on after the stop").isLessThan(SAMPLE.packetCount()).isGreaterThan(mid);
        assertStreamsPackets(playUntil(0, stop), 0, end);
        var last = SAMPLE.sendTime(end - 1);
        assertThat(last).isLessThanOrEqualTo(stop);
        assertThat(SAMPLE.sendTime(end)).isGreaterThan(stop);
    }

    @Test
    void relativeFrameOffsetCountsFromTheRequestedStartPosition() {
        double position = 1.0;
        long millis = 1500;
        int from = SAMPLE.packetForTime(position);
        int end = firstPast(from, 1000 + millis);
        assertThat(from).isPositive();
        assertThat(end).isLessThan(SAMPLE.packetCount()).isGreaterThan(firstPast(from, millis));
        assertStreamsPackets(playUntil(position, 0x80000000L | millis), from, end);
    }

    @Test
    void relativeFrameOffsetAfterALocationIdSeekCountsFromThatPacket() {
        int from = SAMPLE.packetCount() / 4;
        long millis = 1000;
        int end = firstPast(from, SAMPLE.sendTime(from) + millis);
        assertThat(end).isLessThan(SAMPLE.packetCount());
        assertStreamsPackets(new LinkViewerToMacStartPlaying(1, 0, Double.MAX_VALUE,
                LinkViewerToMacStartPlaying.NOT_USED, from, 0x80000000L | millis, 4, 0, 0, 0, 0), from, end);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "frameOffset 0x{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0", "00FFFFFF"})
    void frameOffsetZeroAndTheOpenSourceValuePlayToTheEnd(String hex) {
        // 0 is "to the end"; FFmpeg, VLC and libmms send 0x00FFFFFF, an absolute stop at 16777 s
        assertStreamsPackets(playUntil(0, Long.parseLong(hex, 16)), 0, SAMPLE.packetCount());
    }

    @Test
    void startStridingIgnoresItsFrameOffset() {
        toReady(fast(), "sample.asf");
        send(allStreams());
        send(new LinkViewerToMacStartStriding(1, 0, 0, LinkViewerToMacStartPlaying.NOT_USED,
                LinkViewerToMacStartPlaying.NOT_USED, 1, 4, 1.0));
        assertThat(data(pumpAll())).hasSize(SAMPLE.packetCount());
    }

    @Test
    void playlistEndsEachEntryWithStreamChangeAndANewHeaderOnTcp() {
        AsfFile second = AsfFile.of("b.asf", SAMPLE.bytes());
        toReady(Scenario.builder().media("list", SAMPLE, second).build(), "list");
        send(allStreams());
        send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        var all = pumpAll();
        var msgs = replies(all);
        assertThat(msgs).containsExactly(LinkMacToViewerReportEndOfStream.of(1, 4),
                LinkMacToViewerReportStreamChange.of(second.packetSize(), second.mmsHeaderSize(),
                        second.properties().maxBitrate()),
                LinkMacToViewerReportEndOfStream.of(0, 4));
        long newHeader = data(all).stream().filter(d -> d.packet().playIncarnation() == 0xFF).count();
        assertThat(newHeader).isPositive();
        assertThat(data(all)).hasSize(2 * SAMPLE.packetCount() + (int) newHeader);
    }

    @Test
    void wrongOpenFileIdIsAProtocolErrorAndACleanClose() {
        toReady(fast(), "sample.asf");
        var r = send(LinkViewerToMacStartPlaying.of(9, 0, 4));
        assertThat(logs(r, What.PROTOCOL_ERROR)).isTrue();
        assertThat(closes(r)).isTrue();
        assertThat(session.onMessage(LinkViewerToMacCloseFile.of(1))).isEmpty();
    }

    @Test
    void outOfOrderMessagesCloseTheSession() {
        open(fast());
        var r = send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        assertThat(logs(r, What.PROTOCOL_ERROR)).isTrue();
        assertThat(closes(r)).isTrue();

        open(fast());
        send(LinkViewerToMacConnect.of(NSPLAYER));
        send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
        var early = send(LinkViewerToMacStartPlaying.of(1, 0, 4));
        assertThat(closes(early)).isTrue();
    }

    @Test
    void keepAlivePingsAndClosesWhenNoPongCame() {
        toReady(fast(), "sample.asf");
        assertThat(replies(session.onTimer(MmsServerSession.Timer.KEEPALIVE))).singleElement()
                .isInstanceOf(LinkMacToViewerPing.class);
        send(LinkViewerToMacPong.of());
        assertThat(replies(session.onTimer(MmsServerSession.Timer.KEEPALIVE))).hasSize(1);
        assertThat(closes(session.onTimer(MmsServerSession.Timer.KEEPALIVE))).isTrue();
    }

    @Test
    void idleTimeoutClosesOutsideStreaming() {
        toReady(fast(), "sample.asf");
        assertThat(closes(session.onTimer(MmsServerSession.Timer.IDLE))).isTrue();
    }
}
