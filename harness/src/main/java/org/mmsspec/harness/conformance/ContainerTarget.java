package org.mmsspec.harness.conformance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import org.mmsspec.cases.server.Target;

/**
 * A target started from a container image ({@code -Dtarget.image=IMAGE}): the image's MMS port and, where a second
 * is given ({@code -Dtarget.image.ports=1755,80}), its MMSH port are mapped to free host ports; the run starts once
 * the first accepts connections, and the container is stopped when the run ends. Without a Docker engine every case
 * skips, saying so.
 */
final class ContainerTarget {

    /** The image's ports when none are given: MMS on 1755, MMSH on the same port. */
    static final List<Integer> DEFAULT_PORTS = List.of(1755);
    static final Duration STARTUP = Duration.ofMinutes(2);

    private ContainerTarget() {
    }

    static TargetHandle open(RunOptions o) {
        String image = o.targetImage().orElseThrow();
        List<Integer> ports = o.imagePorts().isEmpty() ? DEFAULT_PORTS : o.imagePorts();
        Optional<String> noDocker = dockerMissing();
        if (noDocker.isPresent()) {
            // Placeholder ports: no case connects, each skips with the reason.
            Target t = new Target("image " + image, "127.0.0.1", ports.get(0), ports.get(ports.size() - 1),
                    o.media(), Optional.empty(), Optional.empty(), Optional.empty(), o.live());
            return new TargetHandle(t, null, Optional.of("no Docker engine to start the image " + image
                    + " (" + noDocker.get() + "); start Docker or give -Dtarget=HOST:PORT"));
        }
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(ports.toArray(Integer[]::new))
                .waitingFor(Wait.forListeningPort().withStartupTimeout(STARTUP));
        try {
            c.start();
        } catch (RuntimeException e) {
            c.close();
            throw new IllegalArgumentException("the image " + image + " did not start: " + e.getMessage(), e);
        }
        int mms = c.getMappedPort(ports.get(0));
        int http = c.getMappedPort(ports.get(ports.size() - 1));
        Target parsed = new Target("image " + image, c.getHost(), mms, http, o.media(), Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        // The MMSH port is the mapping of the image's second port, not -Dtarget.http.
        return new TargetHandle(TargetHandle.offers(o, parsed), c, Optional.empty());
    }

    /** Why no container can be started here, or empty where a Docker engine answers. */
    static Optional<String> dockerMissing() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("Testcontainers found no Docker environment");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Testcontainers cannot reach Docker: " + e.getMessage());
        }
    }
}
