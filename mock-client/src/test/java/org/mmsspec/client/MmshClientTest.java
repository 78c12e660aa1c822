package org.mmsspec.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The MMSH client against the reference mock server. */
@Timeout(30)
class MmshClientTest {

    static final AsfFile SAMPLE = AsfFile.sample();
    static MockMmsServer server;
    MmshClient client;

    @BeforeAll
    static void start() {
        server = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    MmshClient client() {
        return new MmshClient("127.0.0.1", server.port(Protocol.MMSH), Duration.ofSeconds(5));
    }

    @Test
    void describeBringsTheHeaderAndAClientId() {
        MmshClient c = client();
        MmshResponse r = c.describe("/sample.asf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.complete()).isTrue();
        assertThat(r.clientId()).isPositive();
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.ms.wms-hdr.asfv1");
        assertThat(r.head().pragmas()).contains("features=\"seekable,stridable\"");
        assertThat(r.asfHeader()).isEqualTo(SAMPLE.mmsHeader());
        assertThat(r.packets()).last().isInstanceOf(MmshHeader.class);
        assertThat(c.transcript().violations()).isEmpty();
        assertThat(c.transcript().render()).contains("c2s http_head", "GET /sample.asf HTTP/1.0", "$H MmshHeader");
    }

    @Test
    void playAfterDescribeBringsEveryDataPacketAndEnd() {
        MmshClient c = client();
        long id = c.describe("/sample.asf").clientId();
        String entries = "stream-switch-entry=" + String.join(" ",
                SAMPLE.streams().stream().map(s -> "ffff:" + s.number() + ":0").toList());
        MmshResponse r = c.play("/sample.asf", "client-id=" + id,
                "stream-switch-count=" + SAMPLE.streams().size(), entries);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.complete()).as("ended by %s", r.end().summary()).isTrue();
        List<DataPacket> data = r.data();
        assertThat(data).hasSize(SAMPLE.packetCount());
        assertThat(r.asfHeader()).isEqualTo(SAMPLE.mmsHeader());
        List<MmshPacket> ps = r.packets();
        assertThat(ps.get(ps.size() - 1)).isInstanceOfSatisfying(MmshEnd.class, e -> assertThat(e.Reason()).isZero());
        assertThat(c.transcript().violations()).isEmpty();
    }

    @Test
    void chunkedPlayIsDechunked() {
        MmshClient c = client();
        MmshResponse r = c.play("/sample.asf", "version11-enabled=1", "stream-switch-count=2",
                "stream-switch-entry=ffff:1:0 ffff:2:0 ");
        assertThat(r.head().chunked()).isTrue();
        assertThat(r.complete()).as("ended by %s", r.end().summary()).isTrue();
        assertThat(r.data()).hasSize(SAMPLE.packetCount());
    }

    @Test
    void aBoundedPlayStopsReadingAndSaysSo() {
        // a real-time server streams for seconds; the bound ends the read long before
        try (MockMmsServer paced = MockMmsServer.start(Scenario.builder().pacing(Pacing.REALTIME).build())) {
            MmshClient c = new MmshClient("127.0.0.1", paced.port(Protocol.MMSH), Duration.ofSeconds(5))
                    .readAtMost(3, Duration.ofSeconds(10));
            MmshResponse r = c.play("/sample.asf", "stream-switch-count=2", "stream-switch-entry=ffff:1:0 ffff:2:0");
            assertThat(r.cut()).as("ended by %s", r.end().summary()).isTrue();
            assertThat(r.complete()).isFalse();
            assertThat(r.frames().size()).isBetween(3, SAMPLE.packetCount());
            assertThat(c.transcript().render()).contains("the client stopped reading");
        }
    }

    @Test
    void postSendsItsBodyWithContentLength() {
        MmshClient c = client();
        long id = c.describe("/sample.asf").clientId();
        MmshResponse r = c.post("/sample.asf", List.of("xKeepAliveInPause=1", "client-id=" + id), null, new byte[0]);
        assertThat(r.status()).isEqualTo(200);
        assertThat(c.transcript().render()).contains("POST /sample.asf HTTP/1.0", "Content-Length: 0");
    }
}
