package org.mmsspec.server.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.*;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** MmstServer on a real loopback socket, driven by a tiny scripted client built on the codec. */
@Timeout(60)
class MmstServerLoopbackTest {

    static final AsfFile SAMPLE = AsfFile.sample();

    EventLoopGroup group;
    Channel listener;
    EventLog events;
    MmstServer mmst;

    int start(Scenario scenario) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        events = new EventLog();
        mmst = new MmstServer();
        ServerContext context = new ServerContext(scenario, events);
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Connection c = new Connection(events.nextConnection(), Protocol.MMST,
                                ch.localAddress().getPort(), ch.remoteAddress(), events);
                        c.record(What.ACCEPTED, "");
                        mmst.install(ch.pipeline(), context, c);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @AfterEach
    void stop() {
        if (mmst != null) {
            mmst.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Sends commands, collects what comes back, framed by the codec. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final StreamFramer framer = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
        final List<StreamFramer.Unit> received = new ArrayList<>();
        int seq;

        Client(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(MmsMessage m) throws Exception {
            out.write(CommandPacketCodec.encode(seq++, m));
            out.flush();
        }

        /** Reads until a unit carrying {@code mid}'s message arrives; returns that message. */
        MmsMessage await(MessageType type) throws Exception {
            int seen = 0;
            while (true) {
                for (; seen < received.size(); seen++) {
                    if (received.get(seen) instanceof StreamFramer.Command c) {
                        for (MmsMessage m : c.decoded().value().messages()) {
                            if (m.type().equals(type)) {
                                received.remove(seen);
                                return m;
                            }
                        }
                    }
                }
                byte[] b = new byte[8192];
                int n = in.read(b);
                if (n < 0) {
                    throw new java.io.EOFException("closed before " + type.name());
                }
                framer.feed(b, 0, n, received::add);
            }
        }

        /** The Data units received so far, removing them. */
        List<StreamFramer.Data> takeData() {
            List<StreamFramer.Data> d = received.stream().filter(u -> u instanceof StreamFramer.Data)
                    .map(u -> (StreamFramer.Data) u).toList();
            received.removeAll(d);
            return d;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void playsTheWholeFileOverTcpAndEveryReplyDecodesStrictly() throws Exception {
        int port = start(Scenario.builder().media(SAMPLE).pacing(Pacing.FAST).build());
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        List<StreamFramer.Data> data = new ArrayList<>();
        try (Client c = new Client(port)) {
            c.send(LinkViewerToMacConnect.of(MmsServerSessionTest.NSPLAYER));
            c.await(LinkMacToViewerReportConnectedEX.TYPE);
            c.send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
            c.await(LinkMacToViewerReportFunnelInfo.TYPE);
            c.send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
            c.await(LinkMacToViewerReportConnectedFunnel.TYPE);
            c.send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
            c.await(LinkMacToViewerReportOpenFile.TYPE);
            c.send(LinkViewerToMacReadBlock.of(1, 2));
            c.await(LinkMacToViewerReportReadBlock.TYPE);
            c.send(MmsServerSessionTest.allStreams());
            c.await(LinkMacToViewerReportStreamSwitch.TYPE);
            for (var d : c.takeData()) {
                header.writeBytes(d.decoded().value().Payload().toArray());
            }
            c.send(LinkViewerToMacStartPlaying.of(1, 0, 4));
            c.await(LinkMacToViewerReportStartedPlaying.TYPE);
            data.addAll(c.takeData());
            var eos = (LinkMacToViewerReportEndOfStream) c.await(LinkMacToViewerReportEndOfStream.TYPE);
            assertThat(eos.hr()).isZero();
            c.send(LinkViewerToMacCloseFile.of(1));
            assertThat(c.in.read()).isEqualTo(-1);
            data.addAll(c.framer.feed(new byte[0]).stream().map(u -> (StreamFramer.Data) u).toList());
        }
        assertThat(header.toByteArray()).isEqualTo(SAMPLE.mmsHeader());
        assertThat(events.await(e -> e.what() == What.CLOSED_BY_SERVER, Duration.ofSeconds(5))).isNotNull();
        assertThat(events.events(e -> e.what() == What.REQUEST)).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("NSPlayer/"));
        var transcript = mmst.transcripts().get(0);
        assertThat(transcript.messageNames()).contains("LinkViewerToMacConnect", "LinkViewerToMacCloseFile");
        assertThat(transcript.entries()).allSatisfy(e -> assertThat(e.violations()).isEmpty());
    }

    @Test
    void faultsCombineRepliesAndSendOneByteSegmentsThatStillDecode() throws Exception {
        Faults f = new Faults(java.util.Map.of(), java.util.Set.of("LinkMacToViewerReportFunnelInfo"),
                List.of(new Faults.FieldOverride("LinkMacToViewerReportConnectedEX", "maxBitRate", 0x00A00000L)),
                true, true, null, null, 0x08);
        int port = start(Scenario.builder().media(SAMPLE).pacing(Pacing.FAST).faults(f).build());
        try (Client c = new Client(port)) {
            c.send(LinkViewerToMacConnect.of(MmsServerSessionTest.NSPLAYER));
            var ex = (LinkMacToViewerReportConnectedEX) c.await(LinkMacToViewerReportConnectedEX.TYPE);
            assertThat(ex.maxBitRate()).isEqualTo(0x00A00000L);
            c.send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
            c.send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
            c.await(LinkMacToViewerReportConnectedFunnel.TYPE);
            assertThat(c.received).isEmpty(); // the dropped ReportFunnelInfo never came
            c.send(LinkViewerToMacOpenFile.of(3, "sample.asf", Bytes.EMPTY));
            c.await(LinkMacToViewerReportOpenFile.TYPE);
            c.send(LinkViewerToMacReadBlock.of(1, 2));
            c.await(LinkMacToViewerReportReadBlock.TYPE);
            c.send(LinkViewerToMacPong.of()); // anything, to read the header behind the reply
            c.send(MmsServerSessionTest.allStreams());
            c.await(LinkMacToViewerReportStreamSwitch.TYPE);
            var header = c.takeData();
            assertThat(header.get(header.size() - 1).decoded().value().AFFlags()).isEqualTo(0x08);
        }
    }

    @Test
    void garbageFromTheClientIsAProtocolErrorAndAClose() throws Exception {
        int port = start(Scenario.builder().media(SAMPLE).pacing(Pacing.FAST).build());
        try (Client c = new Client(port)) {
            c.send(LinkViewerToMacConnect.of(MmsServerSessionTest.NSPLAYER));
            c.await(LinkMacToViewerReportConnectedEX.TYPE);
            c.out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 0}); // a "Data packet" of size 7
            c.out.flush();
            assertThat(c.in.read(new byte[64])).isEqualTo(-1);
        }
        assertThat(events.await(e -> e.what() == What.PROTOCOL_ERROR, Duration.ofSeconds(5))).isNotNull();
    }

    @Test
    void bytesLeftUnframedAtTheCloseAreInTheTranscript() throws Exception {
        int port = start(Scenario.builder().media(SAMPLE).pacing(Pacing.FAST).build());
        byte[] lying = CommandPacketCodec.encode(1, new LinkViewerToMacFunnelInfo(
                LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        lying[8] += 8; // messageLength announces 8 bytes that never come
        try (Client c = new Client(port)) {
            c.send(LinkViewerToMacConnect.of(MmsServerSessionTest.NSPLAYER));
            c.await(LinkMacToViewerReportConnectedEX.TYPE);
            c.out.write(lying);
            c.out.flush();
        }
        var last = secondEntry();
        assertThat(last.error()).isEqualTo(lying.length + " bytes left unframed when the connection closed");
        assertThat(last.noCommand()).isFalse();
    }

    @Test
    void anUnfinishedUnitWithoutTheSessionIdIsNoCommand() throws Exception {
        int port = start(Scenario.builder().media(SAMPLE).pacing(Pacing.FAST).build());
        byte[] wrong = CommandPacketCodec.encode(1, new LinkViewerToMacFunnelInfo(
                LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        wrong[4]++; // sessionId 0xB00BFACF: framed as a Data packet of 0xB00B bytes
        try (Client c = new Client(port)) {
            c.send(LinkViewerToMacConnect.of(MmsServerSessionTest.NSPLAYER));
            c.await(LinkMacToViewerReportConnectedEX.TYPE);
            c.out.write(wrong);
            c.out.flush();
            assertThat(c.in.read(new byte[64])).isEqualTo(-1);
        }
        assertThat(events.await(e -> e.what() == What.PROTOCOL_ERROR, Duration.ofSeconds(5))).isNotNull();
        var entry = secondEntry();
        assertThat(entry.noCommand()).isTrue();
        assertThat(entry.error()).endsWith(wrong.length + " bytes left unframed when the connection closed");
    }

    /** The transcript's second entry, once the connection's close has written it. */
    private Transcript.Entry secondEntry() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (mmst.transcripts().get(0).entries().size() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return mmst.transcripts().get(0).entries().get(1);
    }
}
