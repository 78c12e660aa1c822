package org.mmsspec.harness.fuzz;

import java.util.List;
import java.util.Objects;

/**
 * Everything one fuzzed session sends, decided before it runs: the same seed and session number always give the same
 * plan, byte for byte, which is what makes a finding replayable and a campaign resumable.
 *
 * @param seed      the campaign's seed
 * @param number    the session's number in the campaign (shards take disjoint numbers)
 * @param transport MMST or MMSH
 * @param state     the state the valid prefix reaches before the attack
 * @param attack    what the attack is, for a reader and for the status line ("field subscriberName unterminated",
 *                  "Pong before any Ping", "1-byte segments")
 * @param steps     the writes, valid prefix first
 */
public record SessionPlan(long seed, long number, Transport transport, FuzzState state, String attack,
        List<Step> steps) {

    public enum Transport { MMST, MMSH }

    public SessionPlan {
        Objects.requireNonNull(transport);
        Objects.requireNonNull(state);
        Objects.requireNonNull(attack);
        steps = List.copyOf(steps);
    }

    /** How many connections the session opens. */
    public int connections() {
        return steps.stream().mapToInt(Step::connection).max().orElse(-1) + 1;
    }

    public int bytes() {
        return steps.stream().mapToInt(Step::length).sum();
    }
}
