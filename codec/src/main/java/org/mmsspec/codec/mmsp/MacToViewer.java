package org.mmsspec.codec.mmsp;

import java.util.List;

/** The 14 server-to-client messages, LinkMacToViewer* (MID high word 0x0004). */
public sealed interface MacToViewer extends MmsMessage
        permits LinkMacToViewerPing, LinkMacToViewerReportConnectedEX {

    /** In the order of their sections. */
    List<MessageType> TYPES = List.of(
            LinkMacToViewerPing.TYPE,
            LinkMacToViewerReportConnectedEX.TYPE);
}
