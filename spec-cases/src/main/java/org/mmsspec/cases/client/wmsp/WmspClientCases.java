package org.mmsspec.cases.client.wmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-WMSP (MMSH): requests, headers, framing of what the server sends. */
public final class WmspClientCases {

    private WmspClientCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of();
    }
}
