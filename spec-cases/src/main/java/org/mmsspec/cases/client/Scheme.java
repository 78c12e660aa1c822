package org.mmsspec.cases.client;

import java.util.Locale;
import java.util.Optional;

import org.mmsspec.server.Protocol;

/** The scheme of the URL a client case hands the client. */
public enum Scheme {
    /** Rollover: the client picks the protocols and their order itself (MS-MMSP 1.3, [MS-WMSP] 1.3). */
    MMS(null),
    /** MMS over TCP only. */
    MMST(Protocol.MMST),
    /** MMS with data over UDP, control over TCP. */
    MMSU(Protocol.MMSU),
    /** MMS over HTTP only. */
    MMSH(Protocol.MMSH);

    private final Protocol protocol;

    Scheme(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The one protocol a protocol-specific scheme names; empty for {@code mms}. */
    public Optional<Protocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code mms}, {@code mmst}, ... in any case. */
    public static Scheme parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace("://", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scheme '" + s + "': mms, mmst, mmsu or mmsh");
        }
    }
}
