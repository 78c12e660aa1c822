package org.mmsspec.codec.mmsp;

import java.util.List;

/** The 14 client-to-server messages, LinkViewerToMac* (MID high word 0x0003). */
public sealed interface ViewerToMac extends MmsMessage
        permits LinkViewerToMacConnect, LinkViewerToMacReadBlock, LinkViewerToMacStreamSwitch {

    /** In the order of their sections. */
    List<MessageType> TYPES = List.of(
            LinkViewerToMacConnect.TYPE,
            LinkViewerToMacReadBlock.TYPE,
            LinkViewerToMacStreamSwitch.TYPE);
}
