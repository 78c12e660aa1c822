package org.mmsspec.harness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.cases.client.ClientExit;
import org.mmsspec.cases.client.ClientUrl;
import org.mmsspec.cases.client.RunningClient;
import org.mmsspec.cases.client.Scheme;

/** Clients as shell scripts: how they end, what the launcher says about it, and that nothing they start outlives them. */
class CommandLauncherTest {

    private static final ClientUrl URL = new ClientUrl(Scheme.MMST, "127.0.0.1", 40123, "sample.asf", 40124, 40125,
            40126);
    private static final Duration GRACE = Duration.ofMillis(500);

    @TempDir
    Path dir;

    static CommandLauncher sh(String script) {
        return new CommandLauncher(List.of("sh", "-c", script, "client", "{url}"), Optional.empty());
    }

    static ClientExit awaitExit(RunningClient c) throws InterruptedException {
        for (int i = 0; i < 500 && !c.exited(); i++) {
            Thread.sleep(10);
        }
        return c.stop(GRACE);
    }

    @Test
    void aClientThatExitsZeroByItself() throws Exception {
        ClientExit exit = awaitExit(sh("echo hello; exit 0").start(URL));
        assertThat(exit.byItself()).isTrue();
        assertThat(exit.code()).isZero();
        assertThat(exit.signal()).isNull();
        assertThat(exit.crashed()).isFalse();
        assertThat(exit.outputTail()).isEqualTo("hello\n");
    }

    @Test
    void placeholdersAreExpandedInEveryWord() throws Exception {
        CommandLauncher l = new CommandLauncher(List.of("sh", "-c", "echo \"$@\"", "x", "{scheme}://{host}:{port}",
                "{path}", "{mmsPort},{httpPort},{rtspPort}", "{url}"), Optional.empty());
        ClientExit exit = awaitExit(l.start(URL));
        assertThat(exit.outputTail()).isEqualTo("mmst://127.0.0.1:40123 sample.asf 40124,40125,40126 "
                + "mmst://127.0.0.1:40123/sample.asf\n");
        assertThat(l.describe()).contains("{url}").doesNotContain("40123");
    }

    @Test
    void aClientIgnoringTermIsKilledAndThatIsNoCrash() throws Exception {
        Path ready = dir.resolve("ready");
        RunningClient c = sh("trap '' TERM; touch " + ready + "; while :; do sleep 0.05; done").start(URL);
        awaitFile(ready);
        ClientExit exit = c.stop(GRACE);
        assertThat(exit.byItself()).isFalse();
        assertThat(exit.stoppedBy()).isEqualTo("SIGKILL");
        assertThat(exit.signal()).isEqualTo("SIGKILL");
        assertThat(exit.crashed()).isFalse();
        assertThat(c.stop(GRACE)).isSameAs(exit);
    }

    @Test
    void aClientStoppedWithTermEndsByTerm() throws Exception {
        Path ready = dir.resolve("ready");
        RunningClient c = sh("touch " + ready + "; exec sleep 100").start(URL);
        awaitFile(ready);
        ClientExit exit = c.stop(GRACE);
        assertThat(exit.stoppedBy()).isEqualTo("SIGTERM");
        assertThat(exit.signal()).isEqualTo("SIGTERM");
        assertThat(exit.crashed()).isFalse();
    }

    @Test
    void aClientDyingBySegvCrashed() throws Exception {
        ClientExit exit = awaitExit(sh("kill -SEGV $$").start(URL));
        assertThat(exit.byItself()).isTrue();
        assertThat(exit.signal()).isEqualTo("SIGSEGV");
        assertThat(exit.code()).isEqualTo(-1);
        assertThat(exit.crashed()).isTrue();
        assertThat(exit.summary()).contains("died by SIGSEGV").contains("by itself");
    }

    @Test
    void whatAClientLeavesBehindDiesWithItsGroup() throws Exception {
        Path pid = dir.resolve("pid");
        ClientExit exit = awaitExit(sh("sleep 100 & echo $! > " + pid + "; exit 0").start(URL));
        assertThat(exit.byItself()).isTrue();
        assertGone(Long.parseLong(Files.readString(pid).strip()));
    }

    @Test
    void stoppingAClientStopsItsChildren() throws Exception {
        Path pid = dir.resolve("pid");
        RunningClient c = sh("trap '' TERM; sleep 100 & echo $! > " + pid + ".tmp; mv " + pid + ".tmp " + pid
                + "; wait").start(URL);
        awaitFile(pid);
        c.stop(GRACE);
        assertGone(Long.parseLong(Files.readString(pid).strip()));
    }

    @Test
    void aCommandThatCannotStartSaysSo() {
        CommandLauncher l = new CommandLauncher(List.of("/nonexistent/mmsspec-client"), Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.start(URL)).isInstanceOf(IOException.class)
                .hasMessageContaining("no such program");
    }

    private static void awaitFile(Path f) throws InterruptedException {
        for (int i = 0; i < 500 && !Files.exists(f); i++) {
            Thread.sleep(10);
        }
        assertThat(f).exists();
    }

    /** Gone, or a zombie no one has reaped yet (it runs no more). */
    private static void assertGone(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < 200 && alive(stat); i++) {
            Thread.sleep(10);
        }
        assertThat(alive(stat)).as("pid " + pid + " still runs").isFalse();
    }

    private static boolean alive(Path stat) {
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
