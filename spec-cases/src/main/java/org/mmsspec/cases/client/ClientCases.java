package org.mmsspec.cases.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
        List<ClientCase> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ClientCaseGroup g : groups()) {
            for (ClientCase c : g.cases()) {
                if (!ids.add(c.id())) {
                    throw new IllegalStateException("two cases are " + c.id());
                }
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
