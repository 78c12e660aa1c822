package org.mmsspec.codec.mmsp;

import java.util.regex.Pattern;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client asks to connect (MS-MMSP 2.2.4.17).
 *
 * @param subscriberName the client-token and optional host-param, the first NUL-terminated string
 * @param hostString     the optional {@code HOST: host[:port]} string that follows, or "" where absent
 * @param viaString      the optional {@code VIA: ...} string a proxy adds, or "" where absent
 */
public record LinkViewerToMacConnect(long playIncarnation, long MacToViewerProtocolRevision,
        long ViewerToMacProtocolRevision, String subscriberName, String hostString, String viaString)
        implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030001L, "LinkViewerToMacConnect", "2.2.4.17",
            LinkViewerToMacConnect::decode);

    public static final long MMS_DISABLE_PACKET_PAIR = 0xF0F0F0EFL;
    public static final long MMS_USE_PACKET_PAIR = 0xF0F0F0F0L;
    public static final long MAC_TO_VIEWER_REVISION = 0x0004000BL;
    public static final long VIEWER_TO_MAC_REVISION = 0x0003001CL;

    // The ABNF of 2.2.4.17: client-token [host-param]. The table's "Spoooon!" (4 o) is accepted beside the ABNF's
    // "Spooooon!" (5 o): the spec spells it both ways.
    private static final Pattern SUBSCRIBER_NAME = Pattern.compile(
            "(?:Spooooo?n!|NSPlayer/\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,4}\\.\\d{1,4})?"
                    + "; \\{\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}})"
                    + "(?:; Host: [^\\s:;]+(?::\\d{1,5})?)?");
    private static final Pattern HOST_STRING = Pattern.compile("HOST: [^\\s:;]+(?::\\d{1,5})?");
    private static final Pattern VIA_STRING = Pattern.compile(
            "VIA: [!#$%&'*+.^_`|~0-9A-Za-z-]+(?:/[!#$%&'*+.^_`|~0-9A-Za-z-]+)?"
                    + "(?:, ?[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:/[!#$%&'*+.^_`|~0-9A-Za-z-]+)?)*");

    public LinkViewerToMacConnect {
        java.util.Objects.requireNonNull(subscriberName, "subscriberName");
        hostString = hostString == null ? "" : hostString;
        viaString = viaString == null ? "" : viaString;
    }

    /** A Connect as the spec asks: no packet-pair, the fixed revisions, no host or via string. */
    public static LinkViewerToMacConnect of(String subscriberName) {
        return new LinkViewerToMacConnect(MMS_DISABLE_PACKET_PAIR, MAC_TO_VIEWER_REVISION, VIEWER_TO_MAC_REVISION,
                subscriberName, "", "");
    }

    static LinkViewerToMacConnect decode(WireReader r) {
        long playIncarnation = r.u32("playIncarnation");
        long m2v = r.u32("MacToViewerProtocolRevision");
        long v2m = r.u32("ViewerToMacProtocolRevision");
        String name = r.utf16z("subscriberName", Level.MUST);
        String host = "";
        String via = "";
        // Further NUL-terminated strings; a 0x0000 code unit where one would start is padding.
        while (r.remaining() >= 2 && !nextIsNul(r)) {
            String s = r.utf16z("subscriberName", Level.MUST);
            if (s.startsWith("VIA: ") && via.isEmpty()) {
                via = s;
            } else if (host.isEmpty() && via.isEmpty()) {
                host = s;
            } else {
                r.checks().add(Level.MUST, "subscriberName", "at most a host-string and a via-string after the "
                        + "client-token", "extra string \"" + s + "\"");
            }
        }
        return new LinkViewerToMacConnect(playIncarnation, m2v, v2m, name, host, via);
    }

    private static boolean nextIsNul(WireReader r) {
        return r.peekU16() == 0;
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(MacToViewerProtocolRevision).u32(ViewerToMacProtocolRevision)
                .utf16z(subscriberName);
        if (!hostString.isEmpty()) {
            w.utf16z(hostString);
        }
        if (!viaString.isEmpty()) {
            w.utf16z(viaString);
        }
    }

    @Override
    public void check(Checks c) {
        c.shouldHex("playIncarnation",
                playIncarnation == MMS_DISABLE_PACKET_PAIR || playIncarnation == MMS_USE_PACKET_PAIR,
                "0xF0F0F0EF or 0xF0F0F0F0", playIncarnation);
        c.mustEqual("MacToViewerProtocolRevision", MAC_TO_VIEWER_REVISION, MacToViewerProtocolRevision);
        c.mustEqual("ViewerToMacProtocolRevision", VIEWER_TO_MAC_REVISION, ViewerToMacProtocolRevision);
        c.must("subscriberName", SUBSCRIBER_NAME.matcher(subscriberName).matches(),
                "client-token [host-param]: \"NSPlayer/major.minor; {GUID}\" or \"Spooooon!\"",
                '"' + subscriberName + '"');
        if (!hostString.isEmpty()) {
            c.must("subscriberName", HOST_STRING.matcher(hostString).matches(), "host-string \"HOST: host[:port]\"",
                    '"' + hostString + '"');
        }
        if (!viaString.isEmpty()) {
            c.must("subscriberName", VIA_STRING.matcher(viaString).matches(), "via-string \"VIA: token[/token]...\"",
                    '"' + viaString + '"');
        }
    }

    /** The major version of an {@code NSPlayer/x.y} client-token, or -1 (Spoooon! and malformed names). */
    public int playerMajorVersion() {
        var m = Pattern.compile("^NSPlayer/(\\d{1,2})\\.").matcher(subscriberName);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Whether the client named itself as WMS 4.0/4.1 ("Spoooon!", either spelling). */
    public boolean isSpoooon() {
        return subscriberName.startsWith("Spoooon!") || subscriberName.startsWith("Spooooon!");
    }
}
