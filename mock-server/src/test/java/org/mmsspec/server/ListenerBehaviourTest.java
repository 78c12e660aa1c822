package org.mmsspec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** Every listener behaviour, over loopback sockets, and what each writes to the event log. */
class ListenerBehaviourTest {

    static final byte[] MMS = FirstBytesTest.MMS;
    static final byte[] HTTP = "GET /sample.asf HTTP/1.0\r\nUser-Agent: NSPlayer/7.0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final Duration WAIT = Duration.ofSeconds(5);

    private MockMmsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    MockMmsServer start(Scenario.Builder b) {
        return start(b, ServerOptions.defaults());
    }

    MockMmsServer start(Scenario.Builder b, ServerOptions o) {
        server = MockMmsServer.start(b.pacing(Pacing.FAST).build(), o);
        return server;
    }

    static Scenario.Builder only(Protocol p, Behaviour b) {
        Scenario.Builder s = Scenario.builder();
        for (Protocol q : Protocol.values()) {
            s.behaviour(q, Behaviour.REFUSE);
        }
        return s.behaviour(p, b);
    }

    Socket connect(Protocol p) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port(p));
        s.setSoTimeout(3000);
        return s;
    }

    /** The events of the connection that ends with {@code last}, once it is there, in order. */
    List<What> eventsUntil(What last) throws InterruptedException {
        ConnectionEvent end = server.events().await(e -> e.what() == last, WAIT);
        assertThat(end).as("a %s event in %s", last, server.events().events()).isNotNull();
        return server.events().events(e -> e.connection() == end.connection()).stream().map(ConnectionEvent::what)
                .toList();
    }

    @Test
    void refuseBindsNoSocket() {
        start(only(Protocol.MMST, Behaviour.REFUSE).behaviour(Protocol.MMSH, Behaviour.SERVE));
        assertThat(server.isListening(Protocol.MMST)).isFalse();
        assertThatThrownBy(() -> connect(Protocol.MMST)).isInstanceOf(ConnectException.class);
        assertThat(server.events().events()).isEmpty();
    }

    @Test
    void acceptAndCloseGivesEndOfStreamWithoutReading() throws Exception {
        start(only(Protocol.MMST, Behaviour.ACCEPT_AND_CLOSE));
        try (Socket s = connect(Protocol.MMST)) {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(eventsUntil(What.CLOSED_BY_SERVER)).containsExactly(What.ACCEPTED, What.CLOSED_BY_SERVER);
    }

    @Test
    void resetSendsRst() throws Exception {
        start(only(Protocol.MMSH, Behaviour.RESET));
        try (Socket s = connect(Protocol.MMSH)) {
            assertThatThrownBy(() -> readAll(s.getInputStream())).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        assertThat(eventsUntil(What.RESET)).containsExactly(What.ACCEPTED, What.RESET);
    }

    @Test
    void silentReadsAndNeverAnswers() throws Exception {
        start(only(Protocol.MMST, Behaviour.SILENT));
        try (Socket s = connect(Protocol.MMST)) {
            s.setSoTimeout(300);
            s.getOutputStream().write(MMS);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(eventsUntil(What.CLOSED_BY_CLIENT)).containsExactly(What.ACCEPTED, What.REQUEST,
                What.CLOSED_BY_CLIENT);
        assertThat(server.events().requestOrder()).containsExactly(Protocol.MMST);
    }

    @Test
    void silentClosesAtTheIdleTimeout() throws Exception {
        start(only(Protocol.MMST, Behaviour.SILENT).idleTimeout(Duration.ofMillis(200)));
        try (Socket s = connect(Protocol.MMST)) {
            s.getOutputStream().write(MMS);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(eventsUntil(What.CLOSED_BY_SERVER)).containsExactly(What.ACCEPTED, What.REQUEST,
                What.CLOSED_BY_SERVER);
    }

    @Test
    void rtspErrorAnswersWithTheStatusAndTheCSeq() throws Exception {
        start(only(Protocol.RTSP, Behaviour.ERROR).listener(
                new ListenerSpec(Protocol.RTSP, 0, Behaviour.ERROR, 461)).serverVersion("9.1.1.3814"));
        String reply = exchange(Protocol.RTSP, "OPTIONS rtsp://127.0.0.1/sample.asf RTSP/1.0\r\nCSeq: 7\r\n"
                + "User-Agent: WMPlayer/9\r\n\r\n");
        assertThat(reply).startsWith("RTSP/1.0 461 Unsupported transport\r\n").contains("\r\nCSeq: 7\r\n")
                .contains("Server: WMServer/9.1.1.3814").endsWith("\r\n\r\n");
        assertThat(eventsUntil(What.CLOSED_BY_SERVER)).containsExactly(What.ACCEPTED, What.REQUEST,
                What.ERROR_REPLY, What.CLOSED_BY_SERVER);
        assertThat(server.events().events(e -> e.what() == What.REQUEST).get(0).detail())
                .isEqualTo("OPTIONS rtsp://127.0.0.1/sample.asf RTSP/1.0");
    }

    @Test
    void rtspErrorDefaultsTo551AndWaitsForTheWholeHead() throws Exception {
        start(only(Protocol.RTSP, Behaviour.ERROR));
        try (Socket s = connect(Protocol.RTSP)) {
            s.getOutputStream().write("DESCRIBE rtsp://h/x RTSP/1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(100);
            s.getOutputStream().write("cseq: 12\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(readAll(s.getInputStream()), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("RTSP/1.0 551 Option not supported\r\nCSeq: 12\r\n");
        }
    }

    @Test
    void sharedPortTellsProtocolsApartAndServesFromTheFirstByte() throws Exception {
        int port = freePort();
        Scenario.Builder b = Scenario.builder()
                .listener(new ListenerSpec(Protocol.RTSP, port, Behaviour.ERROR, 0))
                .listener(Protocol.MMST, port, Behaviour.RESET)
                .listener(Protocol.MMSU, 0, Behaviour.REFUSE)
                .listener(Protocol.MMSH, port, Behaviour.SERVE);
        start(b, ServerOptions.defaults().withServer(Protocol.MMSH, Echo::install));
        assertThat(server.port(Protocol.MMSH)).isEqualTo(port);

        // HTTP is served, and the server sees the request from its first byte.
        try (Socket s = connect(Protocol.MMSH)) {
            s.getOutputStream().write(HTTP, 0, 10);
            s.getOutputStream().flush();
            Thread.sleep(50);
            s.getOutputStream().write(HTTP, 10, HTTP.length - 10);
            byte[] echoed = s.getInputStream().readNBytes(HTTP.length);
            assertThat(echoed).isEqualTo(HTTP);
        }
        // MMS on the same port is reset, RTSP refused in words.
        try (Socket s = connect(Protocol.MMST)) {
            s.getOutputStream().write(MMS);
            assertThatThrownBy(() -> readAll(s.getInputStream())).isInstanceOf(SocketException.class);
        }
        assertThat(exchange(Protocol.RTSP, "OPTIONS rtsp://h/ RTSP/1.0\r\nCSeq: 1\r\n\r\n"))
                .startsWith("RTSP/1.0 551 ");
        server.events().await(e -> e.what() == What.CLOSED_BY_SERVER && e.protocol() == Protocol.RTSP, WAIT);
        List<String> log = server.events().events().stream().map(e -> e.protocol() + " " + e.what()).toList();
        assertThat(log).containsSubsequence("MMSH ACCEPTED", "MMST ACCEPTED", "MMST REQUEST", "MMST RESET",
                "RTSP ACCEPTED", "RTSP REQUEST", "RTSP ERROR_REPLY", "RTSP CLOSED_BY_SERVER");
        assertThat(server.events().events(e -> e.what() == What.ACCEPTED)).allSatisfy(
                e -> assertThat(e.detail()).contains("port shared by"));
        assertThat(server.events().events()).allSatisfy(e -> assertThat(e.port()).isEqualTo(port));
    }

    @Test
    void aProtocolNotConfiguredOnThePortIsAProtocolErrorAndReset() throws Exception {
        start(only(Protocol.MMSH, Behaviour.SILENT));
        try (Socket s = connect(Protocol.MMSH)) {
            s.getOutputStream().write(MMS);
            assertThatThrownBy(() -> readAll(s.getInputStream())).isInstanceOf(SocketException.class);
        }
        assertThat(eventsUntil(What.RESET)).containsExactly(What.ACCEPTED, What.PROTOCOL_ERROR, What.RESET);
        ConnectionEvent error = server.events().events(e -> e.what() == What.PROTOCOL_ERROR).get(0);
        assertThat(error.protocol()).isEqualTo(Protocol.MMST);
        assertThat(error.detail()).startsWith("MMST is not served on port " + server.port(Protocol.MMSH));
    }

    @Test
    void unknownBytesAreAProtocolError() throws Exception {
        start(only(Protocol.MMSH, Behaviour.SERVE));
        try (Socket s = connect(Protocol.MMSH)) {
            s.getOutputStream().write("hello\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> readAll(s.getInputStream())).isInstanceOf(SocketException.class);
        }
        assertThat(eventsUntil(What.RESET)).containsExactly(What.ACCEPTED, What.PROTOCOL_ERROR, What.RESET);
    }

    @Test
    void sniffingIsBoundedInBytes() throws Exception {
        start(only(Protocol.MMSH, Behaviour.SERVE));
        try (Socket s = connect(Protocol.MMSH)) {
            s.getOutputStream().write(("GET /" + "a".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> readAll(s.getInputStream())).isInstanceOf(SocketException.class);
        }
        assertThat(eventsUntil(What.RESET)).containsExactly(What.ACCEPTED, What.PROTOCOL_ERROR, What.RESET);
        assertThat(server.events().events(e -> e.what() == What.PROTOCOL_ERROR).get(0).detail())
                .startsWith("no protocol shown in the first ");
    }

    @Test
    void sniffingIsBoundedInTime() throws Exception {
        start(only(Protocol.MMST, Behaviour.SERVE), ServerOptions.defaults().withSniffTimeout(Duration.ofMillis(200)));
        try (Socket s = connect(Protocol.MMST)) {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(eventsUntil(What.CLOSED_BY_SERVER)).containsExactly(What.ACCEPTED, What.PROTOCOL_ERROR,
                What.CLOSED_BY_SERVER);
    }

    @Test
    void aClientThatLeavesBeforeItsRequestIsLogged() throws Exception {
        start(only(Protocol.MMST, Behaviour.SERVE));
        connect(Protocol.MMST).close();
        assertThat(eventsUntil(What.CLOSED_BY_CLIENT)).containsExactly(What.ACCEPTED, What.CLOSED_BY_CLIENT);
    }

    @Test
    void aProtocolWithoutAServerIsClosedAndSaysSo() throws Exception {
        start(only(Protocol.MMST, Behaviour.SERVE),
                ServerOptions.defaults().withServer(Protocol.MMST, ProtocolServers.unavailable(Protocol.MMST)));
        try (Socket s = connect(Protocol.MMST)) {
            s.getOutputStream().write(MMS);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(eventsUntil(What.CLOSED_BY_SERVER)).containsExactly(What.ACCEPTED, What.CLOSED_BY_SERVER);
        assertThat(server.events().events().get(1).detail()).isEqualTo("no MMST server in this build");
    }

    @Test
    void errorOnMmstIsLeftToTheMmstServer() throws Exception {
        start(only(Protocol.MMST, Behaviour.ERROR), ServerOptions.defaults().withServer(Protocol.MMST, Echo::install));
        try (Socket s = connect(Protocol.MMST)) {
            s.getOutputStream().write(MMS);
            assertThat(s.getInputStream().readNBytes(MMS.length)).isEqualTo(MMS);
        }
    }

    @Test
    void aFailingProtocolServerNeverTakesTheServerDown() throws Exception {
        ProtocolServer throwsOnInstall = (p, c, conn) -> {
            throw new IllegalStateException("boom");
        };
        ProtocolServer throwsOnRead = (p, c, conn) -> p.addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ((ByteBuf) msg).release();
                throw new IllegalStateException("bad handler");
            }
        });
        start(only(Protocol.MMST, Behaviour.SERVE).behaviour(Protocol.MMSH, Behaviour.SERVE),
                ServerOptions.defaults().withServer(Protocol.MMST, throwsOnInstall)
                        .withServer(Protocol.MMSH, throwsOnRead));
        for (Protocol p : List.of(Protocol.MMST, Protocol.MMSH)) {
            try (Socket s = connect(p)) {
                s.getOutputStream().write(p == Protocol.MMST ? MMS : HTTP);
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
        }
        server.events().await(e -> e.what() == What.PROTOCOL_ERROR && e.protocol() == Protocol.MMSH, WAIT);
        assertThat(server.events().events(e -> e.what() == What.PROTOCOL_ERROR)).extracting(ConnectionEvent::detail)
                .anySatisfy(d -> assertThat(d).contains("boom"))
                .anySatisfy(d -> assertThat(d).contains("bad handler"));
        // Still serving.
        try (Socket s = connect(Protocol.MMSH)) {
            s.getOutputStream().write(HTTP);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aSeparateMmsuServerListensForDatagramsOnTheMmstPortNumber() throws Exception {
        // By default the MMST server owns the UDP funnel; given a server of its own, MMSU gets a socket here.
        start(Scenario.builder(), ServerOptions.defaults().withServer(Protocol.MMSU,
                (pipeline, context, connection) -> { }));
        assertThat(server.port(Protocol.MMSU)).isEqualTo(server.port(Protocol.MMST));
        try (DatagramSocket d = new DatagramSocket()) {
            byte[] b = new byte[] {1, 2, 3, 4};
            d.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), server.port(Protocol.MMSU)));
        }
        ConnectionEvent e = server.events().await(x -> x.what() == What.ACCEPTED, WAIT);
        assertThat(e.protocol()).isEqualTo(Protocol.MMSU);
        assertThat(e.detail()).contains("4 bytes");
    }

    @Test
    void urlsNameEveryListeningProtocol() {
        start(Scenario.builder());
        int mmst = server.port(Protocol.MMST);
        assertThat(server.url(Protocol.MMST, "/sample.asf")).isEqualTo("mmst://127.0.0.1:" + mmst + "/sample.asf");
        assertThat(server.url(Protocol.MMSU, "sample.asf")).isEqualTo("mmsu://127.0.0.1:" + mmst + "/sample.asf");
        assertThat(server.mmsUrl("sample.asf")).isEqualTo("mms://127.0.0.1:" + mmst + "/sample.asf");
        assertThat(server.urls()).containsExactly("mms://127.0.0.1:" + mmst + "/sample.asf",
                "mmst://127.0.0.1:" + mmst + "/sample.asf", "mmsu://127.0.0.1:" + mmst + "/sample.asf",
                "mmsh://127.0.0.1:" + server.port(Protocol.MMSH) + "/sample.asf");
        assertThat(server.port(Protocol.MMSH)).isNotEqualTo(mmst);
    }

    @Test
    void aPortInUseFailsTheStartAndBindsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> MockMmsServer.start(Scenario.builder().port(Protocol.MMSH, port).build()))
                    .isInstanceOf(ServerStartException.class).hasMessageContaining("MMSH")
                    .hasMessageContaining(":" + port);
        }
    }

    @Test
    void stopClosesListenersAndOpenConnections() throws Exception {
        start(only(Protocol.MMST, Behaviour.SILENT));
        int port = server.port(Protocol.MMST);
        try (Socket s = connect(Protocol.MMST)) {
            s.getOutputStream().write(MMS);
            server.events().await(e -> e.what() == What.REQUEST, WAIT);
            server.stop();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        server.stop();
    }

    String exchange(Protocol p, String request) throws IOException {
        try (Socket s = connect(p)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(readAll(s.getInputStream()), StandardCharsets.US_ASCII);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A stand-in protocol server that writes back every byte it reads. */
    static final class Echo extends ChannelInboundHandlerAdapter {
        static void install(io.netty.channel.ChannelPipeline p, ServerContext c, Connection conn) {
            p.addLast("echo", new Echo());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
        }
    }
}
