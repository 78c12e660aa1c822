package org.mmsspec.harness.client;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.mmsspec.cases.client.ClientExit;
import org.mmsspec.cases.client.ClientLauncher;
import org.mmsspec.cases.client.ClientUrl;
import org.mmsspec.cases.client.RunningClient;

/**
 * Starts the client under test as a command line, one process group per case, so that stopping it stops everything
 * it started: {@code setsid} makes the client the leader of a new group, TERM and then KILL go to the whole group.
 * With a user, the command runs through {@code runuser} (VLC will not run as root). Output goes to a file, so a
 * chatty client never blocks on a full pipe; the report keeps its tail.
 */
public final class CommandLauncher implements ClientLauncher {

    /** Output kept for the report. */
    static final int TAIL_BYTES = 4096;

    private final List<String> words;
    private final Optional<String> user;

    public CommandLauncher(List<String> words, Optional<String> user) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty client command");
        }
        this.words = List.copyOf(words);
        this.user = user.filter(u -> !u.isBlank());
    }

    @Override
    public String describe() {
        return String.join(" ", words) + user.map(u -> " (as " + u + ")").orElse("");
    }

    /** The command line that starts the client on {@code url}. */
    List<String> commandLine(ClientUrl url) {
        List<String> cmd = new ArrayList<>(List.of("setsid"));
        user.ifPresent(u -> cmd.addAll(List.of("runuser", "-u", u, "--")));
        words.forEach(w -> cmd.add(url.expand(w)));
        return cmd;
    }

    /**
     * Refuses a program that is not there: setsid would start and exit 127, and every case would see a client that
     * never connected (a SKIP) instead of a command that cannot run.
     */
    public void checkProgram() throws IOException {
        String program = words.get(0);
        if (!(program.contains("/") ? Files.isExecutable(Path.of(program)) : onPath(program))) {
            throw new IOException("cannot run " + program + ": no such program"
                    + (program.contains("/") ? "" : " on PATH"));
        }
    }

    /** Whether an executable {@code program} lies in a folder of PATH. */
    public static boolean onPath(String program) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @Override
    public RunningClient start(ClientUrl url) throws IOException {
        checkProgram();
        Path out = Files.createTempFile("mmsspec-client-", ".log");
        ProcessBuilder pb = new ProcessBuilder(commandLine(url)).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(out);
            throw new IOException("cannot run " + words.get(0) + ": " + e.getMessage(), e);
        }
        return new Running(p, out, System.nanoTime());
    }

    /** One client process and its group. */
    private static final class Running implements RunningClient {
        private final Process process;
        private final Path output;
        private final long started;
        private ClientExit exit;

        Running(Process process, Path output, long started) {
            this.process = process;
            this.output = output;
            this.started = started;
        }

        @Override
        public boolean exited() {
            return !process.isAlive();
        }

        @Override
        public synchronized ClientExit stop(Duration grace) {
            if (exit != null) {
                return exit;
            }
            boolean byItself = !process.isAlive();
            String sent = null;
            try {
                sent = ProcessGroups.stop(process, grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            int code = process.isAlive() ? -1 : process.exitValue();
            String signal = ClientExit.signalOfStatus(code);
            exit = new ClientExit(byItself, signal != null ? -1 : code, signal, sent, tail(), ms);
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                // a temporary file left behind does not change the verdict
            }
            return exit;
        }

        private String tail() {
            try (RandomAccessFile f = new RandomAccessFile(output.toFile(), "r")) {
                long len = f.length();
                long from = Math.max(0, len - TAIL_BYTES);
                byte[] b = new byte[(int) (len - from)];
                f.seek(from);
                f.readFully(b);
                String s = new String(b, StandardCharsets.UTF_8);
                return from > 0 ? "..." + s.substring(Math.min(s.length(), s.indexOf('\n') + 1)) : s;
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
