package org.mmsspec.cases.client.mmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-MMSP messages, one group per section. */
public final class MmspClientCases {

    private MmspClientCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of(C2_2_4_17_Connect.group());
    }
}
