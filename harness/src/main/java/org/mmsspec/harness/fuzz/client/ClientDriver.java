package org.mmsspec.harness.fuzz.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.mmsspec.cases.client.ClientLauncher;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.client.CommandWords;
import org.mmsspec.harness.fuzz.FuzzOptions;
import org.mmsspec.harness.fuzz.Reproducer;
import org.mmsspec.harness.fuzz.SessionDriver;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;
import org.mmsspec.harness.fuzz.Symptom;

/**
 * Fuzzes an MMS client: for each session, the client command is started on a mock server whose replies are damaged
 * as the session's {@link ClientAttack} says, and its end is judged ({@link ClientOracle}). The reproducer of a
 * finding holds the bytes the server actually sent, reply by reply; {@link #attempt} sends them again from an
 * unmutated server to a fresh client. One lane (a mock server) per job; a client process per session.
 */
public final class ClientDriver implements SessionDriver {

    private final ClientLauncher launcher;
    private final String command;
    private final Scheme scheme;
    private final FuzzOptions options;
    private final List<Lane> all = new ArrayList<>();
    private final BlockingQueue<Lane> free;

    /**
     * @param command the client command, with {@code {url}} where the URL goes
     * @param scheme  the scheme of that URL (mmst, mmsh, or mms for a client that picks the protocol itself); null:
     *                mmst for new sessions, the recorded transport for attempts
     * @param user    the user to run the client as (runuser), or empty
     */
    public ClientDriver(String command, Scheme scheme, FuzzOptions options, Optional<String> user) {
        this(new CommandLauncher(CommandWords.split(command), user), command, scheme, options);
    }

    /** With any launcher: the in-process reference client in tests. */
    ClientDriver(ClientLauncher launcher, String command, Scheme scheme, FuzzOptions options) {
        this.launcher = launcher;
        this.command = Objects.requireNonNull(command);
        this.scheme = scheme;
        this.options = options;
        this.free = new ArrayBlockingQueue<>(options.jobs());
        try {
            for (int i = 0; i < options.jobs(); i++) {
                Lane l = new Lane(options.path());
                all.add(l);
                free.add(l);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** For {@code mmsspec replay}: the client of a reproducer's target, the scheme taken from each attempt. */
    public static ClientDriver open(Reproducer.Target target, FuzzOptions options) {
        return open(target, options, Optional.empty());
    }

    public static ClientDriver open(Reproducer.Target target, FuzzOptions options, Optional<String> user) {
        if (target.command() == null) {
            throw new IllegalArgumentException("a client reproducer needs the client command");
        }
        return new ClientDriver(target.command(), null, options, user);
    }

    /** One session as it went: the result, and the steps the server sent. */
    record Session(SessionResult result, List<Step> steps, String trigger) {
    }

    @Override
    public SessionResult run(long number) throws InterruptedException {
        return session(number).result();
    }

    Session session(long number) throws InterruptedException {
        Scheme s = scheme == null ? Scheme.MMST : scheme;
        ClientAttack attack = ClientAttack.draw(options.seed(), number, s);
        LiveSession live = new LiveSession(ClientAttack.mix(options.seed(), number), attack);
        Lane.Outcome o = play(live, s);
        List<Step> steps = live.sent();
        Optional<Reproducer> finding = ClientOracle.judge(o).map(v -> new Reproducer(Reproducer.Role.CLIENT,
                options.seed(), number, transport(live), v.symptom(), attack.state(), live.trigger(), v.detail(),
                target(), attack.describe(), steps, false, steps.size(), steps.stream().mapToInt(Step::length).sum()));
        return new Session(new SessionResult(number, live.reached(), finding), steps, live.trigger());
    }

    @Override
    public Optional<Symptom> attempt(SessionPlan.Transport transport, List<Step> steps) throws InterruptedException {
        Scheme s = scheme != null ? scheme : transport == SessionPlan.Transport.MMSH ? Scheme.MMSH : Scheme.MMST;
        return ClientOracle.judge(play(new ReplaySession(0, steps), s)).map(ClientOracle.Verdict::symptom);
    }

    private Lane.Outcome play(SessionWire w, Scheme s) throws InterruptedException {
        Lane lane = free.take();
        try {
            return lane.play(w, launcher, s, options.timeout());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the client: " + e.getMessage(), e);
        } finally {
            free.add(lane);
        }
    }

    private static SessionPlan.Transport transport(SessionWire w) {
        return w.anyHttp() ? SessionPlan.Transport.MMSH : SessionPlan.Transport.MMST;
    }

    @Override
    public int lanes() {
        return options.jobs();
    }

    @Override
    public Reproducer.Target target() {
        return new Reproducer.Target(null, command, null);
    }

    @Override
    public void close() {
        all.forEach(Lane::close);
    }
}
