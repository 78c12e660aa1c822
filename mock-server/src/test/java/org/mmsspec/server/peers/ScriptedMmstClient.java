package org.mmsspec.server.peers;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MessageType;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * The smallest MMS-over-TCP player, built on the codec: Connect, ConnectFunnel, OpenFile, ReadBlock, StreamSwitch (every
 * stream), StartPlaying, then reads until ReportEndOfStream and sends CloseFile, as VLC does. Blocking I/O with a read
 * timeout, so a stuck server fails the test instead of hanging it.
 */
final class ScriptedMmstClient implements AutoCloseable {

    /**
     * What one session received.
     *
     * @param header   the header Data packets' payloads, joined
     * @param data     the Data packets after ReportStartedPlaying, in order
     * @param commands how many command packets this client sent
     * @param endHr    ReportEndOfStream's hr
     */
    record Played(byte[] header, List<DataPacket> data, int commands, long endHr) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final StreamFramer framer = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
    private final Deque<StreamFramer.Unit> pending = new ArrayDeque<>();
    private int seq;
    private boolean playing;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final List<DataPacket> data = new ArrayList<>();

    ScriptedMmstClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Plays {@code path} to its end over a TCP funnel, selecting {@code streams}. */
    static Played play(String host, int port, String path, List<Integer> streams) throws IOException {
        try (ScriptedMmstClient c = new ScriptedMmstClient(host, port)) {
            return c.play(path, streams);
        }
    }

    Played play(String path, List<Integer> streams) throws IOException {
        send(LinkViewerToMacConnect.of("NSPlayer/7.0.0.1956; {3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}"));
        await(LinkMacToViewerReportConnectedEX.TYPE);
        send(LinkViewerToMacConnectFunnel.of("\\\\127.0.0.1\\TCP\\1755"));
        await(LinkMacToViewerReportConnectedFunnel.TYPE);
        send(LinkViewerToMacOpenFile.of(1, path, Bytes.EMPTY));
        var open = (LinkMacToViewerReportOpenFile) await(LinkMacToViewerReportOpenFile.TYPE);
        if (open.hr() != 0) {
            throw new IOException("OpenFile failed: hr " + Long.toHexString(open.hr()));
        }
        send(LinkViewerToMacReadBlock.of(open.openFileId(), 2));
        await(LinkMacToViewerReportReadBlock.TYPE);
        send(LinkViewerToMacStreamSwitch.of(streams.stream().map(StreamSwitchEntry::on)
                .toArray(StreamSwitchEntry[]::new)));
        await(LinkMacToViewerReportStreamSwitch.TYPE);
        send(LinkViewerToMacStartPlaying.of(open.openFileId(), 0, 4));
        await(LinkMacToViewerReportStartedPlaying.TYPE);
        var end = (LinkMacToViewerReportEndOfStream) await(LinkMacToViewerReportEndOfStream.TYPE);
        send(LinkViewerToMacCloseFile.of(open.openFileId()));
        return new Played(header.toByteArray(), List.copyOf(data), seq, end.hr());
    }

    private void send(MmsMessage m) throws IOException {
        out.write(CommandPacketCodec.encode(seq++, m));
        out.flush();
    }

    /** Reads in order until a command of {@code type}; Data packets on the way are kept. */
    private MmsMessage await(MessageType type) throws IOException {
        while (true) {
            while (pending.isEmpty()) {
                // a fresh array per read: the framer hands out views of it (UnitFramer), kept in data
                byte[] buffer = new byte[16384];
                int n = in.read(buffer);
                if (n < 0) {
                    throw new EOFException("server closed before " + type.name());
                }
                framer.feed(buffer, 0, n, pending::add);
            }
            StreamFramer.Unit u = pending.removeFirst();
            if (u instanceof StreamFramer.Data d) {
                if (playing) {
                    data.add(d.decoded().value());
                } else {
                    header.writeBytes(d.decoded().value().Payload().toArray());
                }
            } else if (u instanceof StreamFramer.Command c) {
                for (MmsMessage m : c.decoded().value().messages()) {
                    if (m.type().equals(LinkMacToViewerReportStartedPlaying.TYPE)) {
                        playing = true;
                    }
                    if (m.type().equals(type)) {
                        return m;
                    }
                }
            } else {
                throw new IOException("undecodable unit from the server: " + u);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
