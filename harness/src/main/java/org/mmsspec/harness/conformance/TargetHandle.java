package org.mmsspec.harness.conformance;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.mmsspec.cases.server.Target;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Scenario;

/**
 * The target of a run and what must be stopped with it: nothing for a given {@code host:port}, the embedded
 * reference servers otherwise.
 *
 * @param unavailable why no case can run at all (a container image without a Docker engine), or empty
 */
public record TargetHandle(Target target, AutoCloseable owned, Optional<String> unavailable)
        implements AutoCloseable {

    /** The target {@code o} names, started where it is the reference or an image. */
    public static TargetHandle open(RunOptions o) {
        return open(o, UnaryOperator.identity());
    }

    /** As {@link #open(RunOptions)}, with {@code reference} applied to the embedded reference's scenarios. */
    static TargetHandle open(RunOptions o, UnaryOperator<Scenario.Builder> reference) {
        if (o.targetImage().isPresent()) {
            return ContainerTarget.open(o);
        }
        if (o.target().isPresent()) {
            return new TargetHandle(given(o, Target.parse(o.target().get(), o.media())), null, Optional.empty());
        }
        ReferenceServers ref = ReferenceServers.start(reference);
        Target t = new Target("reference", "127.0.0.1", ref.mmsPort(), ref.httpPort(), ReferenceServers.MEDIA,
                Optional.of(new Target.Auth(endpoint(ref.auth(), ReferenceServers.MEDIA), ReferenceServers.USER,
                        ReferenceServers.PASSWORD)),
                Optional.of(endpoint(ref.main(), ReferenceServers.PLAYLIST)),
                Optional.of(endpoint(ref.redirect(), ReferenceServers.MEDIA)), false,
                Optional.of(new Target.Idle(endpoint(ref.idle(), ReferenceServers.MEDIA),
                        ReferenceServers.IDLE_TIMEOUT)),
                Optional.of(endpoint(ref.paced(), ReferenceServers.MEDIA)));
        return new TargetHandle(t, ref, Optional.empty());
    }

    /** The same target for a run that must leave it running when it ends (the bench runs one reference often). */
    public TargetHandle borrowed() {
        return new TargetHandle(target, null, unavailable);
    }

    /** A given target with the run's options for MMSH port, credentials, playlist, redirect and live. */
    static Target given(RunOptions o, Target parsed) {
        return offers(o, o.httpPort().map(parsed::withHttpPort).orElse(parsed));
    }

    /** {@code t} with the run's credentials, playlist, redirect, live flag and Idle-Timeout. */
    static Target offers(RunOptions o, Target target) {
        Target t = target.withLive(o.live());
        if (o.auth().isPresent()) {
            String a = o.auth().get();
            int colon = a.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("auth must be user:pass");
            }
            t = t.withAuth(new Target.Auth(t.mediaEndpoint(), a.substring(0, colon), a.substring(colon + 1)));
        }
        if (o.playlist().isPresent()) {
            t = t.withPlaylist(at(t, o.playlist().get()));
        }
        if (o.redirect().isPresent()) {
            t = t.withRedirect(at(t, o.redirect().get()));
        }
        if (o.idle().isPresent()) {
            t = t.withIdle(new Target.Idle(t.mediaEndpoint(), o.idle().get()));
        }
        return t;
    }

    private static Target.Endpoint at(Target t, String path) {
        return new Target.Endpoint(t.host(), t.mmsPort(), t.httpPort(), path);
    }

    private static Target.Endpoint endpoint(org.mmsspec.server.MockMmsServer s, String path) {
        return new Target.Endpoint("127.0.0.1", s.port(org.mmsspec.server.Protocol.MMST),
                s.port(org.mmsspec.server.Protocol.MMSH), path);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // stopping the reference is best effort at the end of a run
            }
        }
    }
}
