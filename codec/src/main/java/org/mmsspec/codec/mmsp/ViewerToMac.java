package org.mmsspec.codec.mmsp;

import java.util.List;

/** The 14 client-to-server messages, LinkViewerToMac* (MID high word 0x0003). */
public sealed interface ViewerToMac extends MmsMessage
        permits LinkViewerToMacCancelReadBlock, LinkViewerToMacCloseFile, LinkViewerToMacConnect,
        LinkViewerToMacConnectFunnel, LinkViewerToMacFunnelInfo, LinkViewerToMacLogging, LinkViewerToMacOpenFile,
        LinkViewerToMacPong, LinkViewerToMacReadBlock, LinkViewerToMacSecurityResponse, LinkViewerToMacStartPlaying,
        LinkViewerToMacStartStriding, LinkViewerToMacStopPlaying, LinkViewerToMacStreamSwitch {

    /** In the order of their sections. */
    List<MessageType> TYPES = List.of(
            LinkViewerToMacCancelReadBlock.TYPE,
            LinkViewerToMacCloseFile.TYPE,
            LinkViewerToMacConnect.TYPE,
            LinkViewerToMacConnectFunnel.TYPE,
            LinkViewerToMacFunnelInfo.TYPE,
            LinkViewerToMacLogging.TYPE,
            LinkViewerToMacOpenFile.TYPE,
            LinkViewerToMacPong.TYPE,
            LinkViewerToMacReadBlock.TYPE,
            LinkViewerToMacSecurityResponse.TYPE,
            LinkViewerToMacStartPlaying.TYPE,
            LinkViewerToMacStartStriding.TYPE,
            LinkViewerToMacStopPlaying.TYPE,
            LinkViewerToMacStreamSwitch.TYPE);
}
