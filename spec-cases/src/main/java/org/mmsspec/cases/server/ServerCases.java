package org.mmsspec.cases.server;

import java.util.List;
import java.util.stream.Stream;

import org.mmsspec.cases.CaseIds;
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
        return CaseIds.unique(groups(), CaseGroup::cases);
    }
}
