package org.mmsspec.harness.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;

/**
 * A tiny MMST server with one bug: it answers every command packet with a reply (ReadBlock and StartPlaying also with
 * one Data packet), until it receives the magic bytes. Then, by mode, it crashes (stops listening, drops every
 * connection), wedges (accepts, answers nothing) or exits its JVM with status 3. As a {@link ServerTarget}, a restart
 * is a fresh instance on a new port.
 */
final class StandIn implements ServerTarget {

    enum Mode { CRASH, HANG, EXIT }

    private static final int READ_BLOCK = (int) LinkViewerToMacReadBlock.TYPE.mid();
    private static final int START_PLAYING = (int) LinkViewerToMacStartPlaying.TYPE.mid();

    private final byte[] magic;
    private final Mode mode;
    private volatile Instance current;

    /**
     * One run of the server: a restart makes a new one, so that bytes an old connection reads late cannot break it.
     */
    private static final class Instance {
        final ServerSocket listener;
        final Set<Socket> open = ConcurrentHashMap.newKeySet();
        volatile boolean wedged;

        Instance(ServerSocket listener) {
            this.listener = listener;
        }

        void close() {
            try {
                listener.close();
                for (Socket s : open) {
                    s.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    StandIn(byte[] magic, Mode mode, int port) throws IOException {
        this.magic = magic.clone();
        this.mode = mode;
        listen(port);
    }

    public static void main(String[] args) throws Exception {
        new StandIn(HexFormat.of().parseHex(args[2]), Mode.valueOf(args[1]), Integer.parseInt(args[0]));
        Thread.sleep(Long.MAX_VALUE);
    }

    private void listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        Instance i = new Instance(s);
        current = i;
        Thread t = new Thread(() -> accept(i), "stand-in-accept");
        t.setDaemon(true);
        t.start();
    }

    private void accept(Instance i) {
        try {
            while (true) {
                Socket c = i.listener.accept();
                i.open.add(c);
                Thread t = new Thread(() -> serve(i, c), "stand-in-conn");
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed: crashed or restarted
        }
    }

    private void serve(Instance i, Socket c) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int done = 0;
        try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
            byte[] b = new byte[4096];
            int n;
            while ((n = in.read(b)) >= 0) {
                got.write(b, 0, n);
                byte[] all = got.toByteArray();
                if (contains(all, magic)) {
                    trip(i);
                    return;
                }
                while (all.length - done >= 16) {
                    if (u32(all, done + 4) != 0xB00BFACE) {
                        return; // not framed: close, as a server would
                    }
                    long total = 16 + (u32(all, done + 8) & 0xFFFFFFFFL);
                    if (total > 65536) {
                        return;
                    }
                    if (all.length - done < total) {
                        break;
                    }
                    int mid = total >= 40 ? u32(all, done + 36) : 0;
                    done += (int) total;
                    if (!i.wedged) {
                        answer(out, mid);
                    }
                }
            }
        } catch (IOException e) {
            // the peer went away
        } finally {
            i.open.remove(c);
        }
    }

    private static void answer(OutputStream out, int mid) throws IOException {
        if (mid == READ_BLOCK) {
            out.write(reply(0x00040011));
            out.write(new byte[] {0, 0, 0, 0, 1, 4, 8, 0});
        } else if (mid == START_PLAYING) {
            out.write(reply(0x00040005));
            out.write(new byte[] {0, 0, 0, 0, 1, 0, 8, 0});
        } else {
            out.write(reply(0x00040001));
        }
    }

    private void trip(Instance i) {
        switch (mode) {
            case CRASH -> i.close();
            case HANG -> i.wedged = true;
            case EXIT -> Runtime.getRuntime().halt(3);
        }
    }

    /** A 48-byte command packet with {@code mid} at offset 36. */
    static byte[] reply(int mid) {
        byte[] p = new byte[48];
        p[0] = 1;
        put(p, 4, 0xB00BFACE);
        put(p, 8, 32);
        p[12] = 'M';
        p[13] = 'M';
        p[14] = 'S';
        p[15] = ' ';
        put(p, 16, 4);
        put(p, 36, mid);
        return p;
    }

    private static void put(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public InetSocketAddress address(SessionPlan.Transport transport) {
        return (InetSocketAddress) current.listener.getLocalSocketAddress();
    }

    @Override
    public Reproducer.Target describe() {
        return new Reproducer.Target("stand-in", null, null);
    }

    @Override
    public void restart(BooleanSupplier healthy) throws InterruptedException {
        close();
        try {
            listen(0);
        } catch (IOException e) {
            throw new CampaignException("stand-in: " + e.getMessage());
        }
        AddressTarget.waitFor(healthy, java.time.Duration.ofSeconds(5), () -> new CampaignException("stand-in down"));
    }

    @Override
    public void close() {
        current.close();
    }
}
