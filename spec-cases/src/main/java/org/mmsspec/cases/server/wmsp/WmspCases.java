package org.mmsspec.cases.server.wmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-WMSP (MMSH) server cases: Describe and Play, framing, Pragma handling and the errors. */
public final class WmspCases {

    private WmspCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S2_2_3_1_1_FramingHeader.cases(), S2_2_3_1_2_MmsDataPacket.cases(),
                S2_2_3_3_DataPacket.cases(), S2_2_3_4_EndOfStream.cases(), S2_2_3_5_HeaderPacket.cases(),
                S3_2_4_1_LastDataPacket.cases(), S3_2_4_2_NewAsfHeader.cases(),
                S3_2_5_1_ReceivingRequest.cases(),
                S3_2_5_2_SendingResponse.cases(), S3_2_5_4_ReceivingDescribe.cases(),
                S3_2_5_6_ReceivingPlay.cases(), S3_2_5_8_KeepAlive.cases(), S3_2_5_11_ReceivingLog.cases());
    }
}
