package org.mmsspec.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Direction;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The frames a pcap holds: real ports, a handshake and a close per connection, and sequence numbers that add up. */
class PcapTest {

    /** One frame read back: TCP ports, sequence, acknowledgement, flags and payload length. */
    record Frame(int srcPort, int dstPort, long seq, long ack, int flags, int payload) {
    }

    static List<Frame> frames(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).isEqualTo(0xA1B2C3D4);
        b.position(24);
        List<Frame> out = new ArrayList<>();
        while (b.hasRemaining()) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            b.getInt();
            b.getInt();
            int caplen = b.getInt();
            assertThat(b.getInt()).isEqualTo(caplen);
            int start = b.position();
            b.order(ByteOrder.BIG_ENDIAN);
            int ip = start + 14;
            int ipLen = b.getShort(ip + 2) & 0xFFFF;
            assertThat(ipLen).isEqualTo(caplen - 14);
            int tcp = ip + 20;
            out.add(new Frame(b.getShort(tcp) & 0xFFFF, b.getShort(tcp + 2) & 0xFFFF, b.getInt(tcp + 4) & 0xFFFFFFFFL,
                    b.getInt(tcp + 8) & 0xFFFFFFFFL, b.get(tcp + 13) & 0xFF, ipLen - 40));
            b.position(start + caplen);
        }
        return out;
    }

    @Test
    void aSessionBecomesOneConnectionWithItsRealPortsAndConsistentSequenceNumbers() {
        try (MockMmsServer server = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build());
                MmstClient c = MmstClient.connect("127.0.0.1", server.port(Protocol.MMST), Duration.ofSeconds(2))) {
            c.happyPath("sample.asf").readAll();
            List<Frame> frames = frames(new Pcap().add(c.transcript()).toByteArray());
            int port = server.port(Protocol.MMST);
            assertThat(frames.get(0)).isEqualTo(new Frame(c.localPort(), port, 1000, 0, 0x02, 0));
            assertThat(frames.get(1)).isEqualTo(new Frame(port, c.localPort(), 5000, 1001, 0x12, 0));
            long[] next = {1001, 5001}; // client, server
            for (Frame f : frames.subList(2, frames.size())) {
                boolean fromClient = f.srcPort() == c.localPort();
                assertThat(f.dstPort()).isEqualTo(fromClient ? port : c.localPort());
                assertThat(f.seq()).as(f.toString()).isEqualTo(next[fromClient ? 0 : 1]);
                assertThat(f.ack()).as(f.toString()).isEqualTo(next[fromClient ? 1 : 0]);
                next[fromClient ? 0 : 1] += f.payload() + ((f.flags() & 0x01) != 0 ? 1 : 0);
            }
            long sent = c.transcript().entries().stream()
                    .filter(e -> e.direction() == Direction.C2S).mapToLong(e -> e.raw().length())
                    .sum();
            assertThat(next[0]).as("every byte the client sent, and its FIN").isEqualTo(1001 + sent + 1);
            assertThat(frames.get(frames.size() - 1).flags()).isEqualTo(0x10);
        }
    }

    @Test
    void eachMmshRequestIsAConnectionOfItsOwn() {
        try (MockMmsServer server = MockMmsServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            int port = server.port(Protocol.MMSH);
            MmshClient c = new MmshClient("127.0.0.1", port, Duration.ofSeconds(2));
            assertThat(c.describe("/sample.asf").status()).isEqualTo(200);
            assertThat(c.describe("/sample.asf").status()).isEqualTo(200);
            List<Frame> frames = frames(new Pcap().add(c.transcript()).toByteArray());
            List<Frame> syns = frames.stream().filter(f -> f.flags() == 0x02).toList();
            assertThat(syns).hasSize(2).allSatisfy(f -> assertThat(f.dstPort()).isEqualTo(port));
            assertThat(syns.get(0).srcPort()).isNotEqualTo(syns.get(1).srcPort());
            assertThat(frames).filteredOn(f -> f.payload() > 0 && f.dstPort() == port).hasSize(2);
        }
    }

    @Test
    void aLongPayloadIsSplitIntoFramesAnIpPacketCanHold() {
        Pcap p = new Pcap();
        p.flow(Pcap.address("127.0.0.1"), 40000, Pcap.address("127.0.0.1"), 1755)
                .segment(false, Instant.EPOCH, new byte[Pcap.MAX_SEGMENT * 2 + 10]);
        assertThat(frames(p.toByteArray())).extracting(Frame::payload, Frame::seq)
                .containsExactly(tuple(Pcap.MAX_SEGMENT, 5000L),
                        tuple(Pcap.MAX_SEGMENT, 5000L + Pcap.MAX_SEGMENT),
                        tuple(10, 5000L + 2 * Pcap.MAX_SEGMENT));
    }

    @Test
    void aHostNameStandsAsADocumentationAddressWithoutALookup() {
        assertThat(Pcap.address("media.example").getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(Pcap.address("10.1.2.3").getHostAddress()).isEqualTo("10.1.2.3");
    }
}
