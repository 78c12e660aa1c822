package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-MMSP server cases about malformed and out-of-place input, each followed by a liveness probe. */
public final class MmspNegativeCases {

    private MmspNegativeCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S3_2_5_1_ReceivingAPacket_Malformed.cases(), S3_2_5_3_ReceivingConnect_Malformed.cases(),
                S3_2_5_4_ReceivingFunnelInfo_Malformed.cases(), S3_2_5_5_ReceivingConnectFunnel_Malformed.cases(),
                S3_2_5_6_ReceivingOpenFile_Malformed.cases(),
                S3_2_5_7_ReceivingSecurityResponse_Malformed.cases(), S3_2_5_8_ReceivingReadBlock_Malformed.cases(),
                S3_2_5_10_ReceivingStreamSwitch_Malformed.cases(),
                S3_2_5_11_ReceivingStartPlaying_Malformed.cases(), S3_2_5_14_ReceivingStopPlaying_Malformed.cases(),
                S3_2_5_17_ReceivingCloseFile_Malformed.cases());
    }
}
