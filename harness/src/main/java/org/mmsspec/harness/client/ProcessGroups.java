package org.mmsspec.harness.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a command started under {@code setsid}: it leads a process group whose id is its pid, so a signal to the
 * group reaches whatever it started too (a shell's children, a player's helpers).
 */
public final class ProcessGroups {

    private ProcessGroups() {
    }

    /**
     * TERM to the group, KILL after {@code grace} where the leader is still there, then KILL to whatever the group has
     * left. Returns the last signal the leader was sent, or null where it had ended by itself.
     */
    public static String stop(Process p, Duration grace) throws InterruptedException {
        String sent = null;
        if (p.isAlive()) {
            sent = "SIGTERM";
            signal(p, "TERM");
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                sent = "SIGKILL";
                signal(p, "KILL");
                p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        signal(p, "KILL"); // whatever it left behind in its group
        return sent;
    }

    /** {@code kill -SIG -- -pgid}; the leader alone, forcibly, where kill cannot be run. */
    public static void signal(Process p, String sig) throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-" + sig, "--", "-" + p.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            p.destroyForcibly();
        }
    }
}
