package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.mmsspec.harness.fuzz.Campaign;
import org.mmsspec.harness.fuzz.Durations;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.Shard;

import picocli.CommandLine.Option;

/** The flags every {@code mmsspec fuzz} campaign shares, whatever it fuzzes; they build {@link FuzzOptions}. */
public final class FuzzFlags {


    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m",
            description = "How long to run: 30s, 10m, 2h, 1d. Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--seed", paramLabel = "S",
            description = "The campaign's seed: with a session number, it fixes every byte sent. Default: random "
                    + "(printed), or the resumed campaign's.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mmsspec-fuzz",
            description = "Campaign state, findings/ and stats.json. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Go on with the campaign in --out (after Ctrl-C or kill -9).")
    boolean resume;

    /** Sessions at once where the command has no default of its own: a client campaign runs real players. */
    static final int DEFAULT_JOBS = 2;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Sessions run at once. Default: " + FuzzServerCommand.DEFAULT_JOBS + " for a server "
                    + "(sessions wait on the network more than they compute), " + DEFAULT_JOBS + " for a client.")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "K/N", defaultValue = "1/1",
            description = "Run the K-th of N disjoint parts of the session space (one per machine of a matrix). "
                    + "Default: ${DEFAULT-VALUE}.")
    String shard;

    @Option(names = "--max-sessions", paramLabel = "N",
            description = "Stop after N sessions of this run, or at --duration, whichever comes first.")
    Long maxSessions;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "2s",
            description = "How long one read may wait before the peer counts as silent. Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Option(names = "--no-minimise", description = "Save findings as found, without minimising them.")
    boolean noMinimise;

    @Option(names = "--quiet", description = "No live status line.")
    boolean quiet;

    /**
     * The options, with {@code path} for the sessions to open; the seed is drawn (and said on {@code err}) where
     * neither --seed nor a resumed campaign gives one.
     *
     * @throws IllegalArgumentException on a malformed value, with a message for the user
     */
    public FuzzOptions options(String path, PrintWriter err) throws IOException {
        return options(path, err, DEFAULT_JOBS);
    }

    /** {@link #options(String, PrintWriter)}, with {@code defaultJobs} where --jobs is not given. */
    public FuzzOptions options(String path, PrintWriter err, int defaultJobs) throws IOException {
        int jobs = this.jobs == null ? defaultJobs : this.jobs;
        Long s = seed;
        if (s == null && resume) {
            s = Campaign.savedSeed(out);
        }
        if (s == null) {
            s = new SecureRandom().nextLong() & Long.MAX_VALUE;
            err.println("mmsspec fuzz: seed " + s + " (give --seed " + s + " to run this campaign again)");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs " + jobs + ": want at least 1");
        }
        if (maxSessions != null && maxSessions < 1) {
            throw new IllegalArgumentException("--max-sessions " + maxSessions + ": want at least 1");
        }
        Duration t = duration("--timeout", timeout);
        if (t.isZero()) {
            throw new IllegalArgumentException("--timeout " + timeout + ": want more than 0");
        }
        return new FuzzOptions(s, duration("--duration", duration), maxSessions == null ? Long.MAX_VALUE : maxSessions,
                out, resume, jobs, Shard.parse(shard), t, path, !noMinimise, !quiet);
    }

    static Duration duration(String flag, String text) {
        return Durations.parse(flag, text);
    }
}
