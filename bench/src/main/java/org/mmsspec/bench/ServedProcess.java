package org.mmsspec.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.mmsspec.harness.client.ProcessGroups;

/**
 * A server under measurement, ours or another's, in its own process group ({@code setsid}) so that stopping it stops
 * whatever it started (runuser's child, say), in a finally and in a shutdown hook alike. The process whose CPU is
 * read may be a descendant of the one started: {@code runuser} forks the server it runs.
 */
final class ServedProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    private static final long POLL_MS = 200;

    private final String name;
    private final Process process;
    private final Thread hook;
    private final Path log;
    private final InetSocketAddress address;
    private final String path;
    private long measuredPid;

    private ServedProcess(String name, Process process, Path log, InetSocketAddress address, String path) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.address = address;
        this.path = path;
        this.hook = new Thread(this::stopQuietly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts {@code command} and waits until it accepts connections on {@code port} and a process that {@code measured}
     * picks (the started one or a descendant) is there.
     *
     * @throws IOException naming the server and the end of its output when it does not come up within {@code limit}
     */
    static ServedProcess start(String name, List<String> command, Path log, int port, String path,
            Predicate<ProcessHandle> measured, Duration limit) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("setsid"));
        c.addAll(command);
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServedProcess s = new ServedProcess(name, p, log, new InetSocketAddress("127.0.0.1", port), path);
        try {
            long by = System.nanoTime() + limit.toNanos();
            while (true) {
                Optional<ProcessHandle> m = Stream.concat(Stream.of(p.toHandle()), p.descendants())
                        .filter(measured).findFirst();
                if (m.isPresent() && s.accepts()) {
                    s.measuredPid = m.get().pid();
                    return s;
                }
                if (!p.isAlive() || System.nanoTime() > by) {
                    throw new IOException(name + " did not start listening on port " + port + " within "
                            + limit.toSeconds() + " s" + (p.isAlive() ? "" : " (exit " + p.exitValue() + ")") + ": "
                            + s.logTail());
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** A port free a moment ago; the server started next binds it. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String name() {
        return name;
    }

    InetSocketAddress address() {
        return address;
    }

    String path() {
        return path;
    }

    long measuredPid() {
        return measuredPid;
    }

    boolean isAlive() {
        return ProcessHandle.of(measuredPid).map(ProcessHandle::isAlive).orElse(false);
    }

    double cpuSeconds() throws IOException {
        return ProcessStats.cpuSeconds(measuredPid);
    }

    /** The last lines the server printed, on one line, for an error message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private void stopQuietly() {
        try {
            ProcessGroups.stop(process, STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }
}
