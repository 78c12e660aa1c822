package org.mmsspec.server.mmsh;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshChange;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.asf.AsfFile;

/**
 * The body of a Play response, packet by packet, made as it is sent so no file is held twice (MS-WMSP 3.2.5.6,
 * 3.2.4.1, 3.2.4.2): ($M) $H, the $D of every packet left after stream selection, then for each further playlist
 * entry $E 1, $C, ($M) $H, $D..., and at the end $E 0. $D AFFlags count from 0 across the whole response.
 */
final class PlayPlan implements FrameWriter.Plan {

    private final List<AsfFile> files;
    private final StreamSelection selection;
    private final ClientVersion client;
    private final DataPacketSource source;
    private final HeaderMaker headers;
    private final Deque<FrameWriter.Item> prelude = new ArrayDeque<>();
    private int file;
    private int packet;
    private int sequence;
    private boolean firstOfFile = true;
    private boolean ended;

    /** The ($M) $H packets of one entry; the caller knows whether $M goes and which generation id it carries. */
    @FunctionalInterface
    interface HeaderMaker {
        List<MmshPacket> entry(AsfFile file);
    }

    /** @param announceReset restate the header after $E 1 and $C 0, as a reset session does for old clients */
    PlayPlan(List<AsfFile> files, int firstPacket, StreamSelection selection, ClientVersion client,
            DataPacketSource source, HeaderMaker headers, boolean announceReset) {
        this.files = files;
        this.selection = selection;
        this.client = client;
        this.source = source;
        this.headers = headers;
        this.packet = firstPacket;
        headers.entry(files.get(0)).forEach(p -> prelude.add(new FrameWriter.Item(p, -1, false)));
        if (announceReset) {
            changeTo(files.get(0));
        }
    }

    /** $E 1, $C 0 and the ($M) $H of {@code f}: the header of an entry that follows another (3.2.4.2). */
    private void changeTo(AsfFile f) {
        prelude.add(new FrameWriter.Item(MmshEnd.of(MmshEnd.S_FALSE), -1, false));
        prelude.add(new FrameWriter.Item(MmshChange.of(0), -1, false));
        headers.entry(f).forEach(p -> prelude.add(new FrameWriter.Item(p, -1, false)));
    }

    @Override
    public FrameWriter.Item next() {
        while (true) {
            if (!prelude.isEmpty()) {
                return prelude.poll();
            }
            AsfFile f = files.get(file);
            if (packet < f.packetCount()) {
                int index = packet++;
                byte[] asf = source.packet(f, index, selection, client);
                if (asf == null) {
                    continue;
                }
                // a view, not a copy: the source's bytes are never changed (DataPacketSource)
                DataPacket dp = DataPacket.of(index, 0, sequence++ & 0xFF, Bytes.view(asf, 0, asf.length));
                boolean first = firstOfFile;
                firstOfFile = false;
                return new FrameWriter.Item(MmshData.of(dp), f.sendTime(index), first, asf);
            }
            if (file + 1 < files.size()) {
                file++;
                packet = 0;
                firstOfFile = true;
                changeTo(files.get(file));
                continue;
            }
            if (!ended) {
                ended = true;
                return new FrameWriter.Item(MmshEnd.of(MmshEnd.S_OK), -1, false);
            }
            return null;
        }
    }
}
