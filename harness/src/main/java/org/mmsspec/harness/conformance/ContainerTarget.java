package org.mmsspec.harness.conformance;

import java.util.Optional;

import org.mmsspec.cases.server.Target;

/** A target started from a container image ({@code -Dtarget.image}). */
final class ContainerTarget {

    private ContainerTarget() {
    }

    static TargetHandle open(RunOptions o) {
        String image = o.targetImage().orElseThrow();
        Target placeholder = Target.parse("127.0.0.1:1755", o.media());
        return new TargetHandle(new Target("image " + image, placeholder.host(), 1755, 1755, o.media(),
                Optional.empty(), Optional.empty(), Optional.empty(), false), null,
                Optional.of("container targets need Testcontainers, which this build does not include yet"));
    }
}
