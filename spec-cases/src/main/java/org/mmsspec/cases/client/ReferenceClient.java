package org.mmsspec.cases.client;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mmsspec.client.player.PlayResult;
import org.mmsspec.client.player.PlayerConfig;
import org.mmsspec.client.player.PlayerFault;
import org.mmsspec.client.player.ReferencePlayer;

/**
 * The project's own client as the client under test: the {@link ReferencePlayer} in a daemon thread, conformant
 * unless given faults. With none it must pass every client case; with the fault a case is about, that case must
 * catch it.
 */
public final class ReferenceClient implements ClientLauncher {

    /** Lines of the player's log a report keeps. */
    private static final int TAIL_LINES = 20;
    /** Bound of each read: the mock server answers at once, so a longer wait only slows a faulty play down. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final Set<PlayerFault> faults;
    private final PlayerConfig.Credentials credentials;

    public ReferenceClient(PlayerFault... faults) {
        this(null, faults);
    }

    /** A player that answers BASIC challenges with {@code credentials} (null: none). */
    public ReferenceClient(PlayerConfig.Credentials credentials, PlayerFault... faults) {
        this.faults = Set.of(faults);
        this.credentials = credentials;
    }

    @Override
    public String describe() {
        return "mmsspec reference client" + (faults.isEmpty() ? ""
                : " with " + faults.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }

    @Override
    public RunningClient start(ClientUrl url) {
        PlayerConfig c = PlayerConfig.of(url.url()).withFaults(faults.toArray(PlayerFault[]::new))
                .withTimeout(READ_TIMEOUT);
        if (credentials != null) {
            c = c.withCredentials(credentials.user(), credentials.password());
        }
        return new Running(new ReferencePlayer(c));
    }

    /** One play in its own daemon thread. */
    private static final class Running implements RunningClient {
        private final ReferencePlayer player;
        private final Thread thread;
        private final long start = System.nanoTime();
        private volatile PlayResult result;
        private volatile boolean stoppedByCase;
        private ClientExit exit;

        Running(ReferencePlayer player) {
            this.player = player;
            this.thread = new Thread(() -> result = player.play(), "reference-client");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public boolean exited() {
            return result != null;
        }

        @Override
        public synchronized ClientExit stop(Duration grace) {
            if (exit != null) {
                return exit;
            }
            boolean byItself = result != null;
            if (!byItself) {
                stoppedByCase = true;
                player.stop(); // the player stops cleanly by itself: an interrupt could cut its last writes
                try {
                    thread.join(Math.max(1, grace.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            PlayResult r = result;
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (r == null) {
                // the play did not end within the grace: as a process would be, it counts as killed
                exit = new ClientExit(false, -1, "SIGKILL", "SIGKILL", "", ms);
            } else if (!byItself && "SIGTERM".equals(r.signal())) {
                exit = new ClientExit(false, -1, "SIGTERM", "SIGTERM", tail(r.log()), ms);
            } else {
                exit = new ClientExit(byItself, r.exitCode(), r.signal(), stoppedByCase && !byItself ? "SIGTERM"
                        : null, tail(r.log()) + "\n" + r.reason(), ms);
            }
            return exit;
        }

        private static String tail(List<String> log) {
            return String.join("\n", log.subList(Math.max(0, log.size() - TAIL_LINES), log.size()));
        }
    }
}
