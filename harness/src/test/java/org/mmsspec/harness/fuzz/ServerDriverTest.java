package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.harness.fuzz.plan.SessionGenerator;

class ServerDriverTest {

    static final long SEED = 42;

    @TempDir
    Path dir;

    static FuzzOptions options(Path out, long max, int jobs, Duration timeout) {
        return new FuzzOptions(SEED, Duration.ofMinutes(5), max, out, false, jobs, Shard.ALL, timeout, "sample.asf",
                true, false);
    }

    static Campaign.Result campaign(FuzzOptions o, SessionDriver d) throws Exception {
        try (d) {
            return new Campaign(o, d, new PrintWriter(new StringWriter())).run();
        }
    }

    /**
     * The attack of the first session from n on that a raw stand-in sees whole and no valid session sends: an MMST
     * plan whose last step is one write of at least 8 damaged bytes. The stand-in's bug fires on those bytes.
     */
    static byte[] attackOf(long n) {
        SessionGenerator g = new SessionGenerator(SEED, "sample.asf");
        for (long k = n; ; k++) {
            SessionPlan p = g.plan(k);
            Step last = p.steps().get(p.steps().size() - 1);
            if (p.transport() == SessionPlan.Transport.MMST && last.segmenting() == Step.Segmenting.WHOLE
                    && last.length() >= 8 && p.attack().matches("(field|extreme|bytes): .*")) {
                return last.bytes();
            }
        }
    }

    /** The sessions below {@code max} whose plan carries {@code magic}: where a finding may rightly point. */
    static List<Long> carriers(byte[] magic, long max) {
        SessionGenerator g = new SessionGenerator(SEED, "sample.asf");
        return LongStream.range(0, max).filter(n -> g.plan(n).steps().stream()
                .anyMatch(s -> StandIn.contains(s.bytes(), magic))).boxed().toList();
    }

    @Test
    void theUnmutatedReferenceSurvivesThousandsOfSessionsWithoutAFalseFinding() throws Exception {
        Campaign.Result r = campaign(options(dir, 3000, 2, Duration.ofSeconds(2)),
                ServerDriver.embedded(List.of(), options(dir, 3000, 2, Duration.ofSeconds(2))));

        assertThat(r.failure()).isNull();
        assertThat(r.sessions()).isEqualTo(3000);
        assertThat(r.findings()).isZero();
        assertThat(r.repeats()).isZero();
        assertThat(r.states().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3000);
        // the plans attack at every depth up to OpenFile, so the replies must show these states
        assertThat(r.states()).containsKeys(FuzzState.START, FuzzState.CONNECTED, FuzzState.OPENED);
    }

    @Test
    void aServerThatStopsListeningIsACrashFoundWithTheGuiltySession() throws Exception {
        byte[] magic = attackOf(23);
        StandIn server = new StandIn(magic, StandIn.Mode.CRASH, 0);
        FuzzOptions o = options(dir, 60, 2, Duration.ofSeconds(2));
        Campaign.Result r = campaign(o, new ServerDriver(server, o));

        assertThat(r.saved()).as("%d sessions, failure %s, unconfirmed %s", r.sessions(), r.failure(),
                ReproducerFile.list(dir.resolve(Campaign.UNCONFIRMED))).hasSize(1);
        Reproducer f = ReproducerFile.read(r.saved().get(0).file());
        assertThat(f.symptom()).isEqualTo(Symptom.CRASH);
        assertThat(carriers(magic, 60)).contains(f.session());
        assertThat(f.steps()).anyMatch(s -> StandIn.contains(s.bytes(), magic));
        assertThat(f.minimised()).isTrue();
        assertThat(f.steps().size()).isLessThanOrEqualTo(
                new SessionGenerator(SEED, "sample.asf").plan(f.session()).steps().size());
        assertThat(f.detail()).contains("liveness probe");
    }

    @Test
    void aServerThatStopsAnsweringIsAHang() throws Exception {
        byte[] magic = attackOf(11);
        StandIn server = new StandIn(magic, StandIn.Mode.HANG, 0);
        FuzzOptions o = options(dir, 30, 2, Duration.ofSeconds(1));
        Campaign.Result r = campaign(o, new ServerDriver(server, o));

        assertThat(r.saved()).hasSize(1);
        Reproducer f = ReproducerFile.read(r.saved().get(0).file());
        assertThat(f.symptom()).isEqualTo(Symptom.HANG);
        assertThat(carriers(magic, 30)).contains(f.session());
    }

    @Test
    void aTargetCommandThatExitsIsAnExitAndOneThatDiesBySignalIsASignal() throws Exception {
        assertThat(processFinding("exit $code")).isEqualTo(Symptom.EXIT);
        assertThat(processFinding("[ $code = 3 ] && kill -SEGV $$; exit $code")).isEqualTo(Symptom.SIGNAL);
    }

    /** Runs a campaign against a stand-in started by a shell script that ends with {@code then}. */
    private Symptom processFinding(String then) throws Exception {
        byte[] magic = attackOf(23);
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path script = Files.createTempFile(dir, "target", ".sh");
        Files.writeString(script, "#!/bin/sh\n'" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("java.class.path") + "' " + StandIn.class.getName() + " " + port
                + " EXIT " + HexFormat.of().formatHex(magic) + "\ncode=$?\n" + then + "\n");
        Path out = Files.createTempDirectory(dir, "out");
        FuzzOptions o = options(out, 60, 1, Duration.ofSeconds(2));
        Campaign.Result r = campaign(o, ServerDriver.command("sh " + script, "127.0.0.1:" + port, o));

        assertThat(r.saved()).as("campaign failure: %s", r.failure()).hasSize(1);
        Reproducer f = ReproducerFile.read(r.saved().get(0).file());
        assertThat(carriers(magic, 60)).contains(f.session());
        assertThat(f.target().command()).isEqualTo("sh " + script);
        return f.symptom();
    }
}
