package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-MMSP server cases about malformed and out-of-place input, each followed by a liveness probe. */
public final class MmspNegativeCases {

    private MmspNegativeCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of();
    }
}
