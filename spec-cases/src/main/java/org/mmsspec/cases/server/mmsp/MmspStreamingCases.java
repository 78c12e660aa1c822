package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-MMSP server cases about playback: Data packets, UDP, packet-pair, resends, seeking, stop and restart, playlists, redirect, authentication and timers. */
public final class MmspStreamingCases {

    private MmspStreamingCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of();
    }
}
