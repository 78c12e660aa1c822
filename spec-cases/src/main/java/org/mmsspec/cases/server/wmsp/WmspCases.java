package org.mmsspec.cases.server.wmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-WMSP (MMSH) server cases: Describe and Play, framing, Pragma handling and the errors. */
public final class WmspCases {

    private WmspCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of();
    }
}
