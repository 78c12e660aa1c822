package org.mmsspec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.PlantedBug;
import org.mmsspec.server.scenario.Scenario;

/** Each planted bug goes off on its input and on no near miss; a crash kills the whole server, a wedge hangs it. */
@Timeout(60)
class PlantedBugTest {

    static final Duration QUIET = Duration.ofMillis(700);

    MockMmsServer server;

    MockMmsServer start(Scenario.Builder b) {
        server = MockMmsServer.start(b.pacing(Pacing.FAST).build());
        return server;
    }

    MockMmsServer start(PlantedBug... bugs) {
        return start(Scenario.builder().plant(bugs));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    int mmst() {
        return server.port(Protocol.MMST);
    }

    RawMmst connected() throws IOException {
        RawMmst c = new RawMmst(mmst());
        c.send(LinkViewerToMacConnect.of(RawMmst.PLAYER));
        assertThat(c.readName()).isEqualTo("LinkMacToViewerReportConnectedEX");
        return c;
    }

    /** The liveness probe: a fresh session gets its ReportConnectedEX. */
    void assertAlive() throws IOException {
        try (RawMmst probe = connected()) {
            assertThat(server.struck()).isEmpty();
            assertThat(server.isDead()).isFalse();
        }
    }

    void assertDeadOf(PlantedBug bug) throws Exception {
        assertThat(server.death().get(10, TimeUnit.SECONDS)).isEqualTo(bug);
        assertThat(server.isDead()).isTrue();
        assertThat(server.struck()).contains(bug);
        for (Protocol p : new Protocol[] {Protocol.MMST, Protocol.MMSH}) {
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", server.port(p)), 2000))
                    .as(p + " is refused").isInstanceOf(ConnectException.class);
        }
        assertThat(server.events().events(e -> e.what() == What.PLANTED_BUG))
                .singleElement().satisfies(e -> assertThat(e.detail()).startsWith(bug.label() + ": crash"));
    }

    /** Reads until the server's close: EOF, or a reset. */
    static void assertClosed(RawMmst c) {
        try {
            while (c.readByte() >= 0) {
                // what was on the way before the crash
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open", e);
        } catch (IOException reset) {
            // a reset is a close too
        }
    }

    @Test
    void unterminatedSubscriberNameCrashesTheServerAndDropsEveryConnection() throws Exception {
        start(PlantedBug.UNTERMINATED_SUBSCRIBER_NAME);
        try (RawMmst bystander = connected(); RawMmst c = new RawMmst(mmst())) {
            c.send(RawMmst.unterminatedConnect());
            assertDeadOf(PlantedBug.UNTERMINATED_SUBSCRIBER_NAME);
            assertClosed(c);
            assertClosed(bystander);
        }
        assertThat(server.openConnections()).isZero();
    }

    @Test
    void aTerminatedSubscriberNameIsServed() throws IOException {
        start(PlantedBug.values());
        connected().close();
        assertAlive();
    }

    @Test
    void theUnmutatedReferenceRefusesAnUnterminatedSubscriberNameAndStaysUp() throws Exception {
        start(Scenario.builder());
        try (RawMmst c = new RawMmst(mmst())) {
            c.send(RawMmst.unterminatedConnect());
            assertClosed(c);
        }
        assertAlive();
        assertThat(server.unhandledExceptions()).isZero();
    }

    @Test
    void readBlockLengthZeroWedgesTheServer() throws Exception {
        start(PlantedBug.READ_BLOCK_LENGTH_ZERO);
        try (RawMmst bystander = connected(); RawMmst c = connected()) {
            c.send(readBlock(0));
            assertThat(server.events().await(e -> e.what() == What.PLANTED_BUG, Duration.ofSeconds(10)).detail())
                    .isEqualTo("read-block-length-zero: wedge");
            assertThat(server.isWedged()).isTrue();
            assertThat(server.isDead()).isFalse();
            bystander.readTimeout(QUIET).send(LinkViewerToMacConnect.of(RawMmst.PLAYER));
            assertThatThrownBy(bystander::read).isInstanceOf(SocketTimeoutException.class);
            try (RawMmst fresh = new RawMmst(mmst(), QUIET)) { // connect still works
                fresh.send(LinkViewerToMacConnect.of(RawMmst.PLAYER));
                assertThatThrownBy(fresh::read).isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Test
    void readBlockLengthOneIsNoWedge() throws IOException {
        start(PlantedBug.values());
        try (RawMmst c = connected()) {
            c.send(readBlock(1));
        }
        assertAlive();
        assertThat(server.isWedged()).isFalse();
    }

    @Test
    void pongBeforeAnyPingCrashesTheServer() throws Exception {
        start(PlantedBug.PONG_BEFORE_PING);
        try (RawMmst c = connected()) {
            c.send(LinkViewerToMacPong.of());
            assertDeadOf(PlantedBug.PONG_BEFORE_PING);
            assertClosed(c);
        }
    }

    @Test
    void pongAfterAPingIsServed() throws IOException {
        // a KeepAlive far below the spec's 10 s minimum, so that the Ping comes at once
        start(Scenario.builder().plant(PlantedBug.values()).pingInterval(Duration.ofMillis(100)));
        try (RawMmst c = connected()) {
            assertThat(c.readName()).isEqualTo("LinkMacToViewerPing");
            c.send(LinkViewerToMacPong.of());
            assertAlive();
        }
    }

    @Test
    void eachBugGoesOffOnlyWherePlanted() throws IOException {
        start(PlantedBug.UNTERMINATED_SUBSCRIBER_NAME);
        try (RawMmst c = connected()) {
            c.send(readBlock(0)).send(LinkViewerToMacPong.of());
        }
        assertAlive();
        assertThat(server.struck()).isEmpty();
    }

    @Test
    void theReferenceTakesPlantedBugsIntoEveryOneOfItsServers() {
        try (ReferenceServers ref = ReferenceServers.start(b -> b.plant(PlantedBug.PONG_BEFORE_PING))) {
            for (MockMmsServer s : List.of(ref.main(), ref.auth(), ref.redirect(), ref.idle(), ref.paced())) {
                assertThat(s.scenario().planted()).containsExactly(PlantedBug.PONG_BEFORE_PING);
            }
        }
        assertThat(Scenario.builder().build().planted()).isEmpty();
    }

    static LinkViewerToMacReadBlock readBlock(long length) {
        LinkViewerToMacReadBlock r = LinkViewerToMacReadBlock.of(1, 1);
        return new LinkViewerToMacReadBlock(r.openFileId(), r.fileBlockId(), r.offset(), length, r.flags(),
                r.padding(), r.tEarliest(), r.tDeadline(), r.playIncarnation(), r.playSequence());
    }
}
