package org.mmsspec.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What a load run asks of an MMST server.
 *
 * @param server          where it listens
 * @param path            the file each session opens
 * @param sessions        sessions opened at once
 * @param plays           StartPlaying to EndOfStream runs per session; 0 plays on until {@link LoadRun#stop()}
 * @param expectedPackets Data packets each run must bring (the file's packet count), for the completeness check
 * @param idle            a session that receives nothing for this long has failed
 */
public record LoadPlan(InetSocketAddress server, String path, int sessions, int plays, int expectedPackets,
        Duration idle) {

    public LoadPlan {
        Objects.requireNonNull(server);
        Objects.requireNonNull(path);
        Objects.requireNonNull(idle);
        if (sessions < 1 || plays < 0 || expectedPackets < 1 || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("sessions " + sessions + ", plays " + plays + ", expectedPackets "
                    + expectedPackets + ", idle " + idle);
        }
    }

    /** Whether sessions play on until stopped. */
    public boolean holds() {
        return plays == 0;
    }
}
