package org.mmsspec.server.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;

@MockMmsServerTest(scenario = "wms2008")
class AnnotatedExtensionTest {

    @Test
    void runsTheNamedBundledScenario(MockMmsServer server, EventLog events) {
        assertThat(server.scenario().name()).isEqualTo("wms2008");
        assertThat(server.events()).isSameAs(events);
        assertThat(server.isListening(Protocol.MMST)).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port(Protocol.MMST)).close())
                .isInstanceOf(ConnectException.class);
    }
}
