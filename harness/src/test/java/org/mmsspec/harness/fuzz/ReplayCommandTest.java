package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.harness.Mmsspec;

import picocli.CommandLine;

class ReplayCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    final List<Reproducer> opened = new ArrayList<>();

    Run run(Function<Reproducer, SessionDriver> drivers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Mmsspec.commandLine(InputStream.nullInputStream());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ((ReplayCommand) cl.getSubcommands().get("replay").getCommand()).drivers(r -> {
            opened.add(r);
            return drivers.apply(r);
        });
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    Path saved() throws IOException {
        return ReproducerFile.save(dir, FakeDriver.found(Symptom.CRASH, ReplayTest.STEPS));
    }

    @Test
    void everyTimeIsExitZero() throws IOException {
        FakeDriver driver = new FakeDriver(s -> Optional.of(Symptom.CRASH));
        Run r = run(x -> driver, "replay", saved().toString(), "--times", "3");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("step 1 on connection 0, 2 bytes, WHOLE, then await NOTHING: Connect",
                "0000  01 02", "attempt 3 of 3: crash", "reproduced 3 of 3 times (symptom crash)");
        assertThat(driver.closed).isTrue();
        assertThat(opened.get(0).target()).isEqualTo(new Reproducer.Target("127.0.0.1:1755", null, null));
    }

    @Test
    void sometimesIsOneAndNeverIsFour() throws IOException {
        Path file = saved();
        Run some = run(x -> ReplayTest.flaky(), "replay", file.toString(), "--times", "4", "--quiet");
        assertThat(some.exit()).isEqualTo(ReplayCommand.SOMETIMES);
        assertThat(some.out()).doesNotContain("step 1").contains("attempt 2 of 4: hang (not crash)",
                "reproduced 2 of 4 times (symptom crash)");

        Run never = run(x -> new FakeDriver(s -> Optional.empty()), "replay", file.toString());
        assertThat(never.exit()).isEqualTo(ReplayCommand.NEVER);
        assertThat(never.out()).contains("attempt 1 of 1: nothing", "reproduced 0 of 1 times");
    }

    @Test
    void aBadFileIsTwo() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"transcript\":");
        Run r = run(x -> new FakeDriver(s -> Optional.empty()), "replay", junk.toString());
        assertThat(r.exit()).isEqualTo(ReplayCommand.UNUSABLE);
        assertThat(opened).isEmpty();

        Run missing = run(x -> new FakeDriver(s -> Optional.empty()), "replay", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(ReplayCommand.UNUSABLE);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void theOptionsChooseTheTarget() throws IOException {
        Path file = saved();
        Function<Reproducer, SessionDriver> fine = x -> new FakeDriver(s -> Optional.of(Symptom.CRASH));
        run(fine, "replay", file.toString(), "--target", "10.0.0.9:1755", "--quiet");
        run(fine, "replay", file.toString(), "--plant", "pong-before-ping", "--quiet");
        run(fine, "replay", file.toString(), "--target-cmd", "./server --port 1755", "--quiet");

        assertThat(opened).extracting(Reproducer::target).containsExactly(
                new Reproducer.Target("10.0.0.9:1755", null, null),
                new Reproducer.Target(null, null, List.of("pong-before-ping")),
                new Reproducer.Target("127.0.0.1:1755", "./server --port 1755", null));
        assertThat(run(fine, "replay", file.toString(), "--embedded", "--target", "x:1").exit())
                .isEqualTo(ReplayCommand.UNUSABLE);
    }

    @Test
    void withoutADriverItSaysSoAndExitsTwo() throws IOException {
        Run r = run(x -> {
            throw new IllegalStateException("not available yet");
        }, "replay", saved().toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(ReplayCommand.UNUSABLE);
        assertThat(r.err()).contains("cannot reach the target: not available yet");
    }
}
