package org.mmsspec.codec.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client selects streams (MS-MMSP 2.2.4.28). */
public record LinkViewerToMacStreamSwitch(long cStreamEntries, List<StreamSwitchEntry> streamSwitchEntries)
        implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030033L, "LinkViewerToMacStreamSwitch", "2.2.4.28",
            LinkViewerToMacStreamSwitch::decode);

    public LinkViewerToMacStreamSwitch {
        streamSwitchEntries = List.copyOf(streamSwitchEntries);
    }

    public static LinkViewerToMacStreamSwitch of(StreamSwitchEntry... entries) {
        return new LinkViewerToMacStreamSwitch(entries.length, List.of(entries));
    }

    static LinkViewerToMacStreamSwitch decode(WireReader r) {
        long count = r.length32("cStreamEntries");
        // Bound by the bytes present, never by the count field: a hostile count must not drive allocation.
        int fit = r.remaining() / StreamSwitchEntry.SIZE;
        int n = (int) Math.min(count, fit);
        List<StreamSwitchEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(StreamSwitchEntry.read(r));
        }
        if (count > fit) {
            r.checks().must("cStreamEntries", false, "at most " + fit + " (the entries the message holds)",
                    Long.toString(count));
        }
        return new LinkViewerToMacStreamSwitch(count, entries);
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(cStreamEntries);
        for (StreamSwitchEntry e : streamSwitchEntries) {
            e.write(w);
        }
    }

    @Override
    public void check(Checks c) {
        c.must("cStreamEntries", cStreamEntries == streamSwitchEntries.size(),
                Integer.toString(streamSwitchEntries.size()), Long.toString(cStreamEntries));
        c.in("2.2.4.28.1");
        for (StreamSwitchEntry e : streamSwitchEntries) {
            e.check(c);
        }
    }
}
