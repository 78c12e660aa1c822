package org.mmsspec.cases.client.wmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-WMSP (MMSH): requests, headers, framing of what the server sends. */
public final class WmspClientCases {

    private WmspClientCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of(C2_2_1_4_23_RequestContext.group(), C2_2_1_4_28_StreamTime.group(),
                C2_2_1_4_33_XClientGuid.group(), C2_2_1_8_UserAgent.group(),
                C3_1_4_2_1_SendingTheDescribeRequest.group(), C3_1_4_3_1_SendingAPlayRequest.group(),
                C3_1_5_1_SendingARequest.group(), C3_1_5_3_ReceivingAResponse.group(), C3_1_5_8_ReceivingH.group(),
                C3_1_5_12_ReceivingD.group(), C3_1_5_13_ReceivingE.group(), C3_1_5_14_ReceivingC.group());
    }
}
