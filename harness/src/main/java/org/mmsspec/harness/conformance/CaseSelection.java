package org.mmsspec.harness.conformance;

import org.mmsspec.cases.ConformanceCase;
import java.util.List;
import java.util.regex.Pattern;


/**
 * Which cases a run takes: {@code -Dcases} and {@code -Dexclude} hold globs on the id ({@code MMSP-2.2.4.*-0?}) or
 * plain prefixes of the id or of the section number ({@code MMSP-3.2.5}, {@code 2.2.3}). Slow cases come only when
 * asked for.
 */
record CaseSelection(List<String> include, List<String> exclude, boolean slow) {

    static CaseSelection of(RunOptions o) {
        return new CaseSelection(o.cases(), o.exclude(), o.slow());
    }

    static CaseSelection of(ClientRunOptions o) {
        return new CaseSelection(o.cases(), o.exclude(), o.slow());
    }

    boolean test(ConformanceCase c) {
        if (c.tagged(ConformanceCase.SLOW) && !slow && include.stream().noneMatch(p -> p.equals(c.id()))) {
            return false;
        }
        return (include.isEmpty() || include.stream().anyMatch(p -> matches(p, c)))
                && exclude.stream().noneMatch(p -> matches(p, c));
    }

    <C extends ConformanceCase> List<C> select(List<C> all) {
        return all.stream().filter(this::test).toList();
    }

    static boolean matches(String pattern, ConformanceCase c) {
        if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
            return glob(pattern).matcher(c.id()).matches();
        }
        String n = c.section().number();
        return c.id().startsWith(pattern) || n.equals(pattern) || n.startsWith(pattern + ".")
                || c.section().toString().equals(pattern);
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }
}
