package org.mmsspec.harness.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a campaign runs, whatever it fuzzes.
 *
 * @param seed        the campaign's seed: with a session number, it fixes every byte sent
 * @param duration    how long to run (a resumed campaign runs this long again)
 * @param maxSessions stop after this many sessions of this run (Long.MAX_VALUE for no bound)
 * @param out         the output directory: campaign state, journal, findings/, stats.json
 * @param resume      go on from the state in {@code out} instead of refusing a directory that holds one
 * @param jobs        sessions run at once
 * @param shard       the part of the session space this run takes
 * @param timeout     how long one read may wait before the peer counts as silent
 * @param path        the media path sessions open on the target
 * @param minimise    whether findings are minimised before they are saved as final
 * @param status      whether the live status line is printed
 */
public record FuzzOptions(long seed, Duration duration, long maxSessions, Path out, boolean resume, int jobs,
        Shard shard, Duration timeout, String path, boolean minimise, boolean status) {

    /**
     * Lanes of a server campaign by default: a session mostly waits for replies (and slow writes pause), so more
     * lanes than cores keep the cores busy; measured with the bench module's {@code bench fuzz}.
     */
    public static final int SERVER_JOBS = 8;

    public FuzzOptions {
        Objects.requireNonNull(duration);
        Objects.requireNonNull(out);
        Objects.requireNonNull(shard);
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(path);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs " + jobs + ": want at least 1");
        }
    }
}
