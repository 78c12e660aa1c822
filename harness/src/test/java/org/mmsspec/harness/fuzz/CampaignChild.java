package org.mmsspec.harness.fuzz;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** A campaign on a {@link ArithmeticDriver} in a JVM of its own, for the test that kills it: args OUT RESUME. */
final class CampaignChild {

    private CampaignChild() {
    }

    public static void main(String[] args) throws Exception {
        FuzzOptions o = new FuzzOptions(42, Duration.ofMinutes(2), Long.MAX_VALUE, Path.of(args[0]),
                Boolean.parseBoolean(args[1]), 2, new Shard(2, 3), Duration.ofSeconds(1), "sample.asf", false, false);
        new Campaign(o, new ArithmeticDriver(2, 2), new PrintWriter(System.err), Duration.ofMillis(100)).run();
    }
}
