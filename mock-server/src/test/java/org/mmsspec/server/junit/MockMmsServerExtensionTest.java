package org.mmsspec.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

class MockMmsServerExtensionTest {

    @RegisterExtension
    static MockMmsServerExtension mms = MockMmsServerExtension.with(Scenario.builder()
            .pacing(Pacing.FAST)
            .behaviour(Protocol.MMST, Behaviour.RESET));

    @Test
    void givesARunningServerOnEphemeralPorts(MockMmsServer server) {
        assertThat(server).isSameAs(mms.server());
        assertThat(mms.url(Protocol.MMSH, "sample.asf"))
                .isEqualTo("mmsh://127.0.0.1:" + server.port(Protocol.MMSH) + "/sample.asf");
        assertThat(server.port(Protocol.MMSH)).isPositive();
    }

    @Test
    void logsWhatAClientDid() throws Exception {
        try (Socket s = new Socket("127.0.0.1", mms.port(Protocol.MMST))) {
            s.getInputStream().read(); // the listener resets at once
        } catch (java.net.SocketException expected) {
            // reset
        }
        ConnectionEvent reset = mms.events().await(e -> e.what() == ConnectionEvent.What.RESET, Duration.ofSeconds(5));
        assertThat(reset.protocol()).isEqualTo(Protocol.MMST);
    }

    @Test
    void sameServerForEveryTestOfTheClass(MockMmsServer server) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port(Protocol.MMSH))) {
            OutputStream out = s.getOutputStream();
            out.write("GET /sample.asf HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read();
        }
        assertThat(mms.events().await(e -> e.protocol() == Protocol.MMSH, Duration.ofSeconds(5))).isNotNull();
    }
}
