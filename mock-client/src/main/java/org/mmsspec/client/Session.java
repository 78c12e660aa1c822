package org.mmsspec.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;

/**
 * A played MMST session: what the happy path (MS-MMSP 3.1.5.1, the TCP sequence) got back, and the data that
 * follows. Built by {@link #happyPath}; every step is an {@code expect}, so a server that strays fails the step
 * it strays at.
 */
public final class Session implements Iterable<DataPacket> {

    private final MmstClient client;
    private final LinkMacToViewerReportConnectedEX connected;
    private final LinkMacToViewerReportOpenFile openFile;
    private final AsfHeader header;
    private final LinkMacToViewerReportStartedPlaying started;
    private final List<Outcome.Received> interleaved = new ArrayList<>();
    private LinkMacToViewerReportEndOfStream endOfStream;
    private Outcome end;

    Session(MmstClient client, LinkMacToViewerReportConnectedEX connected,
            LinkMacToViewerReportOpenFile openFile, AsfHeader header, LinkMacToViewerReportStartedPlaying started) {
        this.client = client;
        this.connected = connected;
        this.openFile = openFile;
        this.header = header;
        this.started = started;
    }

    /**
     * Connect, FunnelInfo (no packet-pair), ConnectFunnel over TCP, OpenFile {@code path}, ReadBlock and the header,
     * StreamSwitch selecting every stream the header lists, StartPlaying from position 0: {@link Handshake#play()}.
     */
    public static Session happyPath(MmstClient c, String path) {
        return Handshake.on(c, path).play();
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
