package org.mmsspec.cases.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.mmsspec.cases.CaseBuilder;
import org.mmsspec.cases.CaseIds;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Scenario;

/**
 * The client cases of one section: {@code ClientCaseGroup.mmsp("2.2.4.17", "LinkViewerToMacConnect")}, then one
 * {@link #add} chain per case. Ids are the server form with a {@code C-} in front: {@code C-MMSP-2.2.4.17-03}.
 */
public final class ClientCaseGroup {

    private final Section section;
    private final String title;
    private final List<ClientCase> cases = new ArrayList<>();

    private ClientCaseGroup(Section section, String title) {
        this.section = section;
        this.title = title;
    }

    public static ClientCaseGroup mmsp(String number, String title) {
        return new ClientCaseGroup(Section.mmsp(number), title);
    }

    public static ClientCaseGroup wmsp(String number, String title) {
        return new ClientCaseGroup(Section.wmsp(number), title);
    }

    public Section section() {
        return section;
    }

    public String title() {
        return title;
    }

    public List<ClientCase> cases() {
        return List.copyOf(cases);
    }

    public Builder add(int number, Level level, String description) {
        return new Builder(number, level, description);
    }

    /** One case under construction; by default over {@code mmst://} against a conformant server, to the end. */
    public final class Builder extends CaseBuilder<Builder> {
        private List<Scheme> schemes = List.of(Scheme.MMST);
        private UnaryOperator<Scenario.Builder> scenario = UnaryOperator.identity();
        private Predicate<ClientContext> until = ClientContext::sessionOver;
        private String path = ClientCase.DEFAULT_PATH;

        private Builder(int number, Level level, String description) {
            super("C-" + CaseIds.caseId(section, number), section, level, description);
        }

        /** The schemes the case runs with, the first by default. */
        public Builder schemes(Scheme... s) {
            schemes = List.of(s);
            return this;
        }

        /** What the mock server does differently from a conformant one. */
        public Builder server(UnaryOperator<Scenario.Builder> s) {
            scenario = s;
            return this;
        }

        /** When the case has seen enough and may stop the client; by default when the session is over. */
        public Builder until(Predicate<ClientContext> u) {
            until = u;
            return this;
        }

        /** The URL path the client gets, percent-encoded as a URL writes it; the server must serve its media there. */
        public Builder path(String urlPath) {
            path = urlPath;
            return this;
        }

        public ClientCaseGroup check(ClientCheck check) {
            requireNew(cases);
            Set<String> t = new LinkedHashSet<>(tags);
            if (section.spec().equals(Section.WMSP) || schemes.get(0) == Scheme.MMSH) {
                t.add("mmsh");
            }
            cases.add(new ClientCase(id, caseSection, level, requirements, description, erratum, t, schemes,
                    scenario, until, check, path));
            return ClientCaseGroup.this;
        }
    }
}
