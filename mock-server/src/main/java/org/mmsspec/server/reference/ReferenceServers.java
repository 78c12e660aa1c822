package org.mmsspec.server.reference;

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
 */
public record ReferenceServers(MockMmsServer main, MockMmsServer auth, MockMmsServer redirect)
        implements AutoCloseable {

    public static final String MEDIA = "sample.asf";
    public static final String PLAYLIST = "playlist.asf";
    public static final String USER = "mmsspec";
    public static final String PASSWORD = "reference";

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
        MockMmsServer main = MockMmsServer.start(base);
        MockMmsServer auth = null;
        try {
            auth = MockMmsServer.start(base.toBuilder().name("reference-auth").credentials(USER, PASSWORD).build());
            MockMmsServer redirect = MockMmsServer.start(base.toBuilder().name("reference-redirect")
                    .redirect(main.mmsUrl(MEDIA)).build());
            return new ReferenceServers(main, auth, redirect);
        } catch (RuntimeException e) {
            main.close();
            if (auth != null) {
                auth.close();
            }
            throw e;
        }
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
    }
}
