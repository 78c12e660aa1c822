package org.mmsspec.server.mmsh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.VerificationException;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.peers.PeerClient;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** WireMock beside MMSH on one listener: stubs answer what MMSH does not serve, and its journal sees every request. */
class MmshWireMockTest {

    static final String PLAYER = "NSPlayer/7.0.0.1956";
    static MockMmsServer mms;

    @BeforeAll
    static void start() {
        mms = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).media(AsfFile.sample()).build(),
                ServerOptions.defaults().withWireMock());
    }

    @AfterAll
    static void stop() {
        mms.stop();
    }

    @BeforeEach
    void reset() {
        mms.wireMock().resetAll();
    }

    /** One raw HTTP/1.0 request on the MMSH port, read until the server closes. */
    static MmshLoopback.Response send(int port, String method, String path, String... headerLines)
            throws IOException {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n");
        for (String h : headerLines) {
            req.append(h).append("\r\n");
        }
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            return MmshLoopback.parse(s.getInputStream().readAllBytes());
        }
    }

    static MmshLoopback.Response send(String method, String path, String... headerLines) throws IOException {
        return send(mms.port(Protocol.MMSH), method, path, headerLines);
    }

    @Test
    void aStubbedPlaylistIsServedWhileTheMediaPathStillStreamsMmsh() throws Exception {
        String asx = "<ASX version=\"3.0\"><Entry><Ref href=\"" + mms.mmsUrl("sample.asf") + "\"/></Entry></ASX>";
        mms.wireMock().stubFor(get("/playlist.asx").willReturn(ok(asx).withHeader("Content-Type", "video/x-ms-asf")));

        MmshLoopback.Response playlist = send("GET", "/playlist.asx", "User-Agent: Mozilla/5.0");
        assertThat(playlist.status()).isEqualTo(200);
        assertThat(playlist.header("Content-Type")).isEqualTo("video/x-ms-asf");
        assertThat(new String(playlist.body(), StandardCharsets.UTF_8)).isEqualTo(asx);

        List<MmshPacket> play = send("GET", "/sample.asf", "User-Agent: " + PLAYER, "Pragma: xPlayStrm=1",
                "Pragma: stream-switch-entry=ffff:1:0 ffff:2:0 ").packets();
        assertThat(play).first().isInstanceOf(MmshHeader.class);
        assertThat(play).filteredOn(p -> p instanceof MmshData).hasSize(AsfFile.sample().packetCount());
        assertThat(mms.events().events(e -> e.what() == ConnectionEvent.What.CLOSED_BY_SERVER))
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("200 relayed from WireMock"));
    }

    @Test
    void anUnstubbedUnknownPathIs404AndJournaledAsUnmatched() throws Exception {
        assertThat(send("GET", "/nothing-here", "User-Agent: " + PLAYER).status()).isEqualTo(404);
        assertThat(mms.wireMock().findAllUnmatchedRequests()).extracting(LoggedRequest::getUrl)
                .containsExactly("/nothing-here");
    }

    @Test
    void aStubForAMediaPathComesBeforeMmsh() throws Exception {
        mms.wireMock().stubFor(get("/sample.asf").willReturn(serviceUnavailable()));
        assertThat(send("GET", "/sample.asf", "User-Agent: " + PLAYER).status()).isEqualTo(503);
        mms.wireMock().resetAll();
        assertThat(send("GET", "/sample.asf", "User-Agent: " + PLAYER).packets()).first()
                .isInstanceOf(MmshHeader.class);
    }

    @Test
    void aStubInAWireMockScenarioCountsOnlyInItsState() throws Exception {
        mms.wireMock().stubFor(get("/sample.asf").inScenario("outage").whenScenarioStateIs("down")
                .willReturn(serviceUnavailable()));
        assertThat(send("GET", "/sample.asf", "User-Agent: " + PLAYER).status()).isEqualTo(200);
        mms.wireMock().setScenarioState("outage", "down");
        assertThat(send("GET", "/sample.asf", "User-Agent: " + PLAYER).status()).isEqualTo(503);
    }

    @Test
    void sessionRequestsOnAnyPathStayWithMmsh() throws Exception {
        MmshLoopback.Response r = send("POST", "/elsewhere", "User-Agent: " + PLAYER,
                "Pragma: xKeepAliveInPause=1,client-id=12345", "Content-Length: 0");
        assertThat(r.status()).isEqualTo(400); // MMSH's answer to an unknown client-id; WireMock would say 404
        assertThat(mms.wireMock().findAllUnmatchedRequests()).extracting(LoggedRequest::getUrl)
                .containsExactly("/elsewhere");
    }

    @Test
    void aStubbedRedirectIsRelayedWithItsLocation() throws Exception {
        mms.wireMock().stubFor(get("/old.asf").willReturn(temporaryRedirect(mms.url(Protocol.MMSH, "sample.asf"))));
        MmshLoopback.Response r = send("GET", "/old.asf", "User-Agent: " + PLAYER);
        assertThat(r.status()).isEqualTo(302); // WireMock's temporaryRedirect is a 302
        assertThat(r.header("Location")).isEqualTo(mms.url(Protocol.MMSH, "sample.asf"));
    }

    @Test
    void describeAndPlayThatMmshAnsweredCanBeVerified() throws Exception {
        int relayed = mms.events().events(e -> e.detail().contains("relayed from WireMock")).size();
        send("GET", "/sample.asf", "User-Agent: " + PLAYER, "Pragma: no-cache,rate=1.000000,stream-time=0");
        send("GET", "/sample.asf", "User-Agent: " + PLAYER, "Pragma: no-cache,xPlayStrm=1",
                "Pragma: stream-switch-entry=ffff:1:0 ffff:2:0 ");
        WireMockServer wm = mms.wireMock();

        // [wiremock-verify]
        wm.verify(2, getRequestedFor(urlEqualTo("/sample.asf")).withHeader("User-Agent", containing("NSPlayer/7.0")));
        wm.verify(1, getRequestedFor(urlEqualTo("/sample.asf")).withHeader("Pragma", containing("xPlayStrm=1")));
        // [wiremock-verify]
        wm.verify(1, getRequestedFor(urlEqualTo("/sample.asf")).withHeader("Pragma", containing("stream-time=0")));
        assertThatThrownBy(() -> wm.verify(getRequestedFor(urlEqualTo("/sample.asf"))
                .withHeader("Pragma", containing("xPlayNextEntry=1")))).isInstanceOf(VerificationException.class);
        // MMSH answered both: no stub did, and nothing went to WireMock to be served.
        assertThat(wm.getAllServeEvents()).hasSize(2).noneMatch(e -> e.getStubMapping() != null);
        assertThat(mms.events().events(e -> e.detail().contains("relayed from WireMock"))).hasSize(relayed);
    }

    @Test
    void whatFfmpegSentIsInTheJournal(@TempDir Path dir) throws Exception {
        // skips where ffmpeg is missing, and fails unless ffmpeg read the stream to its end
        PeerClient.framemd5Packets(dir, mms.url(Protocol.MMSH, "sample.asf"));
        mms.wireMock().verify(getRequestedFor(urlEqualTo("/sample.asf"))
                .withHeader("User-Agent", containing("NSPlayer/4.1.0.3856"))
                .withHeader("Pragma", containing("xPlayStrm=1")));
        assertThat(mms.wireMock().findAll(anyRequestedFor(urlEqualTo("/sample.asf")))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aStubSlowerThanTheRelayTimeoutGets504() throws Exception {
        try (MockMmsServer slow = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build(),
                ServerOptions.defaults().withWireMock(Duration.ofMillis(300)))) {
            slow.wireMock().stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
            long t0 = System.nanoTime();
            assertThat(send(slow.port(Protocol.MMSH), "GET", "/slow", "User-Agent: Mozilla/5.0").status())
                    .isEqualTo(504);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void withoutWireMockTheServerSaysSo() {
        try (MockMmsServer plain = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            assertThatThrownBy(plain::wireMock).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("withWireMock");
        }
    }
}
