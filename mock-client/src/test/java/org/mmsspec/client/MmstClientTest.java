package org.mmsspec.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The MMST client against the reference mock server. */
@Timeout(30)
class MmstClientTest {

    static final AsfFile SAMPLE = AsfFile.sample();
    static MockMmsServer server;

    @BeforeAll
    static void start() {
        server = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static MmstClient connect() {
        return MmstClient.connect("127.0.0.1", server.port(Protocol.MMST), Duration.ofSeconds(5));
    }

    @Test
    void happyPathReceivesTheWholeHeaderEveryDataPacketAndEndOfStream() {
        try (MmstClient c = connect()) {
            Session s = c.happyPath("sample.asf");
            assertThat(s.header().bytes()).isEqualTo(SAMPLE.mmsHeader());
            assertThat(s.header().streamNumbers()).containsExactlyInAnyOrderElementsOf(
                    SAMPLE.streams().stream().map(AsfFile.Stream::number).toList());
            List<DataPacket> data = s.readAll();
            assertThat(data).hasSize(SAMPLE.packetCount());
            for (int i = 0; i < data.size(); i++) {
                assertThat(data.get(i).LocationId()).as("LocationId of packet %d", i).isEqualTo(i);
            }
            assertThat(s.endOfStream()).hasValueSatisfying(eos -> assertThat(eos.hr()).isZero());
            assertThat(s.end()).isInstanceOf(Outcome.Received.class);
            // Every received unit conforms: data packet 16, whose AFFlags sequence number is 0x10, included.
            assertThat(c.transcript().entries(e -> !e.violations().isEmpty())).isEmpty();
            assertThat(c.nextSeq()).isEqualTo(7); // Connect..StartPlaying, seq counted from 0
            String text = c.transcript().render();
            assertThat(text).contains("c2s command", "LinkViewerToMacConnect", "s2c data",
                    "LinkMacToViewerReportEndOfStream", "subscriberName=NSPlayer/9.0.0.2980");
        }
    }

    @Test
    void oneByteSegmentsStillGetTheReply() {
        try (MmstClient c = connect()) {
            int size = org.mmsspec.codec.mmsp.CommandPacketCodec.encode(0,
                    LinkViewerToMacConnect.of(MmstClient.NSPLAYER)).length;
            c.sendSplit(LinkViewerToMacConnect.of(MmstClient.NSPLAYER), 1);
            LinkMacToViewerReportConnectedEX ex = c.expect(LinkMacToViewerReportConnectedEX.class);
            assertThat(ex.ServerVersionInfo()).isNotEmpty();
            assertThat(c.lastReceived().violations()).isEmpty();
            assertThat(c.transcript().entries().stream().map(TranscriptEntry::note))
                    .contains("in " + size + " segments of 1");
        }
    }

    @Test
    void segmentsCutEverySendAndTheSequenceStillPlays() {
        try (MmstClient c = connect().segments(3)) {
            Session s = c.happyPath("sample.asf");
            assertThat(s.iterator().hasNext()).isTrue();
            assertThat(c.transcript().entries().stream().map(TranscriptEntry::note))
                    .anyMatch(n -> n != null && n.endsWith("segments of 3"));
        }
    }

    @Test
    void receivedUnitsKeepTheirOwnBytes() {
        try (MmstClient c = connect()) {
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            Outcome o = c.receive();
            assertThat(o).isInstanceOfSatisfying(Outcome.Received.class, r -> {
                assertThat(r.message(LinkMacToViewerReportConnectedEX.class)).isPresent();
                // messageLength + 16 is the packet's size on the wire
                assertThat((long) r.entry().raw().length())
                        .isEqualTo(r.command().orElseThrow().header().messageLength() + 16);
            });
        }
    }

    @Test
    void garbageMakesTheServerCloseAndExpectCloseSeesIt() {
        try (MmstClient c = connect()) {
            c.sendRaw(new byte[] {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00});
            Outcome closed = c.expectClose(Duration.ofSeconds(10));
            assertThat(closed).isInstanceOfAny(Outcome.Eof.class, Outcome.Reset.class);
            assertThat(c.transcript().entries(e -> e.kind() == TranscriptEntry.Kind.RAW)).hasSize(1);
        }
    }

    @Test
    void resyncSkipsGarbageToTheNextCommandPacketWhereTheDefaultLosesTheStream() {
        Faults garbage = new Faults(java.util.Map.of(), java.util.Set.of(), List.of(), false, false, null,
                "LinkMacToViewerReportConnectedEX", 0x0C);
        try (MockMmsServer s = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).faults(garbage).build())) {
            for (boolean resync : new boolean[] {false, true}) {
                try (MmstClient c = MmstClient.connect("127.0.0.1", s.port(Protocol.MMST), Duration.ofSeconds(5))
                        .resync(resync)) {
                    c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
                    c.expect(LinkMacToViewerReportConnectedEX.class);
                    c.send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
                    Outcome o = c.receive();
                    if (resync) {
                        assertThat(o).isInstanceOfSatisfying(Outcome.Received.class, r -> assertThat(
                                r.message(LinkMacToViewerReportFunnelInfo.class)).isPresent());
                    } else {
                        assertThat(o).isInstanceOf(Outcome.Lost.class);
                    }
                }
            }
        }
    }
}
