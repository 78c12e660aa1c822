package org.mmsspec.cases.client;

import java.util.List;
import java.util.stream.Stream;

import org.mmsspec.cases.CaseIds;
import org.mmsspec.cases.client.mmsp.MmspBehaviourCases;
import org.mmsspec.cases.client.mmsp.MmspClientCases;
import org.mmsspec.cases.client.rollover.RolloverCases;
import org.mmsspec.cases.client.wmsp.WmspClientCases;

/** Every client case, in section order within each part. */
public final class ClientCases {

    private static final List<ClientCase> ALL = collect();

    private ClientCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return Stream.of(MmspClientCases.groups(), MmspBehaviourCases.groups(), WmspClientCases.groups(),
                RolloverCases.groups()).flatMap(List::stream).toList();
    }

    public static List<ClientCase> all() {
        return ALL;
    }

    private static List<ClientCase> collect() {
        return CaseIds.unique(groups(), ClientCaseGroup::cases);
    }
}
