package org.mmsspec.client;

import java.util.Collection;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * The viewer's requests of the TCP sequence (MS-MMSP 3.1.5.1) with the usual values: one place for them, whether a
 * blocking {@link Handshake} sends them or a non-blocking load generator does.
 */
public final class ViewerRequests {

    /** playIncarnation of OpenFile; ReadBlock and StartPlaying count on from it. */
    public static final long OPEN_INCARNATION = 1;
    /** playIncarnation of the first StartPlaying. */
    public static final long PLAY_INCARNATION = OPEN_INCARNATION + 2;

    private ViewerRequests() {
    }

    public static LinkViewerToMacConnect connect(String subscriberName) {
        return LinkViewerToMacConnect.of(subscriberName);
    }

    /** FunnelInfo without packet-pair. */
    public static LinkViewerToMacFunnelInfo funnelInfo() {
        return new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR);
    }

    /** ConnectFunnel naming TCP: Data packets come over the command connection. */
    public static LinkViewerToMacConnectFunnel tcpFunnel() {
        return LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755");
    }

    public static LinkViewerToMacOpenFile openFile(String path) {
        return LinkViewerToMacOpenFile.of(OPEN_INCARNATION, path, Bytes.EMPTY);
    }

    /** ReadBlock for the ASF header. */
    public static LinkViewerToMacReadBlock readHeader(long openFileId) {
        return LinkViewerToMacReadBlock.of(openFileId, OPEN_INCARNATION + 1);
    }

    /** StreamSwitch selecting each of {@code streamNumbers}. */
    public static LinkViewerToMacStreamSwitch selectAll(Collection<Integer> streamNumbers) {
        return LinkViewerToMacStreamSwitch.of(streamNumbers.stream().map(StreamSwitchEntry::on)
                .toArray(StreamSwitchEntry[]::new));
    }

    /** StartPlaying from position 0 with {@code playIncarnation} ({@link #PLAY_INCARNATION} the first time). */
    public static LinkViewerToMacStartPlaying startPlaying(long openFileId, long playIncarnation) {
        return LinkViewerToMacStartPlaying.of(openFileId, 0, playIncarnation);
    }
}
