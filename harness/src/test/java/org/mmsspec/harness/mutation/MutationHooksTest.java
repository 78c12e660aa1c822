package org.mmsspec.harness.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.PacketType;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Payload;

/**
 * Each hook of {@link Mutation} is reached by what it names, and what it returns is what goes on the wire: otherwise
 * a mutant would survive for want of a fault, not of a case.
 */
class MutationHooksTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Records every hook it sees; changes nothing. */
    static final class Spy implements Mutation {
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Set<Payload> payloads = ConcurrentHashMap.newKeySet();
        final Set<PacketType> frames = ConcurrentHashMap.newKeySet();

        @Override
        public MmsMessage received(MmsMessage message) {
            seen.add("received " + message.type().name());
            return message;
        }

        @Override
        public byte[] reply(CommandPacket packet, byte[] encoded) {
            seen.add("reply " + packet.messages().get(0).type().name());
            return encoded;
        }

        @Override
        public byte[] data(Payload payload, DataPacket packet, byte[] encoded) {
            payloads.add(payload);
            return encoded;
        }

        @Override
        public void request(HttpRequest request) {
            seen.add("request " + request.method());
        }

        @Override
        public void head(HttpResponse response) {
            seen.add("head " + response.status().code());
        }

        @Override
        public byte[] frame(MmshPacket packet, byte[] encoded) {
            frames.add(packet.type());
            return encoded;
        }
    }

    @Test
    void everyHookIsReachedOnThePathItNames() {
        Spy spy = new Spy();
        try (ReferenceServers ref = ReferenceServers.start(b -> b.mutation(spy))) {
            try (MmstClient c = MmstClient.connect("127.0.0.1", ref.mmsPort(), TIMEOUT)) {
                c.happyPath(ReferenceServers.PLAYLIST).readAll();
            }
            MmshClient h = new MmshClient("127.0.0.1", ref.httpPort(), TIMEOUT);
            h.describe(ReferenceServers.MEDIA);
            h.play(ReferenceServers.PLAYLIST);
        }
        assertThat(spy.seen).contains("received LinkViewerToMacConnect", "received LinkViewerToMacStartPlaying",
                "reply LinkMacToViewerReportConnectedEX", "reply LinkMacToViewerReportStreamChange",
                "request GET", "head 200");
        assertThat(spy.payloads).isEqualTo(EnumSet.of(Payload.ASF_HEADER, Payload.ASF_DATA));
        assertThat(spy.frames).contains(PacketType.H, PacketType.E, PacketType.C);
    }

    @Test
    void whatAHookReturnsIsWhatTheClientGets() {
        Mutant seal = MutationHarnessTest.all().stream().filter(m -> m.name().equals("seal is \"MMS!\"")).findFirst()
                .orElseThrow();
        try (ReferenceServers ref = ReferenceServers.start(seal.inject());
                MmstClient c = MmstClient.connect("127.0.0.1", ref.mmsPort(), TIMEOUT)) {
            c.happyPath(ReferenceServers.MEDIA);
            assertThat(c.transcript().violations()).isNotEmpty().allSatisfy(v -> {
                assertThat(v.section()).isEqualTo(Section.mmsp("2.2.3"));
                assertThat(v.field()).isEqualTo("seal");
            });
        }
    }
}
