package org.mmsspec.cases.client.mmsp;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The client cases of MS-MMSP server behaviour a client must handle (Ping, segmentation, end of stream, ...). */
public final class MmspBehaviourCases {

    private MmspBehaviourCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of(C3_1_ClientDetails.group(), C3_1_5_2_ReceivingAPacket.group(),
                C3_1_5_5_DisconnectedFunnel.group(), C3_1_5_7_Redirect.group(),
                C3_1_5_8_SecurityChallenge.group(), C3_1_5_12_AsfHeader.group(), C3_1_5_13_Ping.group(),
                C3_1_5_18_EndOfStream.group(), C3_1_5_19_StreamChange.group());
    }
}
