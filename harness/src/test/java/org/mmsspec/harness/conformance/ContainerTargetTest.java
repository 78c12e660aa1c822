package org.mmsspec.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.mmsspec.cases.Verdict;

/** -Dtarget.image: without a Docker engine (this machine and CI have none) every case skips and says why. */
class ContainerTargetTest {

    static final String IMAGE = "mmsspec/no-such-server:1";

    @TempDir
    Path reports;

    @Test
    void withoutDockerEveryCaseSkipsSayingSo() {
        assumeTrue(ContainerTarget.dockerMissing().isPresent(), "a Docker engine is here");
        Properties p = new Properties();
        p.setProperty("target.image", IMAGE);
        p.setProperty("target.image.ports", "1755,80");
        try (ServerRun run = ServerRun.prepare(RunOptions.from(p, reports))) {
            RunReport report = run.runAll(r -> { });
            assertThat(report.target()).isEqualTo("image " + IMAGE);
            assertThat(report.results()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.verdict()).isEqualTo(Verdict.SKIP);
                assertThat(r.message()).startsWith("no Docker engine to start the image " + IMAGE)
                        .endsWith("start Docker or give -Dtarget=HOST:PORT");
            });
            assertThat(report.failing()).isEmpty();
        }
    }

    @Test
    void imagePortsAreTheMmsPortAndTheMmshPort() {
        Properties p = new Properties();
        p.setProperty("target.image.ports", "1755, 80");
        assertThat(RunOptions.from(p, reports).imagePorts()).isEqualTo(List.of(1755, 80));
        assertThat(RunOptions.defaults().imagePorts()).isEmpty();
        p.setProperty("target.image.ports", "1755,eighty");
        assertThatThrownBy(() -> RunOptions.from(p, reports)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be numbers");
        p.setProperty("target.image.ports", "1,2,3");
        assertThatThrownBy(() -> RunOptions.from(p, reports)).isInstanceOf(IllegalArgumentException.class);
    }
}
