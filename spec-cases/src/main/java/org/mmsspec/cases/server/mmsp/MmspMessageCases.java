package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-MMSP server cases about replies to each client message: the handshake, funnel, file, stream selection and logging. */
public final class MmspMessageCases {

    private MmspMessageCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S2_2_4_1_Ping.cases(), S2_2_4_2_ReportConnectedEX.cases(), S2_2_4_3_ReportConnectedFunnel.cases(),
                S2_2_4_6_ReportFunnelInfo.cases(), S2_2_4_7_ReportOpenFile.cases(), S2_2_4_8_ReportReadBlock.cases(),
                S2_2_4_10_ReportStartedPlaying.cases(), S2_2_4_13_ReportStreamSwitch.cases(),
                S3_2_3_Initialization.cases(), S3_2_5_2_SendingAMessage.cases(), S3_2_5_3_ReceivingConnect.cases(),
                S3_2_5_4_ReceivingFunnelInfo.cases(), S3_2_5_5_ReceivingConnectFunnel.cases(),
                S3_2_5_6_ReceivingOpenFile.cases(), S3_2_5_8_ReceivingReadBlock.cases(),
                S3_2_5_9_ReceivingCancelReadBlock.cases(), S3_2_5_15_ReceivingLogging.cases(),
                S3_2_5_17_ReceivingCloseFile.cases());
    }
}
