package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The NTLM_AUTH wrapper around an NTLM token (MS-MMSP 2.2.4.14.1). In a pToken it follows the two zero bytes that
 * mark NTLM: the spec calls it one of the "subsequent bytes".
 */
public record NtlmAuth(long Zero, long One, long Reserved1, long NTLMTokenSize, long Two, long Reserved2,
        Bytes NTLMToken) {

    public static final Section SECTION = Section.mmsp("2.2.4.14.1");
    /** Zero, One, Reserved1, NTLMTokenSize, Two, Reserved2. */
    public static final int FIXED_SIZE = 24;

    public static NtlmAuth of(Bytes token) {
        return new NtlmAuth(0, 1, 0, token.length(), 2, 0, token);
    }

    /**
     * The NTLM_AUTH that a pToken (or tokenData) carries after its leading 00 00, or null where the bytes after them
     * are not one (a bare NTLM token starts with "NTLMSSP", not with Zero and One).
     */
    public static NtlmAuth inToken(Bytes pToken) {
        byte[] b = pToken.toArray();
        if (b.length < 2 + FIXED_SIZE || b[0] != 0 || b[1] != 0) {
            return null;
        }
        NtlmAuth a = read(new WireReader(b, 2, b.length - 2, 2, SECTION,
                new Checks(SECTION, DecodeOptions.LENIENT.profile()), DecodeOptions.LENIENT));
        return a.Zero == 0 && a.One == 1 ? a : null;
    }

    /** Reads the structure; NTLMToken is bounded by the bytes present, whatever NTLMTokenSize claims. */
    static NtlmAuth read(WireReader r) {
        long zero = r.u32("Zero");
        long one = r.u32("One");
        long reserved1 = r.u32("Reserved1");
        long size = r.length32("NTLMTokenSize");
        long two = r.u32("Two");
        long reserved2 = r.u32("Reserved2");
        return new NtlmAuth(zero, one, reserved1, size, two, reserved2,
                r.bytes("NTLMToken", Math.min(size, r.remaining())));
    }

    public void write(WireWriter w) {
        w.u32(Zero).u32(One).u32(Reserved1).u32(NTLMTokenSize).u32(Two).u32(Reserved2).bytes(NTLMToken);
    }

    /** The pToken that carries this structure: 00 00, then the structure. */
    public Bytes toToken() {
        WireWriter w = new WireWriter(2 + FIXED_SIZE + NTLMToken.length());
        w.u16(0);
        write(w);
        return Bytes.copyOf(w.toByteArray());
    }

    /** Judges the fields against 2.2.4.14.1; the reserved fields are ignored as the spec asks. */
    public void check(Checks c) {
        c.in(SECTION);
        c.mustEqual("Zero", 0, Zero);
        c.mustEqual("One", 1, One);
        c.mustEqual("Two", 2, Two);
        c.must("NTLMTokenSize", NTLMTokenSize == NTLMToken.length(),
                NTLMToken.length() + " (the bytes of NTLMToken)", Long.toString(NTLMTokenSize));
    }
}
