package org.mmsspec.cases.server;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.mmsspec.cases.ConformanceCase;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;

/**
 * One server conformance case.
 *
 * @param id           stable, keyed by section: {@code MMSP-2.2.4.23-03}
 * @param section      the section whose rule the case checks
 * @param level        the level of that rule: a broken MUST fails, a broken SHOULD warns
 * @param requirements ids in the requirements index that the case covers
 * @param description  one line: what the case sends and what the server must do
 * @param erratum      where the deployed world and the spec's words part, what the case follows and why; or null
 * @param tags         {@code slow} (excluded unless asked for), {@code negative} (a liveness probe follows),
 *                     {@code udp}, {@code auth}, {@code mmsh}, ...
 */
public record ServerCase(String id, Section section, Level level, List<String> requirements, String description,
        String erratum, Set<String> tags, CaseScript script) implements ConformanceCase {

    public static final String NEGATIVE = "negative";
    public static final String MMSH = "mmsh";
    public static final String UDP = "udp";
    public static final String AUTH = "auth";

    public ServerCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(section);
        Objects.requireNonNull(level);
        Objects.requireNonNull(description);
        Objects.requireNonNull(script);
        requirements = List.copyOf(requirements);
        tags = Set.copyOf(tags);
    }

}
