package org.mmsspec.codec.gen;

import static org.mmsspec.codec.gen.Gen.between;
import static org.mmsspec.codec.gen.Gen.pick;
import static org.mmsspec.codec.gen.Gen.u32;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/** Generators of valid client-to-server messages, one per type. */
public final class ViewerToMacGenerators {

    private ViewerToMacGenerators() {
    }

    public static final List<MessageGenerator> ALL = List.of(
            MessageGenerator.of(LinkViewerToMacConnect.TYPE, ViewerToMacGenerators::connect),
            MessageGenerator.of(LinkViewerToMacReadBlock.TYPE, r -> new LinkViewerToMacReadBlock(u32(r), 0, 0,
                    0x8000, 0xFFFFFFFFL, 0, 0.0, 3600.0, between(r, 1, 0xFE), 0)),
            MessageGenerator.of(LinkViewerToMacStreamSwitch.TYPE, ViewerToMacGenerators::streamSwitch));

    static LinkViewerToMacConnect connect(RandomGenerator r) {
        String token = r.nextInt(8) == 0 ? pick(r, "Spoooon!", "Spooooon!")
                : "NSPlayer/" + between(r, 0, 99) + "." + between(r, 0, 99)
                        + (r.nextBoolean() ? "." + between(r, 0, 9999) + "." + between(r, 0, 9999) : "")
                        + "; {" + Gen.guid(r) + "}";
        String host = r.nextBoolean() ? "" : hostInfo(r);
        String name = token + (r.nextBoolean() ? "; Host: " + hostInfo(r) : "");
        String via = r.nextInt(4) == 0 ? "VIA: WMCacheProxy/9.1, proxy2" : "";
        return new LinkViewerToMacConnect(pick(r, LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR), LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, name, host.isEmpty() ? "" : "HOST: " + host, via);
    }

    static String hostInfo(RandomGenerator r) {
        String host = pick(r, "127.0.0.1", "media.example.org", "a");
        return r.nextBoolean() ? host : host + ":" + between(r, 1, 65535);
    }

    static LinkViewerToMacStreamSwitch streamSwitch(RandomGenerator r) {
        int n = (int) between(r, 0, 127);
        List<StreamSwitchEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stream = (int) between(r, 1, 127);
            entries.add(switch (r.nextInt(3)) {
                case 0 -> StreamSwitchEntry.on(stream);
                case 1 -> StreamSwitchEntry.off(stream);
                default -> new StreamSwitchEntry(StreamSwitchEntry.NO_STREAM, stream, (int) between(r, 0, 2));
            });
        }
        return new LinkViewerToMacStreamSwitch(n, entries);
    }
}
