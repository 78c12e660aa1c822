package org.mmsspec.cases.server.mmsp;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;

/** The MS-MMSP server cases about replies to each client message: the handshake, funnel, file, stream selection and logging. */
public final class MmspMessageCases {

    private MmspMessageCases() {
    }

    public static List<CaseGroup> groups() {
        return List.of(S3_2_5_3_ReceivingConnect.cases());
    }
}
