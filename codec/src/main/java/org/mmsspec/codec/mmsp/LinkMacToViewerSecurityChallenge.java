package org.mmsspec.codec.mmsp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The server asks the client to authenticate (MS-MMSP 2.2.4.14); unlike every other reply it has no hr. pToken is
 * NTLM when it starts with two zero bytes (then an NTLM_AUTH or a bare NTLM token follows), otherwise Basic: UTF-16
 * {@code realm="..."} and a NUL. playIncarnation and cookie are echoes only a session can judge.
 */
public record LinkMacToViewerSecurityChallenge(long playIncarnation, long cookie, long cbToken, Bytes pToken)
        implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x0004001AL, "LinkMacToViewerSecurityChallenge", "2.2.4.14",
            LinkMacToViewerSecurityChallenge::decode);

    // basic-realm = "realm=" quoted-string (RFC 2617 / RFC 2616 2.2: qdtext or backslash-escaped CHAR)
    private static final Pattern BASIC_REALM = Pattern.compile("realm=\"((?:[^\"\\\\\\p{Cntrl}]|\\\\\\p{ASCII})*)\"");

    public LinkMacToViewerSecurityChallenge {
        pToken = pToken == null ? Bytes.EMPTY : pToken;
    }

    public static LinkMacToViewerSecurityChallenge of(long playIncarnation, long cookie, Bytes pToken) {
        return new LinkMacToViewerSecurityChallenge(playIncarnation, cookie, pToken.length(), pToken);
    }

    /** A Basic pToken naming {@code realm} (quotes and backslashes escaped), NUL-terminated UTF-16LE. */
    public static Bytes basicToken(String realm) {
        String quoted = "realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return Bytes.copyOf(new WireWriter().utf16z(quoted).toByteArray());
    }

    /** An NTLM pToken: 00 00, then the token (an NTLM_AUTH's bytes or a bare NTLM challenge). */
    public static Bytes ntlmToken(Bytes token) {
        return Bytes.copyOf(new WireWriter().u16(0).bytes(token).toByteArray());
    }

    static LinkMacToViewerSecurityChallenge decode(WireReader r) {
        long playIncarnation = r.u32("playIncarnation");
        long cookie = r.u32("cookie");
        long cbToken = r.length32("cbToken");
        // bounded by the message: a larger cbToken is judged in check(), not trusted
        Bytes token = r.bytes("pToken", Math.min(cbToken, r.remaining()));
        return new LinkMacToViewerSecurityChallenge(playIncarnation, cookie, cbToken, token);
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(playIncarnation).u32(cookie).u32(cbToken).bytes(pToken);
    }

    /** Whether pToken is in the NTLM form (two leading zero bytes). */
    public boolean isNtlm() {
        return pToken.length() >= 2 && pToken.get(0) == 0 && pToken.get(1) == 0;
    }

    /** The NTLM_AUTH structure pToken carries, if it is NTLM and wrapped. */
    public Optional<NtlmAuth> ntlmAuth() {
        return isNtlm() ? Optional.ofNullable(NtlmAuth.inToken(pToken)) : Optional.empty();
    }

    /** The realm-value of a Basic pToken, unquoted and unescaped; empty where pToken names no realm. */
    public Optional<String> basicRealm() {
        Matcher m = basicMatcher();
        return m != null && m.matches() ? Optional.of(m.group(1).replaceAll("\\\\(.)", "$1")) : Optional.empty();
    }

    /** A matcher over the text before the NUL of a well-formed Basic pToken, or null if its framing is wrong. */
    private Matcher basicMatcher() {
        int n = pToken.length();
        if (isNtlm() || n < 2 || (n & 1) != 0 || pToken.get(n - 2) != 0 || pToken.get(n - 1) != 0) {
            return null;
        }
        String text = new String(pToken.toArray(), 0, n - 2, StandardCharsets.UTF_16LE);
        return BASIC_REALM.matcher(text);
    }

    @Override
    public void check(Checks c) {
        c.must("cbToken", cbToken == pToken.length(), pToken.length() + " (the bytes of pToken)",
                Long.toString(cbToken));
        if (isNtlm()) {
            NtlmAuth auth = NtlmAuth.inToken(pToken);
            if (auth != null) {
                auth.check(c);
            }
            return;
        }
        Matcher m = basicMatcher();
        c.must("pToken", m != null && m.matches(),
                "00 00 then an NTLM token, or UTF-16 [realm=\"...\"] and a NUL", pToken.toString());
    }
}
