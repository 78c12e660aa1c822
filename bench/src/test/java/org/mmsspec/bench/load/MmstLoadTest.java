package org.mmsspec.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.reference.ReferenceServers;

/** The load generator plays every session whole, and reports a session the server refuses instead of hanging. */
class MmstLoadTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static ReferenceServers reference;
    private static MmstLoad load;

    @BeforeAll
    static void start() {
        reference = ReferenceServers.start();
        load = new MmstLoad(1);
    }

    @AfterAll
    static void stop() {
        load.close();
        reference.close();
    }

    private static InetSocketAddress at(MockMmsServer s) {
        return new InetSocketAddress(s.host(), s.port(Protocol.MMST));
    }

    @Test
    void everySessionPlaysTheFileWholeAsOftenAsAsked() throws InterruptedException {
        AsfFile sample = AsfFile.sample();
        LoadRun run = load.start(new LoadPlan(at(reference.main()), ReferenceServers.MEDIA, 20, 3,
                sample.packetCount(), Duration.ofSeconds(10)));
        List<SessionResult> results = run.await(LIMIT);
        int headerPackets = (sample.mmsHeaderSize() + sample.packetSize() - 1) / sample.packetSize();
        assertThat(results).hasSize(20).allSatisfy(r -> {
            assertThat(r.failure()).isNull();
            assertThat(r.plays()).isEqualTo(3);
            assertThat(r.dataPackets()).isEqualTo(headerPackets + 3L * sample.packetCount());
            assertThat(r.firstDataNanos()).isPositive();
        });
        assertThat(run.peakStreaming()).isBetween(1, 20);
        assertThat(run.streaming()).isZero();
    }

    @Test
    void aSessionTheServerRefusesFailsWithTheReason() throws InterruptedException {
        LoadRun run = load.start(new LoadPlan(at(reference.main()), "no-such-file.asf", 2, 1, 1,
                Duration.ofSeconds(10)));
        List<SessionResult> results = run.await(LIMIT);
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.failure()).contains("OPENED"));
        assertThat(LoadRun.failures(results, 3)).startsWith("2x in step OPENED");
    }

    @Test
    void heldSessionsPlayOnUntilStopped() throws InterruptedException {
        LoadRun run = load.start(new LoadPlan(at(reference.paced()), ReferenceServers.MEDIA, 3, 0,
                AsfFile.sample().packetCount(), Duration.ofSeconds(10)));
        assertThat(run.awaitStreaming(3, LIMIT)).isTrue();
        List<SessionResult> results = run.stop();
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.failure()).isNull());
    }
}
