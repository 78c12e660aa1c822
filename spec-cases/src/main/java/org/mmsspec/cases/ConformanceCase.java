package org.mmsspec.cases;

import java.util.List;
import java.util.Set;

import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * A conformance case of either role, as reports, baselines and selection see it: a server case drives a server with
 * the mock client, a client case drives a client's command against a scripted mock server.
 */
public interface ConformanceCase {

    /** Tag of cases that wait on timers; left out unless asked for. */
    String SLOW = "slow";

    /** Stable, keyed by section: {@code MMSP-2.2.4.23-03}, {@code C-MMSP-2.2.4.17-02}. */
    String id();

    /** The section whose rule the case checks. */
    Section section();

    /** The level of that rule: a broken MUST fails, a broken SHOULD warns. */
    Level level();

    /** Ids in the requirements index that the case covers. */
    List<String> requirements();

    /** One line: what the case does and what the peer must do. */
    String description();

    /** Where the deployed world and the spec's words part, what the case follows and why; or null. */
    String erratum();

    Set<String> tags();

    default boolean tagged(String tag) {
        return tags().contains(tag);
    }

    /** The JUnit display name: id, section, description. */
    default String displayName() {
        return id() + " [" + section() + "] " + description();
    }
}
