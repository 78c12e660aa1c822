package org.mmsspec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.gen.Gen;
import org.mmsspec.codec.gen.MessageGenerator;
import org.mmsspec.codec.gen.Mutator;
import org.mmsspec.codec.gen.ViewerToMacGenerators;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The counters a long fuzzing run reads: open connections go back to 0, and garbage is never a server bug. */
@Timeout(120)
class ServerHealthTest {

    static final byte[] CONNECT = ConnectRate.CONNECT;

    @Test
    void openConnectionsCountsWhatIsOpenAndReturnsToZero() throws Exception {
        try (MockMmsServer s = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            RawMmst a = new RawMmst(s.port(Protocol.MMST));
            RawMmst b = new RawMmst(s.port(Protocol.MMST));
            a.send(CONNECT).read();
            b.send(CONNECT).read();
            assertThat(s.openConnections()).isEqualTo(2);
            a.close();
            b.close();
            assertThat(drained(s)).isZero();
        }
    }

    @Test
    void garbageOnEveryListenerIsNoServerBugAndLeaksNoConnection() throws Exception {
        SplittableRandom r = new SplittableRandom(6);
        Mutator mutator = new Mutator(6);
        try (MockMmsServer s = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            for (int i = 0; i < 600; i++) {
                int kind = r.nextInt(4);
                Protocol p = kind == 3 ? Protocol.MMSH : Protocol.MMST;
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", s.port(p)), 5000);
                    if (r.nextBoolean()) {
                        socket.setSoLinger(true, 0); // a reset, half the time
                    }
                    OutputStream out = socket.getOutputStream();
                    switch (kind) {
                        case 0 -> out.write(bytes(r, 1 + r.nextInt(200)));
                        case 1 -> {
                            MessageGenerator g = Gen.pick(r, ViewerToMacGenerators.ALL);
                            byte[] packet = CommandPacketCodec.encode(1, g.generate(r));
                            out.write(CONNECT);
                            out.write(mutator.anyCommandPacket(packet, Direction.C2S).toArray());
                        }
                        case 2 -> out.write(mutator.anyCommandPacket(CONNECT, Direction.C2S).toArray());
                        default -> out.write(("GET /sample.asf HTTP/1.0\r\nPragma: " + new String(bytes(r, 40),
                                StandardCharsets.ISO_8859_1) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.flush();
                } catch (IOException reset) {
                    // the server may close first: refusing garbage is its right
                }
            }
            assertThat(drained(s)).isZero();
            assertThat(s.unhandledExceptions()).as(() -> s.events().events(e -> e.detail().contains("unhandled"))
                    .toString()).isZero();
            assertThat(s.struck()).isEmpty();
        }
    }

    @Test
    void anMmshRequestCutOffByTheClientIsNoServerBug() throws Exception {
        try (MockMmsServer s = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            for (int i = 0; i < 20; i++) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", s.port(Protocol.MMSH)), 5000);
                    // a POST whose body never comes: the client closes while the server still gathers it
                    socket.getOutputStream().write(("POST /sample.asf HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n"
                            + "\r\nhalf").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(5);
                }
            }
            assertThat(drained(s)).isZero();
            assertThat(s.unhandledExceptions()).as(() -> String.valueOf(s.firstUnhandled())).isZero();
        }
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** openConnections once it has come down to 0, or after 30 s: closes reach the server asynchronously. */
    static int drained(MockMmsServer s) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (s.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return s.openConnections();
    }
}
