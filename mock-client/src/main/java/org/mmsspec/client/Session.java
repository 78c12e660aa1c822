package org.mmsspec.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * A played MMST session: what the happy path (MS-MMSP 3.1.5.1, the TCP sequence) got back, and the data that
 * follows. Built by {@link #happyPath}; every step is an {@code expect}, so a server that strays fails the step
 * it strays at.
 */
public final class Session implements Iterable<DataPacket> {

    /** playIncarnation of OpenFile; ReadBlock and StartPlaying count on from it. */
    static final long OPEN_INCARNATION = 1;

    private final MmstClient client;
    private final LinkMacToViewerReportConnectedEX connected;
    private final LinkMacToViewerReportOpenFile openFile;
    private final AsfHeader header;
    private final LinkMacToViewerReportStartedPlaying started;
    private final List<Outcome.Received> interleaved = new ArrayList<>();
    private LinkMacToViewerReportEndOfStream endOfStream;
    private Outcome end;

    private Session(MmstClient client, LinkMacToViewerReportConnectedEX connected,
            LinkMacToViewerReportOpenFile openFile, AsfHeader header, LinkMacToViewerReportStartedPlaying started) {
        this.client = client;
        this.connected = connected;
        this.openFile = openFile;
        this.header = header;
        this.started = started;
    }

    /**
     * Connect, FunnelInfo (no packet-pair), ConnectFunnel over TCP, OpenFile {@code path}, ReadBlock and the header,
     * StreamSwitch selecting every stream the header lists, StartPlaying from position 0.
     */
    public static Session happyPath(MmstClient c, String path) {
        c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
        var connected = c.expect(LinkMacToViewerReportConnectedEX.class);
        c.send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
        c.expect(LinkMacToViewerReportFunnelInfo.class);
        c.send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
        c.expect(LinkMacToViewerReportConnectedFunnel.class);
        c.send(LinkViewerToMacOpenFile.of(OPEN_INCARNATION, path, Bytes.EMPTY));
        var open = c.expect(LinkMacToViewerReportOpenFile.class);
        c.send(LinkViewerToMacReadBlock.of(open.openFileId(), OPEN_INCARNATION + 1));
        c.expect(LinkMacToViewerReportReadBlock.class);
        AsfHeader header = c.readHeader();
        c.send(LinkViewerToMacStreamSwitch.of(header.streamNumbers().stream().map(StreamSwitchEntry::on)
                .toArray(StreamSwitchEntry[]::new)));
        c.expect(LinkMacToViewerReportStreamSwitch.class);
        c.send(LinkViewerToMacStartPlaying.of(open.openFileId(), 0, OPEN_INCARNATION + 2));
        var started = c.expect(LinkMacToViewerReportStartedPlaying.class);
        return new Session(c, connected, open, header, started);
    }

    public LinkMacToViewerReportConnectedEX connected() {
        return connected;
    }

    public LinkMacToViewerReportOpenFile openFile() {
        return openFile;
    }

    public AsfHeader header() {
        return header;
    }

    public LinkMacToViewerReportStartedPlaying started() {
        return started;
    }

    /**
     * The Data packets that follow StartPlaying, up to ReportEndOfStream. Each step waits at most the client's timeout;
     * iteration ends at EndOfStream or at any outcome that is no unit, which {@link #end()} then holds.
     */
    @Override
    public Iterator<DataPacket> iterator() {
        return new Iterator<>() {
            private DataPacket next;

            @Override
            public boolean hasNext() {
                while (next == null && end == null) {
                    Outcome o = client.receive();
                    if (!(o instanceof Outcome.Received r)) {
                        end = o;
                    } else if (r.dataPacket().isPresent()) {
                        next = r.dataPacket().get();
                    } else if (r.message(LinkMacToViewerReportEndOfStream.class).isPresent()) {
                        endOfStream = r.message(LinkMacToViewerReportEndOfStream.class).get();
                        end = o;
                    } else {
                        interleaved.add(r);
                    }
                }
                return next != null;
            }

            @Override
            public DataPacket next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DataPacket d = next;
                next = null;
                return d;
            }
        };
    }

    /** Every remaining Data packet, up to the end. */
    public List<DataPacket> readAll() {
        List<DataPacket> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        return out;
    }

    /** ReportEndOfStream, once iteration met it. */
    public Optional<LinkMacToViewerReportEndOfStream> endOfStream() {
        return Optional.ofNullable(endOfStream);
    }

    /** What ended the data: the unit with ReportEndOfStream, a timeout, EOF, reset or loss; null while going on. */
    public Outcome end() {
        return end;
    }

    /** Command packets that came among the data and were not EndOfStream (StreamChange, say). */
    public List<Outcome.Received> interleaved() {
        return List.copyOf(interleaved);
    }
}
