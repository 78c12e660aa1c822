package org.mmsspec.harness.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;

/**
 * A loopback server that misbehaves the same way on every connection, MMST and MMSH alike (a run's target speaks both
 * on one port here). Each connection has a thread of its own; {@link #close} ends them all.
 */
final class HostileServer implements AutoCloseable {

    /** The ways a target can be hostile. */
    enum Behaviour {
        /** Accepts and reads, never answers. */
        SILENT,
        /** Answers every request with random bytes. */
        GARBAGE,
        /** Answers with a command packet whose messageLength is 0xFFFFFFF0 (MMST) or a 4 GB body (MMSH). */
        HUGE_LENGTH,
        /** Sends a plausible reply one byte a second. */
        TRICKLE,
        /** Resets every connection. */
        RESET,
        /** After the request, writes Pings (MMST) or $D packets (MMSH) as fast as it can, forever, and never reads. */
        FLOOD
    }

    private static final byte[] HUGE_COMMAND = Bytes.ofHex("01000000 cefa0bb0 f0ffffff 4d4d5320").toArray();
    private static final byte[] HUGE_HTTP = ("HTTP/1.0 200 OK\r\nContent-Type: application/x-mms-framed\r\n"
            + "Content-Length: 4294967296\r\n\r\n$H").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRICKLED = CommandPacketCodec.encode(0,
            LinkMacToViewerReportConnectedEX.of("4.1.0.3928", ""));

    private static final byte[] FLOOD_HEAD = "HTTP/1.0 200 OK\r\nContent-Type: application/x-mms-framed\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FLOOD_FRAME = MmshFrameCodec.encode(MmshData.of(DataPacket.of(1, 1, 0x82,
            Bytes.copyOf(new byte[1_000]))));

    private final Behaviour behaviour;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private HostileServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    static HostileServer start(Behaviour b) throws IOException {
        return new HostileServer(b);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                threads.execute(() -> {
                    try (s) {
                        serve(s);
                    } catch (Exception e) {
                        // the client hung up or the server closed: the end of every hostile script
                    } finally {
                        open.remove(s);
                    }
                });
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        byte[] buf = new byte[4096];
        switch (behaviour) {
            case SILENT -> {
                while (in.read(buf) >= 0) {
                    // drained, never answered
                }
            }
            case GARBAGE -> {
                Random random = new Random(s.getPort());
                while (in.read(buf) >= 0) {
                    byte[] junk = new byte[64 + random.nextInt(2048)];
                    random.nextBytes(junk);
                    out.write(junk);
                }
            }
            case HUGE_LENGTH -> {
                int n = in.read(buf);
                boolean http = n >= 4 && new String(buf, 0, 4, StandardCharsets.US_ASCII).equals("GET ");
                out.write(http ? HUGE_HTTP : HUGE_COMMAND);
                while (in.read(buf) >= 0) {
                    // the announced bytes never come
                }
            }
            case TRICKLE -> {
                s.setTcpNoDelay(true);
                for (int i = 0; ; i++) {
                    out.write(TRICKLED[i % TRICKLED.length]);
                    Thread.sleep(1_000);
                }
            }
            case RESET -> {
                s.setSoLinger(true, 0);
                s.close();
            }
            case FLOOD -> {
                // After the request, never another read: MMSH gets an endless body of $D packets, MMST endless Pings.
                int n = in.read(buf);
                boolean http = n >= 4 && new String(buf, 0, 4, StandardCharsets.US_ASCII).equals("GET ");
                byte[] unit = http ? FLOOD_FRAME : CommandPacketCodec.encode(0, LinkMacToViewerPing.of());
                byte[] block = new byte[unit.length * (65536 / unit.length)];
                for (int off = 0; off + unit.length <= block.length; off += unit.length) {
                    System.arraycopy(unit, 0, block, off, unit.length);
                }
                if (http) {
                    out.write(FLOOD_HEAD);
                }
                while (true) {
                    out.write(block);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        threads.shutdownNow();
    }
}
