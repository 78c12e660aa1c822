package org.mmsspec.harness.fuzz;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.PlantedBug;
import org.mmsspec.server.scenario.Recording;
import org.mmsspec.server.scenario.Scenario;

/**
 * The reference mock server in this JVM, with its planted bugs: a crash makes it stop listening, as a dead process
 * would, so a restart is a new instance (on new ports).
 */
final class EmbeddedTarget implements ServerTarget {

    private static final Duration COME_BACK = Duration.ofSeconds(10);

    private final List<PlantedBug> planted;
    private final Scenario scenario;
    private volatile MockMmsServer server;

    EmbeddedTarget(List<PlantedBug> planted) {
        this.planted = List.copyOf(planted);
        AsfFile sample = AsfFile.sample();
        this.scenario = Scenario.builder().name("reference").media(ReferenceServers.MEDIA, sample)
                .media(ReferenceServers.PLAYLIST, sample, sample).pacing(Pacing.FAST)
                // a campaign runs millions of sessions: keep only the latest events and transcripts
                .recording(Recording.BOUNDED).plant(planted.toArray(PlantedBug[]::new)).build();
        this.server = MockMmsServer.start(scenario);
    }

    @Override
    public InetSocketAddress address(SessionPlan.Transport transport) {
        MockMmsServer s = server;
        return new InetSocketAddress(s.host(), s.port(transport == SessionPlan.Transport.MMSH ? Protocol.MMSH
                : Protocol.MMST));
    }

    @Override
    public Reproducer.Target describe() {
        return new Reproducer.Target(null, null, planted.stream().map(PlantedBug::label).toList());
    }

    @Override
    public void restart(BooleanSupplier healthy) throws InterruptedException {
        server.close();
        server = MockMmsServer.start(scenario);
        AddressTarget.waitFor(healthy, COME_BACK, () -> new CampaignException("the embedded reference server did "
                + "not come back after a restart"));
    }

    /** The server running now (a restart replaces it). */
    MockMmsServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
