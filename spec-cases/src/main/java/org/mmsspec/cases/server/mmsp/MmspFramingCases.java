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
        return List.of();
    }
}
