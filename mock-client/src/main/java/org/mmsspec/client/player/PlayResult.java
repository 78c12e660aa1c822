package org.mmsspec.client.player;

import java.util.List;

/**
 * How a play ended, as a process would say it.
 *
 * @param exitCode 0 at the end of the stream, 1 where the play stopped on an error, -1 where it died by a signal
 * @param signal   {@code SIGSEGV} for the crash fault, {@code SIGTERM} where {@link ReferencePlayer#stop()} ended
 *                 it, else null
 * @param reason   one line: why it ended
 * @param log      what the player did, a line per step
 */
public record PlayResult(int exitCode, String signal, String reason, List<String> log) {

    public PlayResult {
        log = List.copyOf(log);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
