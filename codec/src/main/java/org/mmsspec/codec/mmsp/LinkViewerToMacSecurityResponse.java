package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client answers a SecurityChallenge (MS-MMSP 2.2.4.24). playIncarnation and cookie echo the challenge; pToken
 * is Basic credentials as NUL-terminated ASCII, or two zero bytes then an NTLM token.
 */
public record LinkViewerToMacSecurityResponse(long playIncarnation, long cookie, long cbToken, Bytes pToken)
        implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x0003001AL, "LinkViewerToMacSecurityResponse", "2.2.4.24",
            LinkViewerToMacSecurityResponse::decode);

    public LinkViewerToMacSecurityResponse {
        java.util.Objects.requireNonNull(pToken, "pToken");
    }

    public static LinkViewerToMacSecurityResponse of(long playIncarnation, long cookie, Bytes pToken) {
        return new LinkViewerToMacSecurityResponse(playIncarnation, cookie, pToken.length(), pToken);
    }

    static LinkViewerToMacSecurityResponse decode(WireReader r) {
        long inc = r.u32("playIncarnation");
        long cookie = r.u32("cookie");
        long cb = r.length32("cbToken");
        // bounded by the bytes present; a larger cbToken is judged in check
        return new LinkViewerToMacSecurityResponse(inc, cookie, cb, r.bytes("pToken", Math.min(cb, r.remaining())));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(cookie).u32(cbToken).bytes(pToken);
    }

    @Override
    public void check(Checks c) {
        c.must("cbToken", cbToken == pToken.length(), "at most the " + pToken.length() + " bytes the message holds",
                Long.toString(cbToken));
        c.must("pToken", isBasicOrNtlm(pToken), "NUL-terminated Basic credentials, or 0x00 0x00 then an NTLM token",
                pToken.length() == 0 ? "empty" : pToken.toString());
    }

    /** Either scheme leaves a mark: Basic ends in a NUL, NTLM starts with two zero bytes. */
    static boolean isBasicOrNtlm(Bytes t) {
        int n = t.length();
        return n >= 1 && t.get(n - 1) == 0 || n >= 2 && t.get(0) == 0 && t.get(1) == 0;
    }
}
