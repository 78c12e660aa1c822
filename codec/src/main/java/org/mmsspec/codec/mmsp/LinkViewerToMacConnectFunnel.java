package org.mmsspec.codec.mmsp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client names the socket it wants Data packets on (MS-MMSP 2.2.4.18). funnelName is
 * {@code \\<IPv4 or IPv6 address>\TCP|UDP\<port 1..65535>}. The ABNF has no terminator; the NUL every client sends is
 * read and written but not required.
 */
public record LinkViewerToMacConnectFunnel(long playIncarnation, long maxBlockBytes, long maxFunnelBytes,
        long maxBitRate, long funnelMode, String funnelName) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030002L, "LinkViewerToMacConnectFunnel", "2.2.4.18",
            LinkViewerToMacConnectFunnel::decode);

    public static final long FUNNEL_MODE = 2;
    private static final Pattern FUNNEL_NAME = Pattern.compile("\\\\\\\\([^\\\\]*)\\\\(TCP|UDP)\\\\(\\d{1,5})");
    private static final Pattern DEC_OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d");
    private static final Pattern H16 = Pattern.compile("\\p{XDigit}{1,4}");

    public LinkViewerToMacConnectFunnel {
        java.util.Objects.requireNonNull(funnelName, "funnelName");
    }

    /** The values the spec asks for, for the given funnelName. */
    public static LinkViewerToMacConnectFunnel of(String funnelName) {
        return new LinkViewerToMacConnectFunnel(0, 0xFFFFFFFFL, 0, 0x00989680L, FUNNEL_MODE, funnelName);
    }

    static LinkViewerToMacConnectFunnel decode(WireReader r) {
        return new LinkViewerToMacConnectFunnel(r.u32("playIncarnation"), r.u32("maxBlockBytes"),
                r.u32("maxFunnelBytes"), r.u32("maxBitRate"), r.u32("funnelMode"), r.utf16z("funnelName", null));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(maxBlockBytes).u32(maxFunnelBytes).u32(maxBitRate).u32(funnelMode)
                .utf16z(funnelName);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("playIncarnation", 0, playIncarnation);
        c.shouldEqual("maxBlockBytes", 0xFFFFFFFFL, maxBlockBytes);
        c.shouldEqual("maxFunnelBytes", 0, maxFunnelBytes);
        c.shouldEqual("maxBitRate", 0x00989680L, maxBitRate);
        c.mustEqual("funnelMode", FUNNEL_MODE, funnelMode);
        c.must("funnelName", isFunnelName(funnelName), "\\\\<IPv4 or IPv6 address>\\TCP|UDP\\<port 1..65535>",
                '"' + funnelName + '"');
    }

    static boolean isFunnelName(String s) {
        Matcher m = FUNNEL_NAME.matcher(s);
        if (!m.matches()) {
            return false;
        }
        int port = Integer.parseInt(m.group(3));
        return port >= 1 && port <= 65535 && (isIpv4(m.group(1)) || isIpv6(m.group(1)));
    }

    /** RFC 3986 IPv4address: four dec-octets without leading zeros. */
    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!DEC_OCTET.matcher(p).matches()) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 IPv6address: eight h16 groups, or fewer around one "::", the last 32 bits possibly an IPv4address. */
    static boolean isIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap < 0 ? s : s.substring(0, gap);
        String tail = gap < 0 ? "" : s.substring(gap + 2);
        int groups = 0;
        String[] tailParts = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        String[] headParts = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] last = tailParts.length > 0 ? tailParts : headParts;
        boolean v4 = last.length > 0 && last[last.length - 1].contains(".");
        for (String[] side : new String[][] {headParts, tailParts}) {
            for (int i = 0; i < side.length; i++) {
                boolean isLast = side == last && i == side.length - 1;
                if (isLast && v4) {
                    if (!isIpv4(side[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (H16.matcher(side[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return gap < 0 ? groups == 8 : groups <= 7;
    }
}
