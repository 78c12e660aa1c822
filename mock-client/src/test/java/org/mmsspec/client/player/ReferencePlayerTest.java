package org.mmsspec.client.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The reference player against the mock server: every scheme to the end, and what the server may do on the way. */
@Timeout(60)
class ReferencePlayerTest {

    /** Plays {@code scheme}://…/sample.asf from a fresh server whose protocols share one port, as in client cases. */
    private static Played play(String scheme, UnaryOperator<Scenario.Builder> scenario,
            UnaryOperator<PlayerConfig> config) {
        int port = freePort();
        Scenario s = scenario.apply(Scenario.builder().pacing(Pacing.FAST).port(Protocol.MMST, port)
                .port(Protocol.MMSH, port).port(Protocol.RTSP, port)).build();
        try (MockMmsServer server = MockMmsServer.start(s)) {
            PlayerConfig c = config.apply(PlayerConfig.of(scheme + "://127.0.0.1:" + port + "/sample.asf")
                    .withTimeout(Duration.ofSeconds(3)));
            PlayResult r = new ReferencePlayer(c).play();
            if (r.ok()) {
                awaitQuiet(server); // the server may log the end a moment after the player is done
            }
            return new Played(r, server.events().events());
        }
    }

    private static Played play(String scheme) {
        return play(scheme, b -> b, c -> c);
    }

    record Played(PlayResult result, List<ConnectionEvent> events) {
        long count(ConnectionEvent.What what) {
            return events.stream().filter(e -> e.what() == what).count();
        }

        List<Protocol> requestOrder() {
            return events.stream().filter(e -> e.what() == ConnectionEvent.What.REQUEST)
                    .map(ConnectionEvent::protocol).toList();
        }
    }

