package org.mmsspec.harness.fuzz.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mmsspec.cases.client.ReferenceClient;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Reproducer;
import org.mmsspec.harness.fuzz.SessionDriver;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Shard;
import org.mmsspec.harness.fuzz.Step;
import org.mmsspec.harness.fuzz.Symptom;

/** The client driver's oracles, determinism and replay, with the in-process reference client and tiny fake ones. */
class ClientDriverTest {

    static FuzzOptions options(int jobs, Duration timeout) {
        return new FuzzOptions(42, Duration.ofSeconds(10), Long.MAX_VALUE, Path.of("target", "fuzz-client-unit"),
                false, jobs, Shard.ALL, timeout, "sample.asf", false, false);
    }

    private static ClientDriver reference() {
        return reference(Scheme.MMST);
    }

    private static ClientDriver reference(Scheme scheme) {
        return new ClientDriver(new ReferenceClient(), "mmsspec reference client", scheme,
                options(1, Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"MMST", "MMSH"})
    void theSameSeedAndNumberMakeTheServerSendTheSameBytes(Scheme scheme) throws Exception {
        try (ClientDriver driver = reference(scheme)) {
            for (long n = 0; n < 6; n++) {
                ClientDriver.Session a = driver.session(n);
                ClientDriver.Session b = driver.session(n);
                if (scheme == Scheme.MMST) {
                    assertThat(b.steps()).as("session %d", n).isEqualTo(a.steps());
                } else {
                    // a FAST MMSH response goes on until the server sees the client gone, which timing decides: the
                    // bytes agree as far as both runs went
                    int common = Math.min(a.steps().size(), b.steps().size());
                    assertThat(b.steps().subList(0, common)).as("session %d", n)
                            .isEqualTo(a.steps().subList(0, common));
                }
                assertThat(a.steps()).as("session %d sends something", n).isNotEmpty();
            }
        }
    }

    @Test
    void sessionsSpreadOverTheStatesAndTheReferenceClientGetsToTheEnd() throws Exception {
        assertThat(java.util.stream.LongStream.range(0, 64)
                .mapToObj(n -> ClientAttack.draw(42, n, Scheme.MMST).state()).distinct())
                .containsExactlyInAnyOrderElementsOf(ClientAttack.MMST);
        try (ClientDriver driver = reference()) {
            FuzzState deepest = FuzzState.START;
            for (long n = 0; n < 8; n++) {
                FuzzState r = driver.run(n).reached();
                deepest = r.compareTo(deepest) > 0 ? r : deepest;
            }
            assertThat(deepest).isIn(FuzzState.STREAMING, FuzzState.END_OF_STREAM);
        }
    }

    @Test
    void aClientDeadBySegvIsASignalFindingThatReplays() throws Exception {
        try (ClientDriver d = new ClientDriver("sh -c 'kill -SEGV $$'", Scheme.MMST,
                options(1, Duration.ofSeconds(2)), Optional.empty())) {
            Reproducer r = d.run(0).finding().orElseThrow();
            assertThat(r.symptom()).isEqualTo(Symptom.SIGNAL);
            assertThat(r.detail()).contains("SIGSEGV");
            assertThat(r.role()).isEqualTo(Reproducer.Role.CLIENT);
            assertThat(r.target()).isEqualTo(new Reproducer.Target(null, "sh -c 'kill -SEGV $$'", null));
            assertThat(d.attempt(r.transport(), r.steps())).contains(Symptom.SIGNAL);
        }
    }

    @Test
    void aClientStillRunningPastTheTimeoutOnASilentServerHangs() throws Exception {
        try (ClientDriver d = new ClientDriver("sleep 60", Scheme.MMST, options(1, Duration.ofMillis(800)),
                Optional.empty())) {
            Reproducer r = d.run(3).finding().orElseThrow();
            assertThat(r.symptom()).isEqualTo(Symptom.HANG);
            assertThat(r.detail()).contains("SIGTERM");
        }
    }

    @Test
    void sanitizerOutputIsAFinding() throws Exception {
        String cmd = "sh -c 'echo \"==1==ERROR: AddressSanitizer: heap-buffer-overflow\" >&2; exit 1'";
        try (ClientDriver d = new ClientDriver(cmd, Scheme.MMSH, options(1, Duration.ofSeconds(2)),
                Optional.empty())) {
            Reproducer r = d.run(1).finding().orElseThrow();
            assertThat(r.symptom()).isEqualTo(Symptom.SANITIZER);
            assertThat(r.detail()).contains("AddressSanitizer: heap-buffer-overflow");
        }
    }

    @Test
    void aCleanExitIsNoFinding() throws Exception {
        try (ClientDriver d = new ClientDriver("true", Scheme.MMST, options(1, Duration.ofSeconds(2)),
                Optional.empty())) {
            assertThat(d.run(0).finding()).isEmpty();
        }
    }

    @Test
    void aReplaySendsTheRecordedBytesAndNothingForARemovedStep() throws Exception {
        ClientAttack attack = new ClientAttack(FuzzState.READ_BLOCK, 1,
                List.of(new Damage(Damage.Kind.ONE_BYTE, 0, 1), new Damage(Damage.Kind.SLOW, 1, 2)));
        try (Lane lane = new Lane("sample.asf")) {
            LiveSession live = new LiveSession(7, attack);
            lane.play(live, new ReferenceClient(), Scheme.MMST, Duration.ofSeconds(2));
            List<Step> recorded = live.sent();
            assertThat(recorded).anyMatch(s -> s.segmenting() == Step.Segmenting.ONE_BYTE)
                    .anyMatch(s -> s.segmenting() == Step.Segmenting.SLOW);

            ReplaySession replay = new ReplaySession(0, recorded);
            lane.play(replay, new ReferenceClient(), Scheme.MMST, Duration.ofSeconds(2));
            assertThat(replay.sent()).extracting(ClientDriverTest::wire)
                    .isEqualTo(recorded.stream().map(ClientDriverTest::wire).toList());

            // without the last reply, the client gets everything else and not that one
            List<Step> fewer = recorded.subList(0, recorded.size() - 1);
            ReplaySession cut = new ReplaySession(0, fewer);
            lane.play(cut, new ReferenceClient(), Scheme.MMST, Duration.ofSeconds(2));
            assertThat(cut.sent()).extracting(ClientDriverTest::wire)
                    .isEqualTo(fewer.stream().map(ClientDriverTest::wire).toList());
        }
    }

    /** A step as it went onto the wire: the note differs (the replay does not know the damage's name). */
    private static String wire(Step s) {
        return s.connection() + " " + s.segmenting() + " " + java.util.HexFormat.of().formatHex(s.bytes()) + " "
                + s.note().split(" ")[0];
    }

    @Test
    void aRecordedFindingReplaysThroughAnotherDriver() throws Exception {
        // what mmsspec replay does: a driver from the reproducer's target alone
        try (SessionDriver d = ClientDriver.open(new Reproducer.Target(null, "sh -c 'kill -ABRT $$'", null),
                options(1, Duration.ofSeconds(2)))) {
            assertThat(d.attempt(SessionPlan.Transport.MMSH, List.of())).contains(Symptom.SIGNAL);
            assertThat(d.lanes()).isEqualTo(1);
        }
    }
}
