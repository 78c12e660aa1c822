package org.mmsspec.codec.gen;

import static org.mmsspec.codec.gen.Gen.between;
import static org.mmsspec.codec.gen.Gen.pick;
import static org.mmsspec.codec.gen.Gen.u32;

import java.util.List;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** Generators of valid server-to-client messages, one per type. */
public final class MacToViewerGenerators {

    private MacToViewerGenerators() {
    }

    public static final List<MessageGenerator> ALL = List.of(
            MessageGenerator.of(LinkMacToViewerPing.TYPE, r -> LinkMacToViewerPing.of()),
            MessageGenerator.of(LinkMacToViewerReportConnectedEX.TYPE, MacToViewerGenerators::reportConnectedEX));

    static LinkMacToViewerReportConnectedEX reportConnectedEX(RandomGenerator r) {
        String server = between(r, 0, 99) + "." + between(r, 0, 99)
                + (r.nextBoolean() ? "." + between(r, 0, 9999) + "." + between(r, 0, 9999) : "");
        boolean upgrade = r.nextInt(4) == 0;
        String versionInfo = upgrade ? between(r, 0, 99) + "." + between(r, 0, 99) : "";
        String versionUrl = upgrade ? "http://update.example.org/" + Gen.ascii(r, 40, "abcdefghij/") : "";
        String authen = pick(r, "", "BASIC", "NTLM");
        long hr = r.nextBoolean() ? 0 : u32(r);
        return new LinkMacToViewerReportConnectedEX(hr, pick(r, LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                LinkViewerToMacConnect.MMS_USE_PACKET_PAIR), LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, 1.0, 1, 1, 0x8000, 0x00989680L, server.length() + 1,
                versionInfo.isEmpty() ? 0 : versionInfo.length() + 1, versionUrl.isEmpty() ? 0 : versionUrl.length() + 1,
                authen.isEmpty() ? 0 : authen.length() + 1, server, versionInfo, versionUrl, authen);
    }
}
