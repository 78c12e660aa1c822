package org.mmsspec.harness.mutation;

import java.util.Objects;
import java.util.function.UnaryOperator;

import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Scenario;

/**
 * The reference server with one rule broken: the suite must answer it with a FAIL or WARN finding of {@code breaks}.
 *
 * @param name     what the server then does, in a few words (unique across all lists)
 * @param breaks   the section whose rule is broken: a case of that section must catch it
 * @param rule     the rule, in one line (a requirement id where there is one)
 * @param mutation the fault as code ({@link Mutations} makes the usual ones)
 * @param faults   or as the scenario's {@link Faults} (a reply field overridden, a reply dropped...)
 */
public record Mutant(String name, Section breaks, String rule, Mutation mutation, Faults faults) {

    public Mutant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(rule, "rule");
        mutation = mutation == null ? Mutation.NONE : mutation;
        faults = faults == null ? Faults.NONE : faults;
    }

    public Mutant(String name, Section breaks, String rule, Mutation mutation) {
        this(name, breaks, rule, mutation, Faults.NONE);
    }

    public Mutant(String name, Section breaks, String rule, Faults faults) {
        this(name, breaks, rule, Mutation.NONE, faults);
    }

    /** What the reference's scenarios get: the fault injected. */
    public UnaryOperator<Scenario.Builder> inject() {
        return b -> b.mutation(mutation).faults(faults);
    }

    @Override
    public String toString() {
        return name + " [" + breaks + "]";
    }
}
