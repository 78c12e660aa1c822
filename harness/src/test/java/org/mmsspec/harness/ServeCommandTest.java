package org.mmsspec.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

import picocli.CommandLine;

class ServeCommandTest {

    static final Pattern URL = Pattern.compile("^  ((mms|mmst|mmsu|mmsh|rtsp)://\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /** A writer the test can read while the command is still writing to it. */
    static final class Output extends StringWriter {
        synchronized String text() {
            return toString();
        }

        String await(String needle) throws InterruptedException {
            for (int i = 0; i < 100; i++) {
                String t = text();
                if (t.contains(needle)) {
                    return t;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + needle + "' in:\n" + text());
        }
    }

    record Running(Thread thread, AtomicInteger exit, Output out, Output err) {
        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("serve stops when interrupted").isFalse();
            return exit.get();
        }
    }

    static Running serve(String... args) {
        Output out = new Output();
        Output err = new Output();
        AtomicInteger exit = new AtomicInteger(-1);
        CommandLine cl = Mmsspec.commandLine(new ByteArrayInputStream(new byte[0]));
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        Thread t = new Thread(() -> exit.set(cl.execute(all)), "serve-under-test");
        t.start();
        return new Running(t, exit, out, err);
    }

    @Test
    void printsItsUrlsThenOneLinePerEventAndStopsCleanly() throws Exception {
        Running r = serve("--mms-port", "0", "--http-port", "0", "--fast");
        String banner = r.out().await("Press Ctrl-C to stop.");
        Matcher m = URL.matcher(banner);
        List<String> urls = m.results().map(x -> x.group(1)).toList();
        assertThat(urls).extracting(u -> u.substring(0, u.indexOf(':'))).containsExactly("mms", "mmst", "mmsu",
                "mmsh");
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith(u.substring(0, u.indexOf(':')) + "://127.0.0.1:")
                .endsWith("/sample.asf"));
        URI mmsh = URI.create(urls.get(3));
        try (Socket s = new Socket(mmsh.getHost(), mmsh.getPort())) {
            s.getOutputStream().write("GET /sample.asf HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read();
        }
        String log = r.out().await(" MMSH :" + mmsh.getPort() + " ");
        assertThat(log.lines().filter(l -> l.contains(" MMSH :" + mmsh.getPort() + " ")).findFirst().orElseThrow())
                .contains(" ACCEPTED");
        assertThat(r.stop()).isZero();
        assertThat(r.out().text()).endsWith("mmsspec serve: stopped" + System.lineSeparator());
        assertThat(r.err().text()).isEmpty();
    }

    @Test
    void quietServesTheSameButPrintsNoEvents() throws Exception {
        Running r = serve("--mms-port", "0", "--http-port", "0", "--fast", "--quiet");
        String banner = r.out().await("Press Ctrl-C to stop.");
        URI mmsh = URI.create(URL.matcher(banner).results().map(x -> x.group(1)).filter(u -> u.startsWith("mmsh"))
                .findFirst().orElseThrow());
        try (Socket s = new Socket(mmsh.getHost(), mmsh.getPort())) {
            s.getOutputStream().write("GET /sample.asf HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).startsWith("HTTP/1.");
        }
        assertThat(r.stop()).isZero();
        assertThat(r.out().text()).isEqualTo(banner + "mmsspec serve: stopped" + System.lineSeparator());
    }

    @Test
    void servesTheGivenMediaAtItsFileName() throws Exception {
        Path clip = dir.resolve("clip.asf");
        try (var in = org.mmsspec.server.asf.AsfFile.class
                .getResourceAsStream("/org/mmsspec/server/media/sample.asf")) {
            Files.write(clip, in.readAllBytes());
        }
        Running r = serve("--media", clip.toString(), "--mms-port", "0", "--http-port", "0",
                "--scenario", "all-but-http-refused");
        String banner = r.out().await("Press Ctrl-C to stop.");
        assertThat(URL.matcher(banner).results().map(x -> x.group(1)).toList())
                .allSatisfy(u -> assertThat(u).endsWith("/clip.asf"))
                .extracting(u -> u.substring(0, u.indexOf(':'))).containsExactly("mms", "mmsh");
        assertThat(banner).contains("scenario all-but-http-refused");
        assertThat(r.stop()).isZero();
    }

    @Test
    void aPortInUseIsAClearMessageAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Running r = serve("--mms-port", String.valueOf(taken.getLocalPort()), "--http-port", "0");
            r.thread().join(10_000);
            assertThat(r.exit().get()).isEqualTo(2);
            assertThat(r.err().text()).startsWith("mmsspec serve: cannot listen for MMST on 127.0.0.1:"
                    + taken.getLocalPort()).contains("--mms-port");
        }
    }

    @Test
    void unreadableInputIsExit2() throws Exception {
        Running missing = serve("--media", dir.resolve("none.asf").toString(), "--mms-port", "0");
        missing.thread().join(10_000);
        assertThat(missing.exit().get()).isEqualTo(2);
        assertThat(missing.err().text()).contains("none.asf");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "listeners: {mmst: sulk}\n");
        Running r = serve("--scenario", bad.toString(), "--mms-port", "0");
        r.thread().join(10_000);
        assertThat(r.exit().get()).isEqualTo(2);
        assertThat(r.err().text()).contains("listeners.mmst");
    }

    @Test
    void aPlantedCrashEndsTheProcessNonZeroNamingTheBug() throws Exception {
        Running r = serve("--mms-port", "0", "--http-port", "0", "--fast", "--plant", "pong-before-ping",
                "--plant", "unterminated-subscriber-name");
        URI mmst = URI.create(URL.matcher(r.out().await("Press Ctrl-C to stop.")).results().map(x -> x.group(1))
                .filter(u -> u.startsWith("mmst:")).findFirst().orElseThrow());
        // a Connect whose subscriberName runs to the end of its message: "x" * 5 fills the 8-byte unit, no NUL
        byte[] connect = CommandPacketCodec.encode(0, LinkViewerToMacConnect.of("xxxxx"));
        connect[connect.length - 2] = 'x';
        try (Socket s = new Socket(mmst.getHost(), mmst.getPort())) {
            s.getOutputStream().write(connect);
            r.thread().join(10_000);
        }
        assertThat(r.exit().get()).isEqualTo(ServeCommand.CRASHED);
        assertThat(r.err().text()).contains("planted bug unterminated-subscriber-name crashed the server");
        assertThat(r.out().text()).contains("PLANTED_BUG unterminated-subscriber-name: crash");
    }

    @Test
    void anUnknownPlantedBugIsExit2() throws Exception {
        Running r = serve("--mms-port", "0", "--plant", "segfault");
        r.thread().join(10_000);
        assertThat(r.exit().get()).isEqualTo(ServeCommand.UNUSABLE);
        assertThat(r.err().text()).contains("segfault").contains("read-block-length-zero");
    }

    @Test
    void portsDefaultToTheWellKnownOnes() throws IOException {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs();
        var s = c.scenario();
        assertThat(s.listener(org.mmsspec.server.Protocol.MMST).port()).isEqualTo(1755);
        assertThat(s.listener(org.mmsspec.server.Protocol.MMSH).port()).isEqualTo(80);
        assertThat(s.listener(org.mmsspec.server.Protocol.RTSP).port()).isEqualTo(554);
    }
}
