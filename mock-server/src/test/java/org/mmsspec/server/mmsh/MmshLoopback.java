package org.mmsspec.server.mmsh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.MmshStreamFramer;
import org.mmsspec.server.Connection;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.scenario.Scenario;

/** A minimal Netty listener that hands every connection to an {@link MmshServer}, and a raw HTTP client for it. */
final class MmshLoopback implements AutoCloseable {

    final EventLog events = new EventLog();
    final MmshServer server;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    final int port;

    MmshLoopback(Scenario scenario) throws InterruptedException {
        this(scenario, new MmshServer());
    }

    MmshLoopback(Scenario scenario, MmshServer server) throws InterruptedException {
        this.server = server;
        ServerContext context = new ServerContext(scenario, events);
        channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Connection c = new Connection(events.nextConnection(), Protocol.MMSH,
                                ch.localAddress().getPort(), ch.remoteAddress(), events);
                        server.install(ch.pipeline(), context, c);
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        port = ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** A response as read off the socket: status line, headers in order, the body de-chunked, the header size. */
    record Response(String statusLine, List<Map.Entry<String, String>> headers, byte[] body, int headerBytes,
            boolean endedWithZeroChunk) {
        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .toList();
        }

        /** Every packet of the body, framed and decoded strictly. */
        List<MmshStreamFramer.Frame> frames() {
            List<MmshStreamFramer.Frame> out = new ArrayList<>();
            MmshStreamFramer framer = new MmshStreamFramer(DecodeOptions.STRICT);
            for (MmshStreamFramer.Unit u : framer.feed(body)) {
                if (!(u instanceof MmshStreamFramer.Frame f)) {
                    throw new AssertionError("undecodable packet: " + u);
                }
                out.add(f);
            }
            framer.finish();
            return out;
        }

        /** The packets of a body that must conform. */
        List<MmshPacket> packets() {
            List<MmshPacket> out = new ArrayList<>();
            MmshStreamFramer framer = new MmshStreamFramer(DecodeOptions.STRICT);
            for (MmshStreamFramer.Unit u : framer.feed(body)) {
                if (!(u instanceof MmshStreamFramer.Frame f)) {
                    throw new AssertionError("undecodable packet: " + u);
                }
                if (!f.decoded().violations().isEmpty()) {
                    throw new AssertionError("violations in " + f.decoded().value() + ": "
                            + f.decoded().violations());
                }
                out.add(f.decoded().value());
            }
            framer.finish();
            return out;
        }
    }

    /** The bytes of a whole response as they came off the socket, and how many reads brought them. */
    record Raw(byte[] bytes, int reads) {
        Response response() throws IOException {
            return parse(bytes);
        }
    }

    /** Sends {@code request} (CRLFs added) and reads until the server closes. */
    Response send(String method, String path, Map<String, String> headers, List<String> pragmas, String body)
            throws IOException {
        return raw(method, path, headers, pragmas, body).response();
    }

    /** As {@link #send}, counting the reads: each returns what the socket holds, up to 64 KiB. */
    Raw raw(String method, String path, Map<String, String> headers, List<String> pragmas, String body)
            throws IOException {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
        req.append("Host: 127.0.0.1:").append(port).append("\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        pragmas.forEach(p -> req.append("Pragma: ").append(p).append("\r\n"));
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            req.append("Content-Length: ").append(b.length).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(b);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int reads = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
                reads += n > 0 ? 1 : 0;
            }
            return new Raw(all.toByteArray(), reads);
        }
    }

    Response get(String path, String userAgent, String... pragmas) throws IOException {
        return send("GET", path, Map.of("User-Agent", userAgent), List.of(pragmas), null);
    }

    static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no end of headers in " + raw.length + " bytes");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, c), lines[i].substring(c + 1).strip()));
        }
        int headerBytes = end + 4;
        byte[] body = java.util.Arrays.copyOfRange(raw, headerBytes, raw.length);
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        boolean zero = false;
        if (chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            while (pos < body.length) {
                int eol = indexOf(java.util.Arrays.copyOfRange(body, pos, body.length),
                        "\r\n".getBytes(StandardCharsets.ISO_8859_1));
                int size = Integer.parseInt(new String(body, pos, eol, StandardCharsets.ISO_8859_1).strip(), 16);
                pos += eol + 2;
                if (size == 0) {
                    zero = true;
                    break;
                }
                out.write(body, pos, size);
                pos += size + 2;
            }
            body = out.toByteArray();
        }
        return new Response(lines[0], headers, body, headerBytes, zero);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
