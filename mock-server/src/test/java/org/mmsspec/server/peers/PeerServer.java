package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsp.MmstServer;
import org.mmsspec.server.mmsp.PacketSource;
import org.mmsspec.server.scenario.Scenario;

/**
 * The mock server as the peer tests run it, with what the server side saw: the event log, the MMST transcripts, and
 * for each MMST session which Data packets it handed out (the event log says when streaming starts, not that the whole
 * file went out).
 */
final class PeerServer implements AutoCloseable {

    /** The ASF packets, noting each index a session asked for. */
    static final class CountingPackets implements PacketSource {
        private final PacketSource real = PacketSource.asf();
        final Set<Integer> asked = ConcurrentHashMap.newKeySet();

        @Override
        public byte[] packet(AsfFile file, int i, Set<Integer> streams, boolean keepPadding) {
            asked.add(i);
            return real.packet(file, i, streams, keepPadding);
        }

        @Override
        public long sendTimeMillis(AsfFile file, int i) {
            return real.sendTimeMillis(file, i);
        }

        @Override
        public int packetForTime(AsfFile file, double seconds) {
            return real.packetForTime(file, seconds);
        }

        @Override
        public int packetForOffset(AsfFile file, long asfOffset) {
            return real.packetForOffset(file, asfOffset);
        }
    }

    final MockMmsServer server;
    final MmstServer mmst;
    private final List<CountingPackets> sessions = new CopyOnWriteArrayList<>();

    private PeerServer(Scenario scenario) {
        this.mmst = new MmstServer(() -> {
            CountingPackets p = new CountingPackets();
            sessions.add(p);
            return p;
        });
        this.server = MockMmsServer.start(scenario, ServerOptions.defaults().withServer(Protocol.MMST, mmst));
    }

    static PeerServer start(Scenario scenario) {
        return new PeerServer(scenario);
    }

    EventLog events() {
        return server.events();
    }

    /** How many MMST sessions were handed every packet of {@code file}. */
    long mmstSessionsThatSentAll(AsfFile file) {
        return sessions.stream().filter(s -> s.asked.size() == file.packetCount()).count();
    }

    /**
     * Asserts that a connection of {@code p} made a REQUEST and then reached STREAMING, and returns its number.
     */
    long assertStreamed(Protocol p) {
        List<ConnectionEvent> all = events().events();
        ConnectionEvent streaming = all.stream().filter(e -> e.what() == What.STREAMING && e.protocol() == p)
                .findFirst().orElseThrow(() -> new AssertionError("no " + p + " STREAMING in " + log()));
        assertThat(all).as(log()).anySatisfy(e -> {
            assertThat(e.what()).isEqualTo(What.REQUEST);
            assertThat(e.protocol()).isEqualTo(p);
            assertThat(e.connection()).isEqualTo(streaming.connection());
            assertThat(e.sequence()).isLessThan(streaming.sequence());
        });
        return streaming.connection();
    }

    /** The events of one connection, in order. */
    List<ConnectionEvent> of(long connection) {
        return events().events(e -> e.connection() == connection);
    }

    /** The whole log, one event a line, for assertion messages. */
    String log() {
        StringBuilder b = new StringBuilder("event log:\n");
        events().events().forEach(e -> b.append("  ").append(e).append('\n'));
        return b.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
