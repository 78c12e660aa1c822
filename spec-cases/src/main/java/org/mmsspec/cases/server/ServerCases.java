package org.mmsspec.cases.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.mmsspec.cases.server.mmsp.MmspMessageCases;
import org.mmsspec.cases.server.mmsp.MmspNegativeCases;
import org.mmsspec.cases.server.mmsp.MmspFramingCases;
import org.mmsspec.cases.server.mmsp.MmspSessionCases;
import org.mmsspec.cases.server.wmsp.WmspCases;

/** Every server case, in section order within each part. */
public final class ServerCases {

    private static final List<ServerCase> ALL = collect();

    private ServerCases() {
    }

    public static List<CaseGroup> groups() {
        return Stream.of(MmspMessageCases.groups(), MmspFramingCases.groups(), MmspSessionCases.groups(),
                MmspNegativeCases.groups(), WmspCases.groups()).flatMap(List::stream).toList();
    }

    public static List<ServerCase> all() {
        return ALL;
    }

    private static List<ServerCase> collect() {
        List<ServerCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CaseGroup g : groups()) {
            for (ServerCase c : g.cases()) {
                if (!ids.add(c.id())) {
                    throw new IllegalStateException("two cases are " + c.id());
                }
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
