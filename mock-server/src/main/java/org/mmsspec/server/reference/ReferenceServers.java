package org.mmsspec.server.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * The reference a conformance run goes against when no target is given: one conformant server that serves the
 * bundled sample and a two-entry playlist, one that asks for BASIC credentials, and one that redirects every
 * OpenFile to the first. Data packets go as fast as the client takes them, so a run is quick.
 *
 * @param main     MMST, MMSU and MMSH on ports of their own; {@link #MEDIA} and {@link #PLAYLIST}
 * @param auth     the same, behind {@link #USER} / {@link #PASSWORD}
 * @param redirect answers OpenFile with ReportRedirect (and MMSH with 302) to {@code main}'s sample
 * @param idle     the same as {@code main}, with an Idle-Timeout of {@link #IDLE_TIMEOUT} instead of the hour the spec
 *                 recommends, so that the timer's case can see it expire
 * @param paced    the same as {@code main}, sending Data packets at their send times as real servers do, so that a
 *                 request can reach a session while it is still streaming
 */
public record ReferenceServers(MockMmsServer main, MockMmsServer auth, MockMmsServer redirect, MockMmsServer idle,
        MockMmsServer paced) implements AutoCloseable {

    public static final String MEDIA = "sample.asf";
    public static final String PLAYLIST = "playlist.asf";
    public static final String USER = "mmsspec";
    public static final String PASSWORD = "reference";
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);

    /** The conformant reference. */
    public static ReferenceServers start() {
        return start(UnaryOperator.identity());
    }

    /**
     * The reference with {@code change} applied to each of its scenarios: how the mutation harness injects one fault
     * into all three.
     */
    public static ReferenceServers start(UnaryOperator<Scenario.Builder> change) {
        AsfFile sample = AsfFile.sample();
        Scenario base = change.apply(Scenario.builder().name("reference").media(MEDIA, sample)
                .media(PLAYLIST, sample, sample).pacing(Pacing.FAST)).build();
        List<MockMmsServer> started = new ArrayList<>();
        try {
            MockMmsServer main = start(started, base);
            MockMmsServer auth = start(started, base.toBuilder().name("reference-auth")
                    .credentials(USER, PASSWORD).build());
            MockMmsServer redirect = start(started, base.toBuilder().name("reference-redirect")
                    .redirect(main.mmsUrl(MEDIA)).build());
            MockMmsServer idle = start(started, base.toBuilder().name("reference-idle")
                    .idleTimeout(IDLE_TIMEOUT).build());
            MockMmsServer paced = start(started, base.toBuilder().name("reference-paced")
                    .pacing(Pacing.REALTIME).build());
            return new ReferenceServers(main, auth, redirect, idle, paced);
        } catch (RuntimeException e) {
            started.forEach(MockMmsServer::close);
            throw e;
        }
    }

    private static MockMmsServer start(List<MockMmsServer> started, Scenario s) {
        MockMmsServer server = MockMmsServer.start(s);
        started.add(server);
        return server;
    }

    public int mmsPort() {
        return main.port(Protocol.MMST);
    }

    public int httpPort() {
        return main.port(Protocol.MMSH);
    }

    @Override
    public void close() {
        main.close();
        auth.close();
        redirect.close();
        idle.close();
        paced.close();
    }
}
