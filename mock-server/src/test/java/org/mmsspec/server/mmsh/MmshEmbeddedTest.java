package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.mmsspec.server.Connection;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerContext;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The handlers alone on an EmbeddedChannel: what goes out for what comes in, without sockets. */
class MmshEmbeddedTest {

    final EventLog events = new EventLog();

    EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Scenario sc = Scenario.builder().pacing(Pacing.FAST).build();
        new MmshServer().install(ch.pipeline(), new ServerContext(sc, events),
                new Connection(1, Protocol.MMSH, 80, new InetSocketAddress("127.0.0.1", 40000), events));
        return ch;
    }

    String sent(EmbeddedChannel ch) {
        StringBuilder b = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null;) {
            ByteBuf buf = (ByteBuf) o;
            b.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return b.toString();
    }

    @Test
    void garbageGetsA400AndAProtocolError() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.copiedBuffer("\u0001\u0002 nonsense\r\n\r\n", StandardCharsets.ISO_8859_1));
        ch.runPendingTasks();
        assertThat(sent(ch)).startsWith("HTTP/1.0 400");
        assertThat(events.events(e -> e.what() == ConnectionEvent.What.PROTOCOL_ERROR)).hasSize(1);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void describeByteByByteIsAnsweredOnce() {
        EmbeddedChannel ch = channel();
        byte[] req = "GET /sample.asf HTTP/1.0\r\nUser-Agent: NSPlayer/7.0\r\nPragma: no-cache\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : req) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        ch.runPendingTasks();
        String out = sent(ch);
        assertThat(out).startsWith("HTTP/1.0 200 OK\r\n").contains("Server: Cougar/").contains("$H");
        assertThat(events.events(e -> e.what() == ConnectionEvent.What.REQUEST)).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("GET /sample.asf DESCRIBE"));
    }

    @Test
    void oversizedHeadersAreRefused() {
        EmbeddedChannel ch = channel();
        String big = "GET /sample.asf HTTP/1.0\r\nUser-Agent: NSPlayer/7.0\r\nPragma: " + "x".repeat(40_000)
                + "\r\n\r\n";
        ch.writeInbound(Unpooled.copiedBuffer(big, StandardCharsets.ISO_8859_1));
        ch.runPendingTasks();
        assertThat(sent(ch)).matches("(?s)HTTP/1\\.[01] 4\\d\\d.*");
    }
}
