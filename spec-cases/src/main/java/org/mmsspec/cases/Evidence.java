package org.mmsspec.cases;

import java.util.List;

/**
 * What a client case saw, as lines for the report: the event log of connection attempts, what the client sent on
 * one connection (decoded), its exit status and the tail of its output.
 *
 * @param label headline: {@code events}, {@code MMST connection #3}, {@code client exit}
 */
public record Evidence(String label, List<String> lines) {

    public Evidence {
        lines = List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "--- " + label + "\n" + String.join("\n", lines);
    }
}
