package org.mmsspec.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** Little servers that misbehave: every read must end in a clear outcome within its timeout. */
@Timeout(30)
class HostileServerTest {

    static final Duration SHORT = Duration.ofMillis(600);

    /** What the server does with the one connection it accepts. */
    interface Behaviour {
        void serve(Socket s) throws Exception;
    }

    ServerSocket listener;
    Thread thread;

    int serve(Behaviour b) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                b.serve(s);
            } catch (Exception e) {
                // the client hung up: the end of every hostile script
            }
        }, "hostile-server");
        thread.setDaemon(true);
        thread.start();
        return listener.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        thread.interrupt();
        thread.join(5_000);
    }

    MmstClient connect(int port) {
        return MmstClient.connect("127.0.0.1", port, SHORT);
    }

    static void holdOpen() throws InterruptedException {
        Thread.sleep(20_000);
    }

    @Test
    void silentServerGivesATimeoutWithinTheTimeout() throws Exception {
        int port = serve(s -> holdOpen());
        try (MmstClient c = connect(port)) {
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            long t0 = System.nanoTime();
            Outcome o = c.receive();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(o).isEqualTo(new Outcome.Timeout(SHORT, 0));
            assertThat(ms).isBetween(SHORT.toMillis() - 50, SHORT.toMillis() + 1_500);
            assertThatThrownBy(() -> c.expect(LinkMacToViewerReportConnectedEX.class))
                    .isInstanceOfSatisfying(ExpectationFailure.class,
                            f -> assertThat(f.outcome()).isInstanceOf(Outcome.Timeout.class));
            assertThatThrownBy(() -> c.expectClose()).isInstanceOf(ExpectationFailure.class);
        }
    }

    @Test
    void garbageLengthBelowTheHeaderLosesTheStream() throws Exception {
        // a Data packet whose PacketSize (bytes 6-7) is 2, below its own 8-byte header
        int port = serve(s -> {
            s.getOutputStream().write(new byte[] {0, 0, 0, 0, 1, 0, 2, 0, 9, 9, 9, 9});
            s.getOutputStream().flush();
            holdOpen();
        });
        try (MmstClient c = connect(port)) {
            Outcome o = c.receive();
            assertThat(o).isInstanceOfSatisfying(Outcome.Lost.class,
                    l -> assertThat(l.error().getMessage()).contains("PacketSize 2"));
            assertThat(c.receive()).isInstanceOf(Outcome.Timeout.class); // and reads go on, bounded
        }
    }

    @Test
    void garbageThenCloseIsAnEndInsideAUnit() throws Exception {
        int port = serve(s -> s.getOutputStream().write("GARBAGE!GARBAGE!".getBytes(StandardCharsets.US_ASCII)));
        try (MmstClient c = connect(port)) {
            Outcome o = c.readUntil(r -> false);
            assertThat(o).isInstanceOfSatisfying(Outcome.Eof.class, e -> assertThat(e.partialBytes()).isEqualTo(16));
            assertThat(c.expectClose()).isInstanceOf(Outcome.Eof.class);
        }
    }

    @Test
    void fourGigabyteMessageLengthIsRefusedWithoutAllocating() throws Exception {
        // rep, version, versionMinor, padding, sessionId B00BFACE, messageLength 0xFFFFFFF0, then nothing more
        byte[] header = Bytes.ofHex("01000000 cefa0bb0 f0ffffff 4d4d5320").toArray();
        int port = serve(s -> {
            s.getOutputStream().write(header);
            holdOpen();
        });
        try (MmstClient c = connect(port)) {
            long before = usedHeap();
            Outcome o = c.receive();
            assertThat(o).isInstanceOfSatisfying(Outcome.Lost.class,
                    l -> assertThat(l.error().getMessage()).contains("exceeds the bound"));
            assertThat(usedHeap() - before).isLessThan(256L << 20);
            assertThat(c.transcript().entries(e -> e.kind() == TranscriptEntry.Kind.RAW))
                    .singleElement().satisfies(e -> assertThat(e.raw().length()).isEqualTo(16));
        }
    }

    @Test
    void aByteASecondEndsInATimeoutWithThePartialUnitCounted() throws Exception {
        byte[] reply = CommandPacketCodec.encode(0, LinkMacToViewerReportConnectedEX.of("4.1.0.3928", ""));
        int port = serve(s -> {
            OutputStream out = s.getOutputStream();
            for (byte b : reply) {
                out.write(b);
                out.flush();
                Thread.sleep(1_000);
            }
        });
        try (MmstClient c = connect(port)) {
            long t0 = System.nanoTime();
            Outcome o = c.receive(Duration.ofMillis(1_500));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(o).isInstanceOfSatisfying(Outcome.Timeout.class,
                    t -> assertThat(t.partialBytes()).isBetween(1, 2));
            assertThat(ms).isLessThan(3_000);
        }
    }

    @Test
    void resetIsTold() throws Exception {
        int port = serve(s -> {
            s.getInputStream().read(); // wait for the client's first byte, then abort
            s.setSoLinger(true, 0);
            s.close();
        });
        try (MmstClient c = connect(port)) {
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            Outcome o = c.receive(Duration.ofSeconds(3));
            assertThat(o).isInstanceOf(Outcome.Reset.class);
            assertThat(c.receive()).isSameAs(o); // the end is final
        }
    }

    @Test
    void floodIsBoundedByTheTimeoutAndTheTranscript() throws Exception {
        byte[] packet = DataPacket.of(1, 1, 1, Bytes.copyOf(new byte[60_000])).encode();
        int port = serve(s -> {
            OutputStream out = s.getOutputStream();
            while (true) {
                out.write(packet);
            }
        });
        try (MmstClient c = connect(port)) {
            long t0 = System.nanoTime();
            Outcome o = c.readUntil(r -> false, Duration.ofSeconds(1));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(o).isInstanceOf(Outcome.Timeout.class);
            assertThat(ms).isLessThan(3_000);
            long kept = c.transcript().entries().stream().mapToLong(e -> e.raw().length()).sum();
            assertThat(kept).isLessThanOrEqualTo(Transcript.MAX_RAW_BYTES);
        }
    }

    @Test
    void mmshSilentServerTimesOutWithoutAHead() throws Exception {
        int port = serve(s -> holdOpen());
        MmshResponse r = new MmshClient("127.0.0.1", port, SHORT).describe("/x");
        assertThat(r.head()).isNull();
        assertThat(r.end()).isInstanceOf(Outcome.Timeout.class);
    }

    @Test
    void mmshEndlessHeadIsLostAtTheBound() throws Exception {
        int port = serve(s -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(line);
            }
        });
        MmshResponse r = new MmshClient("127.0.0.1", port, Duration.ofSeconds(5)).describe("/x");
        assertThat(r.end()).isInstanceOfSatisfying(Outcome.Lost.class,
                l -> assertThat(l.error().getMessage()).contains("no end of the response head"));
    }

    @Test
    void mmshTricklingBodyTimesOutPerPacket() throws Exception {
        int port = serve(s -> {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.0 200 OK\r\nContent-Type: application/x-mms-framed\r\n\r\n$H"
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 30; i++) {
                out.write(0x10);
                out.flush();
                Thread.sleep(300);
            }
        });
        long t0 = System.nanoTime();
        MmshResponse r = new MmshClient("127.0.0.1", port, Duration.ofSeconds(1)).describe("/x");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.end()).isInstanceOf(Outcome.Timeout.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
