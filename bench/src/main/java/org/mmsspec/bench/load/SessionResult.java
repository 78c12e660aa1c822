package org.mmsspec.bench.load;

/**
 * How one session went.
 *
 * @param failure         why it failed, or null when it played every run whole (or held until stopped)
 * @param connectNanos    from the start of its connect to the TCP connection; -1 when it did not connect
 * @param firstDataNanos  from the start of its connect to its first content Data packet; -1 when none came
 * @param plays           runs played to ReportEndOfStream with every packet
 * @param dataPackets     Data packets received, the header's included
 * @param dataBytes       their bytes, each packet's 8-byte framing included
 * @param endNanos        {@link System#nanoTime()} when it ended
 */
public record SessionResult(String failure, long connectNanos, long firstDataNanos, int plays, long dataPackets,
        long dataBytes, long endNanos) {

    public boolean ok() {
        return failure == null;
    }
}