    /** Until the server has seen the close: the player's last bytes may still be on their way. */
    private static void awaitQuiet(MockMmsServer server) {
        try {
            server.events().await(e -> e.what() == ConnectionEvent.What.END_OF_STREAM, Duration.ofSeconds(3));
            server.events().await(e -> e.what().name().startsWith("CLOSED"), Duration.ofSeconds(3));
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertPlayedToTheEnd(Played p) {
        assertThat(p.result().exitCode()).as("%s", p.result()).isZero();
        assertThat(p.count(ConnectionEvent.What.END_OF_STREAM)).as("%s", p.events()).isPositive();
    }

    @Test
    void playsSampleOverMmstToTheEnd() {
        Played p = play("mmst");
        assertPlayedToTheEnd(p);
        assertThat(p.result().log()).anyMatch(l -> l.startsWith("end of stream after"));
    }

    @Test
    void everythingTheConformantPlayerSendsDecodesWithoutAViolation() {
        for (String scheme : List.of("mmst", "mmsu")) {
            int port = freePort();
            org.mmsspec.server.mmsp.MmstServer mmst = new org.mmsspec.server.mmsp.MmstServer();
            Scenario s = Scenario.builder().pacing(Pacing.FAST).port(Protocol.MMST, port)
                    .media("sample.asf", AsfFile.sample(), AsfFile.sample()).openFileId(7).build();
            try (MockMmsServer server = MockMmsServer.start(s,
                    org.mmsspec.server.ServerOptions.defaults().withServer(Protocol.MMST, mmst))) {
                PlayResult r = new ReferencePlayer(PlayerConfig.of(scheme + "://127.0.0.1:" + port + "/sample.asf"))
                        .play();
                assertThat(r.exitCode()).as("%s", r).isZero();
                awaitQuiet(server);
                var entries = mmst.transcripts().stream().flatMap(t -> t.entries().stream()).toList();
                assertThat(entries).as(scheme).isNotEmpty();
                assertThat(entries.stream().flatMap(e -> e.violations().stream()).toList()).as(scheme).isEmpty();
                List<String> names = mmst.transcripts().get(0).messageNames();
                assertThat(names).as(scheme).startsWith("LinkViewerToMacConnect", "LinkViewerToMacFunnelInfo",
                        "LinkViewerToMacConnectFunnel", "LinkViewerToMacOpenFile", "LinkViewerToMacReadBlock",
                        "LinkViewerToMacStreamSwitch", "LinkViewerToMacStartPlaying");
                assertThat(names).as(scheme).endsWith("LinkViewerToMacCloseFile");
                assertThat(mmst.transcripts().get(0).entries().stream().filter(e -> e.header() != null)
                        .map(e -> e.header().seq()).toList()).as("seq from 0, +1 per packet")
                        .isEqualTo(java.util.stream.IntStream.range(0, names.size()).boxed().toList());
            }
        }
    }

    @Test
    void playsSampleOverMmsuToTheEnd() {
        Played p = play("mmsu");
        assertPlayedToTheEnd(p);
        assertThat(p.result().log()).anyMatch(l -> l.startsWith("funnel: UDP port"));
    }

    @Test
    void playsSampleOverMmshToTheEnd() {
        assertPlayedToTheEnd(play("mmsh"));
    }

    @Test
    void mmshWithTheBurstBitAndWithoutChunking() {
        assertPlayedToTheEnd(play("mmsh", b -> b.mmshBurstBit(true).mmshChunked(false), c -> c));
        assertThat(play("mmsh", b -> b.mmshBurstBit(true), c -> c.withFaults(PlayerFault.REJECTS_B_BIT))
                .result().exitCode()).isEqualTo(1);
    }

    @Test
    void followsARedirect() {
        int target = freePort();
        Scenario other = Scenario.builder().pacing(Pacing.FAST).port(Protocol.MMST, target).build();
        try (MockMmsServer to = MockMmsServer.start(other)) {
            Played p = play("mmst", b -> b.redirect("mmst://127.0.0.1:" + target + "/sample.asf"), c -> c);
            assertThat(p.result().exitCode()).as("%s", p.result()).isZero();
            assertThat(to.events().events(e -> e.what() == ConnectionEvent.What.END_OF_STREAM)).isNotEmpty();
        }
    }

    @Test
    void answersBasicWithTheCredentialsAndStopsWithoutThem() {
        assertPlayedToTheEnd(play("mmst", b -> b.credentials("user", "secret"),
                c -> c.withCredentials("user", "secret")));
        Played none = play("mms", b -> b.credentials("user", "secret"), c -> c);
        assertThat(none.result().exitCode()).isEqualTo(1);
        assertThat(none.requestOrder()).as("no rollover after an authentication failure")
                .doesNotContain(Protocol.MMSH);
    }

    @Test
    void playsAPlaylistAcrossTheStreamChange() {
        AsfFile a = AsfFile.sample();
        Played p = play("mmst", b -> b.media("sample.asf", a, a), c -> c);
        assertPlayedToTheEnd(p);
        assertThat(p.result().log()).anyMatch(l -> l.startsWith("stream change"));
        assertPlayedToTheEnd(play("mmsu", b -> b.media("sample.asf", a, a), c -> c));
        assertPlayedToTheEnd(play("mmsh", b -> b.media("sample.asf", a, a), c -> c));
    }

    @Test
    void takesOneByteSegmentsCombinedRepliesAndTheHeaderEndFlag0x08() {
        Faults f = new Faults(java.util.Map.of(), java.util.Set.of(), List.of(), true, true, null, null, 0x08);
        assertPlayedToTheEnd(play("mmst", b -> b.faults(f), c -> c));
        assertThat(play("mmst", b -> b.faults(f), c -> c.withFaults(PlayerFault.REJECTS_HEADER_END_08))
                .result().exitCode()).isEqualTo(1);
        assertThat(play("mmst", b -> b.faults(f), c -> c.withFaults(PlayerFault.BREAKS_ON_SEGMENTS))
                .result().exitCode()).isEqualTo(1);
    }

    @Test
    void answersPingWithPong() {
        Played p = play("mmst", b -> b.pingInterval(Duration.ofMillis(50)).pacing(Pacing.REALTIME), c -> c);
        assertThat(p.result().exitCode()).as("%s", p.result()).isZero();
        assertThat(p.result().log()).anyMatch(l -> l.matches("end of stream after .*, [1-9]\\d* Pings answered"));
    }

    @Test
    void rollsOverMmsuMmstMmshOnTheUrlsPort() {
        Played p = play("mms", b -> b.behaviour(Protocol.MMST, Behaviour.ACCEPT_AND_CLOSE), c -> c);
        assertThat(p.result().exitCode()).as("%s", p.result()).isZero();
        assertThat(p.result().log()).filteredOn(l -> l.startsWith("trying"))
                .extracting(l -> l.split(" ")[1]).containsExactly("MMSU", "MMST", "MMSH");
        Played faulty = play("mms", b -> b.behaviour(Protocol.MMST, Behaviour.ACCEPT_AND_CLOSE),
                c -> c.withFaults(PlayerFault.MMST_BEFORE_MMSU));
        assertThat(faulty.result().log()).filteredOn(l -> l.startsWith("trying"))
                .extracting(l -> l.split(" ")[1]).containsExactly("MMST", "MMSU", "MMSH");
    }

    @Test
    void aProtocolSpecificSchemeDoesNotRollOver() {
        Played p = play("mmst", b -> b.behaviour(Protocol.MMST, Behaviour.ACCEPT_AND_CLOSE), c -> c);
        assertThat(p.result().exitCode()).isEqualTo(1);
        assertThat(p.requestOrder()).doesNotContain(Protocol.MMSH);
    }

    @Test
    void retriesOverTcpWhereTheUdpFunnelIsRefused() {
        Played p = play("mmsu", b -> b.behaviour(Protocol.MMSU, Behaviour.ERROR), c -> c);
        assertPlayedToTheEnd(p);
        assertThat(p.result().log()).anyMatch(l -> l.contains("retrying over TCP"));
    }

    @Test
    void anHrErrorIsACleanStopOrUnderTheFaultACrash() {
        Played p = play("mmst", b -> b.media("other.asf", AsfFile.sample()), c -> c);
        assertThat(p.result().exitCode()).isEqualTo(1);
        assertThat(p.result().signal()).isNull();
        Played crash = play("mmst", b -> b.media("other.asf", AsfFile.sample()),
                c -> c.withFaults(PlayerFault.CRASHES_ON_HR_ERROR));
        assertThat(crash.result().signal()).isEqualTo("SIGSEGV");
    }

    @Test
    void aServerThatIsNoCougarIsAnError() {
        Played p = play("mmsh", b -> b.behaviour(Protocol.MMSH, Behaviour.ERROR), c -> c);
        assertThat(p.result().exitCode()).isEqualTo(1);
    }

    @Test
    void stopEndsAPlayPromptly() throws Exception {
        int port = freePort();
        Scenario s = Scenario.builder().pacing(Pacing.FAST).port(Protocol.MMST, port)
                .behaviour(Protocol.MMST, Behaviour.SILENT).build();
        try (MockMmsServer server = MockMmsServer.start(s)) {
            ReferencePlayer player = new ReferencePlayer(PlayerConfig.of("mmst://127.0.0.1:" + port + "/sample.asf")
                    .withTimeout(Duration.ofSeconds(30)));
            CompletableFuture<PlayResult> r = CompletableFuture.supplyAsync(player::play);
            Thread.sleep(300);
            long t = System.nanoTime();
            player.stop();
            PlayResult result = r.get(5, TimeUnit.SECONDS);
            assertThat(result.signal()).isEqualTo("SIGTERM");
            assertThat(System.nanoTime() - t).isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
    }
}
