package org.mmsspec.cases;

import java.util.List;

import org.mmsspec.codec.Section;

/** How case and requirement ids are spelled, for cases of either role. */
public final class CaseIds {

    private CaseIds() {
    }

    /** {@code MMSP-2.2.4.23}, {@code WMSP-2.2.2.1}. */
    public static String prefix(Section section) {
        return section.spec().substring(3) + "-" + section.number();
    }

    /** Case {@code number} of {@code section}: {@code MMSP-2.2.4.23-03}. */
    public static String caseId(Section section, int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("case number 1-99: " + number);
        }
        return String.format("%s-%02d", prefix(section), number);
    }

    /** The cases of {@code groups}, in order, each id once: a second case under one id is a mistake in a registry. */
    public static <G, C extends ConformanceCase> List<C> unique(List<G> groups,
            java.util.function.Function<G, List<C>> cases) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<C> out = new java.util.ArrayList<>();
        for (G g : groups) {
            for (C c : cases.apply(g)) {
                if (!ids.add(c.id())) {
                    throw new IllegalStateException("two cases are " + c.id());
                }
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** {@code "R3"} is statement 3 of {@code section}; a full id ({@code "MMSP-3.2.5.8-R2"}) stays as it is. */
    public static List<String> requirements(Section section, String... ids) {
        return java.util.Arrays.stream(ids).map(id -> id.startsWith("R") ? prefix(section) + "-" + id : id).toList();
    }
}
