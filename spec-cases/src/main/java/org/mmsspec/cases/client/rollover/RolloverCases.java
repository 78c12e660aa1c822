package org.mmsspec.cases.client.rollover;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;

/** The rollover cases: the order of protocols a client tries on an mms:// URL, judged against rollover profiles. */
public final class RolloverCases {

    private RolloverCases() {
    }

    public static List<ClientCaseGroup> groups() {
        return List.of(C1_6_Rollover.group());
    }
}
