package org.mmsspec.harness.conformance;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.mmsspec.cases.Requirement;
import org.mmsspec.cases.RequirementIndex;
import org.mmsspec.cases.ConformanceCase;

/**
 * Which statements of the requirements index that bind one role (server or client, both-role statements counting
 * for each) and can be seen on the wire have a case, and which have none yet.
 *
 * @param role      the role counted: {@link Requirement.Role#SERVER} or {@link Requirement.Role#CLIENT}
 * @param covered   ids with at least one case in the whole suite
 * @param uncovered observable ids of the role without one
 * @param unobservable ids of the role the wire cannot show, which no case can cover
 */
public record Coverage(Requirement.Role role, Set<String> covered, Set<String> uncovered,
        Set<String> unobservable) {

    public static Coverage of(RequirementIndex index, List<? extends ConformanceCase> cases, Requirement.Role role) {
        if (role == Requirement.Role.BOTH) {
            throw new IllegalArgumentException("coverage counts one role, server or client");
        }
        Set<String> byCases = cases.stream().flatMap(c -> c.requirements().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = new TreeSet<>();
        Set<String> uncovered = new TreeSet<>();
        Set<String> unobservable = new TreeSet<>();
        for (Requirement r : index.all()) {
            if (r.role() != role && r.role() != Requirement.Role.BOTH) {
                continue;
            }
            if (byCases.contains(r.id())) {
                covered.add(r.id());
            } else if (r.observable()) {
                uncovered.add(r.id());
            } else {
                unobservable.add(r.id());
            }
        }
        return new Coverage(role, covered, uncovered, unobservable);
    }

    /** Covered share of the role's observable statements, 0 to 1. */
    public double ratio() {
        int all = covered.size() + uncovered.size();
        return all == 0 ? 1 : covered.size() / (double) all;
    }
}
