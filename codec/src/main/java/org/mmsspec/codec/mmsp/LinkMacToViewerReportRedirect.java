package org.mmsspec.codec.mmsp;

import java.util.regex.Pattern;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server sends the client elsewhere (MS-MMSP 2.2.4.9). Unlike the cb fields of ReportConnectedEX, cbLocation
 * counts bytes, terminating NUL included. wszLocation is read to its NUL so a wrong cbLocation is a violation of
 * its own rather than a misframed message.
 */
public record LinkMacToViewerReportRedirect(long hr, int RedirectType, int cbLocation, String wszLocation)
        implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x00040022L, "LinkMacToViewerReportRedirect", "2.2.4.9",
            LinkMacToViewerReportRedirect::decode);

    /** Go to another URL. */
    public static final int REDIRECT_URL = 0x0001;
    /** Use another proxy, or none where wszLocation is empty. */
    public static final int REDIRECT_PROXY = 0x0002;

    // RFC 3986 scheme://authority[path...] with one of the three schemes (case-insensitive, as RFC 3986 has them).
    // With percent-encoding forbidden, characters a URI would escape appear as themselves, so only '%', spaces and
    // controls are refused.
    private static final Pattern URL = Pattern.compile("(?i:mms|mmsu|mmst)://[^\\s\\p{Cntrl}/?#%]+"
            + "(?:[/?#][^\\s\\p{Cntrl}%]*)?");

    public static LinkMacToViewerReportRedirect of(int redirectType, String location) {
        return new LinkMacToViewerReportRedirect(0, redirectType, cb(location), location);
    }

    /** cbLocation for a string: its UTF-16 bytes plus the NUL. */
    static int cb(String s) {
        return 2 * (s.length() + 1);
    }

    static LinkMacToViewerReportRedirect decode(WireReader r) {
        return new LinkMacToViewerReportRedirect(r.u32("hr"), r.u16("RedirectType"), r.length16("cbLocation"),
                r.utf16z("wszLocation", Level.MUST));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(hr).u16(RedirectType).u16(cbLocation).utf16z(wszLocation);
    }

    @Override
    public void check(Checks c) {
        c.must("RedirectType", RedirectType == REDIRECT_URL || RedirectType == REDIRECT_PROXY, "0x1 or 0x2",
                Checks.hex(RedirectType));
        c.must("cbLocation", cbLocation == cb(wszLocation),
                cb(wszLocation) + " (bytes of wszLocation and its NUL)", Integer.toString(cbLocation));
        if (RedirectType == REDIRECT_PROXY && wszLocation.isEmpty()) {
            return; // "stop using a proxy"
        }
        c.must("wszLocation", URL.matcher(wszLocation).matches(),
                "an mms, mmsu or mmst URL without percent-encoding", '"' + wszLocation + '"');
    }
}
