package org.mmsspec.cases.client.mmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-MMSP server behaviour a client must handle (Ping, segmentation, end of stream, ...). */
public final class MmspBehaviourCases {

    private MmspBehaviourCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of();
    }
}
