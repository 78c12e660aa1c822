package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/**
 * The MS-MMSP server cases about framing: the TcpMessageHeader of every reply, the Data packets of header and
 * content, and the end of a stream.
 */
public final class MmspFramingCases {

    private MmspFramingCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S2_2_MessageSyntax.cases(), S2_2_2_Data.cases(), S2_2_3_TcpMessageHeader.cases(),
                S2_2_4_MessageTypes.cases(), S2_2_4_5_ReportEndOfStream.cases(), S3_2_4_1_LastDataPacketSent.cases(),
                S3_2_5_8_1_SendingHeaderDataPackets.cases(), S3_2_5_11_1_SendingAsfDataPackets.cases(),
                S3_2_5_1_ReceivingAPacket.cases());
    }
}
