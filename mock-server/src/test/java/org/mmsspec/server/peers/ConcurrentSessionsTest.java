package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * Many MMST sessions at once on one server get every packet, each the same bytes as a session alone. Correctness only:
 * the thousand-session figure is a benchmark, not a test.
 */
@Tag("peers")
class ConcurrentSessionsTest {

    /** 200 in every build; {@code -Dmmsspec.sessions=1000} checks the thousand issue 3 asks for (3.4 s here). */
    static final int SESSIONS = Integer.getInteger("mmsspec.sessions", 200);
    static final AsfFile SAMPLE = AsfFile.sample();

    @Test
    @Timeout(60)
    void twoHundredConcurrentSessionsEachGetEveryPacket() throws Exception {
        List<Integer> streams = SAMPLE.streams().stream().map(AsfFile.Stream::number).toList();
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            int port = s.server.port(Protocol.MMST);
            ScriptedMmstClient.Played alone = ScriptedMmstClient.play("127.0.0.1", port, "sample.asf", streams);
            assertThat(alone.header()).isEqualTo(SAMPLE.mmsHeader());
            assertThat(alone.data()).extracting(DataPacket::LocationId)
                    .containsExactlyElementsOf(LongStream.range(0, SAMPLE.packetCount()).boxed().toList());

            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ScriptedMmstClient.Played>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < SESSIONS; i++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        return ScriptedMmstClient.play("127.0.0.1", port, "sample.asf", streams);
                    }));
                }
                go.countDown();
                for (Future<ScriptedMmstClient.Played> f : futures) {
                    ScriptedMmstClient.Played p = f.get(45, TimeUnit.SECONDS);
                    assertThat(p.endHr()).isZero();
                    assertThat(p.header()).isEqualTo(alone.header());
                    assertThat(p.data()).isEqualTo(alone.data()); // records of Bytes: compared by content
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(s.events().events(e -> e.what() == What.STREAMING)).hasSize(SESSIONS + 1);
            assertThat(s.mmstSessionsThatSentAll(SAMPLE)).isEqualTo(SESSIONS + 1);
            assertThat(s.events().await(e -> e.what() == What.PROTOCOL_ERROR, Duration.ofMillis(1))).isNull();
        }
    }
}
