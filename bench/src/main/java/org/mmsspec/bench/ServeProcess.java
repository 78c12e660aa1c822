package org.mmsspec.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mmsspec serve} in a process of its own, so that /proc and jcmd can read its CPU and memory apart from the
 * load generator's: on free ports, started once it accepts MMST connections, stopped (TERM, then KILL) on close.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(10);
    private static final Pattern MMST_URL = Pattern.compile("mmst://([^:/]+):(\\d+)/(\\S+)");

    /** Where the served file is. */
    record Url(InetSocketAddress mmst, String path) {
    }

    private final Process process;
    private final Url url;
    /** Stops the server when this JVM is stopped (Ctrl-C) before {@link #close()} could. */
    private final Thread hook;

    private ServeProcess(Process process, Url url, Thread hook) {
        this.process = process;
        this.url = url;
        this.hook = hook;
    }

    /**
     * Starts {@code mmsspec serve} with {@code media} (null: the bundled sample) and waits until its MMST port
     * accepts. Quiet: it serves without printing or keeping each connection's events, which would cost the figures CPU.
     */
    static ServeProcess start(Path media, boolean fast, List<String> jvmOptions) throws IOException,
            InterruptedException {
        List<String> args = new ArrayList<>(List.of("serve", "--quiet", "--mms-port", "0", "--http-port", "0",
                "--rtsp-port", "0"));
        if (media != null) {
            args.addAll(List.of("--media", media.toString()));
        }
        if (fast) {
            args.add("--fast");
        }
        Process p = new ProcessBuilder(JavaCommand.mmsspec(jvmOptions, args)).redirectErrorStream(true).start();
        Thread hook = new Thread(p::destroyForcibly, "serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        CompletableFuture<Url> url = new CompletableFuture<>();
        List<String> firstLines = new ArrayList<>();
        Thread reader = new Thread(() -> drain(p, url, firstLines), "serve-output");
        reader.setDaemon(true);
        reader.start();
        boolean started = false;
        try {
            Url at = url.get(START.toSeconds(), TimeUnit.SECONDS);
            awaitAccepting(at.mmst());
            started = true;
            return new ServeProcess(p, at, hook);
        } catch (ExecutionException | TimeoutException | IOException e) {
            String said;
            synchronized (firstLines) {
                said = String.join(" | ", firstLines);
            }
            throw new IOException("mmsspec serve did not start (" + e + "); it said: " + said);
        } finally {
            if (!started) {
                stop(p, hook);
            }
        }
    }

    private static void drain(Process p, CompletableFuture<Url> url, List<String> firstLines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!url.isDone()) {
                    synchronized (firstLines) {
                        firstLines.add(line);
                    }
                    Matcher m = MMST_URL.matcher(line);
                    if (m.find()) {
                        url.complete(new Url(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))),
                                m.group(3)));
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; its exit says the rest
        }
        url.completeExceptionally(new IOException("exited " + (p.isAlive() ? "?" : p.exitValue())
                + " before it listened"));
    }

    private static void awaitAccepting(InetSocketAddress at) throws IOException, InterruptedException {
        long end = System.nanoTime() + START.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(at, 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() - end > 0) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** The first file it serves over MMST. */
    Url url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process, hook);
    }

    private static void stop(Process p, Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
