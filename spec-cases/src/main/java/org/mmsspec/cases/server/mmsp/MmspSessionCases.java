package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/**
 * The MS-MMSP server cases about session features: UDP and packet-pair, resends, stream selection, seeking, stop
 * and restart, playlists, redirect, authentication and the timers.
 */
public final class MmspSessionCases {

    private MmspSessionCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S2_2_4_4_ReportDisconnectedFunnel.cases(), S2_2_4_9_ReportRedirect.cases(),
                S2_2_4_11_ReportStartStriding.cases(), S2_2_4_12_ReportStreamChange.cases(),
                S2_2_4_14_SecurityChallenge.cases(), S3_2_2_Timers.cases(), S3_2_4_2_NewAsfHeader.cases(),
                S3_2_5_7_ReceivingSecurityResponse.cases(), S3_2_5_10_ReceivingStreamSwitch.cases(),
                S3_2_5_11_ReceivingStartPlaying.cases(), S3_2_5_12_ReceivingStartStriding.cases(),
                S3_2_5_13_ReceivingResend.cases(), S3_2_5_14_ReceivingStopPlaying.cases(),
                S3_2_5_16_ReceivingPong.cases(), S3_2_6_1_KeepAliveExpires.cases(), S3_2_6_2_IdleTimeoutExpires.cases(),
                S3_2_7_1_TcpDisconnected.cases());
    }
}
