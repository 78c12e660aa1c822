package org.mmsspec.codec;

import java.util.List;

/**
 * A decoded value with the violations found in it.
 *
 * @param value      what was decoded
 * @param violations every deviation found, in both modes
 * @param strict     whether the decoder ran in strict mode, where every violation is a failure
 */
public record Decoded<T>(T value, List<Violation> violations, boolean strict) {

    public Decoded {
        violations = List.copyOf(violations);
    }

    /** Lenient decoding accepts what it could decode; strict decoding accepts only a unit without violations. */
    public boolean accepted() {
        return !strict || violations.isEmpty();
    }

    /** The violations that count as failures: all of them in strict mode, none in lenient mode. */
    public List<Violation> failures() {
        return strict ? violations : List.of();
    }
}
