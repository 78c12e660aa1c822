package org.mmsspec.codec.mmsp;

import java.util.regex.Pattern;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The client names the content to stream (MS-MMSP 2.2.4.21). {@code token} is the byte offset of tokenData counted
 * from the start of fileName (so the size of fileName with its NUL), 0 without a token; {@code cbtoken} counts bytes.
 */
public record LinkViewerToMacOpenFile(long playIncarnation, long spare, long token, long cbtoken, String fileName,
        Bytes tokenData) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030005L, "LinkViewerToMacOpenFile", "2.2.4.21",
            LinkViewerToMacOpenFile::decode);

    private static final Bytes NTLMSSP = Bytes.ofHex("4e544c4d53535000");
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%\\p{XDigit}{2}");

    public LinkViewerToMacOpenFile {
        java.util.Objects.requireNonNull(fileName, "fileName");
        java.util.Objects.requireNonNull(tokenData, "tokenData");
    }

    /** An OpenFile with token and cbtoken computed from fileName and tokenData (empty for none). */
    public static LinkViewerToMacOpenFile of(long playIncarnation, String fileName, Bytes tokenData) {
        return new LinkViewerToMacOpenFile(playIncarnation, 0, tokenData.length() == 0 ? 0 : tokenOffset(fileName),
                tokenData.length(), fileName, tokenData);
    }

    /** fileName's size in bytes with its NUL: where tokenData starts. */
    static long tokenOffset(String fileName) {
        return 2L * (fileName.length() + 1);
    }

    static LinkViewerToMacOpenFile decode(WireReader r) {
        long inc = r.u32("playIncarnation");
        long spare = r.u32("spare");
        long token = r.length32("token");
        long cb = r.length32("cbtoken");
        String name;
        if (token == 0) {
            name = r.utf16z("fileName", cb > 0 ? Level.MUST : Level.SHOULD);
        } else {
            // the name occupies exactly token bytes; bounded by what is there
            name = r.utf16("fileName", Math.min(token, r.remaining()), cb > 0 ? Level.MUST : Level.SHOULD);
        }
        Bytes data = r.bytes("tokenData", Math.min(cb, r.remaining()));
        return new LinkViewerToMacOpenFile(inc, spare, token, cb, name, data);
    }

    /** Basic ends in a NUL; NTLM_AUTH starts with its u32 Zero; a raw NTLM message starts with its signature. */
    static boolean isBasicOrNtlm(Bytes t) {
        int n = t.length();
        if (t.get(n - 1) == 0) {
            return true;
        }
        if (n >= 4 && t.get(0) == 0 && t.get(1) == 0 && t.get(2) == 0 && t.get(3) == 0) {
            return true;
        }
        for (int i = 0; i < NTLMSSP.length(); i++) {
            if (i >= n || t.get(i) != NTLMSSP.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(spare).u32(token).u32(cbtoken).utf16z(fileName).bytes(tokenData);
    }

    @Override
    public void check(Checks c) {
        Incarnation.check(c, playIncarnation);
        c.shouldEqual("spare", 0, spare);
        if (tokenData.length() == 0) {
            c.mustEqual("token", 0, token);
        } else {
            c.must("token", token == tokenOffset(fileName), "offset of tokenData from fileName: "
                    + tokenOffset(fileName), Long.toString(token));
        }
        c.must("cbtoken", cbtoken == tokenData.length(), "at most the " + tokenData.length()
                + " bytes of tokenData the message holds", Long.toString(cbtoken));
        if (tokenData.length() > 0) {
            c.must("tokenData", isBasicOrNtlm(tokenData),
                    "NUL-terminated Basic credentials, an NTLM_AUTH (Zero = 0) or an NTLMSSP message",
                    tokenData.toString());
        }
        c.must("fileName", !PERCENT_ENCODED.matcher(fileName).find(), "a path without percent-encoding",
                '"' + fileName + '"');
    }
}
