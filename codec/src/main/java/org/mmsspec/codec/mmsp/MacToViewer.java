package org.mmsspec.codec.mmsp;

import java.util.List;

/** The 14 server-to-client messages, LinkMacToViewer* (MID high word 0x0004). */
public sealed interface MacToViewer extends MmsMessage
        permits LinkMacToViewerPing, LinkMacToViewerReportConnectedEX, LinkMacToViewerReportConnectedFunnel,
        LinkMacToViewerReportDisconnectedFunnel, LinkMacToViewerReportEndOfStream, LinkMacToViewerReportFunnelInfo,
        LinkMacToViewerReportOpenFile, LinkMacToViewerReportReadBlock, LinkMacToViewerReportRedirect,
        LinkMacToViewerReportStartedPlaying, LinkMacToViewerReportStartStriding, LinkMacToViewerReportStreamChange,
        LinkMacToViewerReportStreamSwitch, LinkMacToViewerSecurityChallenge {

    /** In the order of their sections. */
    List<MessageType> TYPES = List.of(
            LinkMacToViewerPing.TYPE,
            LinkMacToViewerReportConnectedEX.TYPE,
            LinkMacToViewerReportConnectedFunnel.TYPE,
            LinkMacToViewerReportDisconnectedFunnel.TYPE,
            LinkMacToViewerReportEndOfStream.TYPE,
            LinkMacToViewerReportFunnelInfo.TYPE,
            LinkMacToViewerReportOpenFile.TYPE,
            LinkMacToViewerReportReadBlock.TYPE,
            LinkMacToViewerReportRedirect.TYPE,
            LinkMacToViewerReportStartedPlaying.TYPE,
            LinkMacToViewerReportStartStriding.TYPE,
            LinkMacToViewerReportStreamChange.TYPE,
            LinkMacToViewerReportStreamSwitch.TYPE,
            LinkMacToViewerSecurityChallenge.TYPE);
}
