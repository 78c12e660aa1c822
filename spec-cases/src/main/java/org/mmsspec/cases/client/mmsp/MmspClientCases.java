package org.mmsspec.cases.client.mmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-MMSP messages, one group per section. */
public final class MmspClientCases {

    private MmspClientCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of(C2_2_3_TcpMessageHeader.group(), C2_2_4_MessageTypes.group(), C2_2_4_16_CloseFile.group(),
                C2_2_4_17_Connect.group(), C2_2_4_18_ConnectFunnel.group(), C2_2_4_19_FunnelInfo.group(),
                C2_2_4_20_Logging.group(), C2_2_4_21_OpenFile.group(), C2_2_4_23_ReadBlock.group(),
                C2_2_4_25_StartPlaying.group(), C2_2_4_27_StopPlaying.group(), C2_2_4_28_StreamSwitch.group(),
                C3_1_4_2_StartStreaming.group(), C3_1_4_5_StopStreaming.group(), C3_1_4_6_ChangePosition.group(),
                C3_1_4_8_FinishSession.group(), C3_1_5_1_SendingAMessage.group(),
                C3_1_5_3_ReceivingConnectedEX.group(), C3_1_5_6_ReceivingConnectedFunnel.group());
    }
}
