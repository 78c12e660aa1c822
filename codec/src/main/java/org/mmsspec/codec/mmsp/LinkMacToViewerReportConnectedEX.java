package org.mmsspec.codec.mmsp;

import java.util.regex.Pattern;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server's reply to Connect (MS-MMSP 2.2.4.2). The four cb* fields count UTF-16 characters, terminating NUL
 * included, although their prefix says bytes: the spec's words and the deployed peers agree on characters, so both
 * profiles read them so (erratum 12 of the fact sheet).
 */
public record LinkMacToViewerReportConnectedEX(long hr, long playIncarnation, long MacToViewerProtocolRevision,
        long ViewerToMacProtocolRevision, double blockGroupPlayTime, long blockGroupBlocks, long nMaxOpenFiles,
        long nBlockMaxBytes, long maxBitRate, long cbServerVersionInfo, long cbVersionInfo, long cbVersionUrl,
        long cbAuthenPackage, String ServerVersionInfo, String VersionInfo, String VersionUrl, String AuthenPackage)
        implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040001L, "LinkMacToViewerReportConnectedEX", "2.2.4.2",
            LinkMacToViewerReportConnectedEX::decode);

    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,4}\\.\\d{1,4})?");

    /** A successful reply: no packet-pair, the fixed values, a server version and optional AuthenPackage. */
    public static LinkMacToViewerReportConnectedEX of(String serverVersionInfo, String authenPackage) {
        return new LinkMacToViewerReportConnectedEX(0, LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION, LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, 1.0, 1,
                1, 0x8000, 0x00989680L, chars(serverVersionInfo), 0, 0, chars(authenPackage), serverVersionInfo, "",
                "", authenPackage);
    }

    /** The cb value for a string: its characters plus the NUL, or 0 for an absent (empty) string. */
    static long chars(String s) {
        return s.isEmpty() ? 0 : s.length() + 1;
    }

    static LinkMacToViewerReportConnectedEX decode(WireReader r) {
        long hr = r.u32("hr");
        long inc = r.u32("playIncarnation");
        long m2v = r.u32("MacToViewerProtocolRevision");
        long v2m = r.u32("ViewerToMacProtocolRevision");
        double playTime = r.f64("blockGroupPlayTime");
        long blocks = r.u32("blockGroupBlocks");
        long files = r.u32("nMaxOpenFiles");
        long maxBytes = r.u32("nBlockMaxBytes");
        long maxBitRate = r.u32("maxBitRate");
        long cbServer = r.length32("cbServerVersionInfo");
        long cbVersion = r.length32("cbVersionInfo");
        long cbUrl = r.length32("cbVersionUrl");
        long cbAuthen = r.length32("cbAuthenPackage");
        String server = r.utf16("ServerVersionInfo", 2 * cbServer, Level.MUST);
        String version = r.utf16("VersionInfo", 2 * cbVersion, Level.MUST);
        String url = r.utf16("VersionUrl", 2 * cbUrl, Level.MUST);
        String authen = r.utf16("AuthenPackage", 2 * cbAuthen, Level.MUST);
        return new LinkMacToViewerReportConnectedEX(hr, inc, m2v, v2m, playTime, blocks, files, maxBytes, maxBitRate,
                cbServer, cbVersion, cbUrl, cbAuthen, server, version, url, authen);
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u32(playIncarnation).u32(MacToViewerProtocolRevision).u32(ViewerToMacProtocolRevision)
                .f64(blockGroupPlayTime).u32(blockGroupBlocks).u32(nMaxOpenFiles).u32(nBlockMaxBytes)
                .u32(maxBitRate).u32(cbServerVersionInfo).u32(cbVersionInfo).u32(cbVersionUrl).u32(cbAuthenPackage);
        for (String s : new String[] {ServerVersionInfo, VersionInfo, VersionUrl, AuthenPackage}) {
            if (!s.isEmpty()) {
                w.utf16z(s);
            }
        }
    }

    @Override
    public void check(Checks c) {
        c.must("playIncarnation", playIncarnation == LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR
                || playIncarnation == LinkViewerToMacConnect.MMS_USE_PACKET_PAIR, "0xF0F0F0EF or 0xF0F0F0F0",
                Checks.hex(playIncarnation));
        c.mustEqual("MacToViewerProtocolRevision", LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                MacToViewerProtocolRevision);
        c.mustEqual("ViewerToMacProtocolRevision", LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION,
                ViewerToMacProtocolRevision);
        c.mustEqual("blockGroupPlayTime", 1.0, blockGroupPlayTime);
        c.mustEqual("blockGroupBlocks", 1, blockGroupBlocks);
        c.mustEqual("nMaxOpenFiles", 1, nMaxOpenFiles);
        c.mustEqual("nBlockMaxBytes", 0x8000, nBlockMaxBytes);
        c.mustEqual("maxBitRate", 0x00989680L, maxBitRate);
        // A count that disagrees with its string (an embedded NUL ends the string early) loses bytes on decode.
        String[] names = {"cbServerVersionInfo", "cbVersionInfo", "cbVersionUrl", "cbAuthenPackage"};
        long[] counts = {cbServerVersionInfo, cbVersionInfo, cbVersionUrl, cbAuthenPackage};
        String[] strings = {ServerVersionInfo, VersionInfo, VersionUrl, AuthenPackage};
        for (int i = 0; i < names.length; i++) {
            c.must(names[i], counts[i] == chars(strings[i]), chars(strings[i]) + " characters",
                    Long.toString(counts[i]));
        }
        c.must("ServerVersionInfo", VERSION.matcher(ServerVersionInfo).matches(), "major.minor[.build.revision]",
                '"' + ServerVersionInfo + '"');
        if (!VersionInfo.isEmpty()) {
            c.must("VersionInfo", VERSION.matcher(VersionInfo).matches(), "major.minor[.build.revision]",
                    '"' + VersionInfo + '"');
            c.must("VersionUrl", !VersionUrl.isEmpty(), "a URL when VersionInfo is present", "empty");
        }
        if (!AuthenPackage.isEmpty()) {
            c.must("AuthenPackage", AuthenPackage.equals("BASIC") || AuthenPackage.equals("NTLM"),
                    "\"BASIC\" or \"NTLM\"", '"' + AuthenPackage + '"');
        }
    }

    /** The server's major version from ServerVersionInfo, or -1 if it has none. */
    public int serverMajorVersion() {
        var m = Pattern.compile("^(\\d{1,2})\\.").matcher(ServerVersionInfo);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
