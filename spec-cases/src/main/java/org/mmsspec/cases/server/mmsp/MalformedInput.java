package org.mmsspec.cases.server.mmsp;

import java.time.Duration;

import org.mmsspec.cases.CaseFailed;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.WireWriter;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.UnknownMessage;

/**
 * The shared steps of the negative cases: bytes that break one rule, and the two verdicts bad input can earn.
 * Offsets are those of a one-message TcpMessageHeader packet (MS-MMSP 2.2.3): the MMS message starts at 32.
 */
final class MalformedInput {

    /** Offsets of the TcpMessageHeader fields. */
    static final int REP = 0, VERSION = 1, VERSION_MINOR = 2, PADDING = 3, SESSION_ID = 4, MESSAGE_LENGTH = 8,
            SEAL = 12, CHUNK_COUNT = 16, SEQ = 20, MBZ = 22, TIME_SENT = 24, CHUNK_LEN = 32, MID = 36;

    private MalformedInput() {
    }

    /** The canonical bytes of a packet carrying {@code m} with the client's next seq, for a case to damage. */
    static byte[] packet(MmstClient c, MmsMessage m) {
        return CommandPacketCodec.encode(c.nextSeq(), m);
    }

    static LinkViewerToMacConnect connect() {
        return LinkViewerToMacConnect.of(MmstClient.NSPLAYER);
    }

    static LinkViewerToMacFunnelInfo funnelInfo() {
        return new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR);
    }

    /** {@code b} with the little-endian u32 at {@code at} set to {@code v}. */
    static byte[] u32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> 8 * i);
        }
        return b;
    }

    static byte[] u16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        return b;
    }

    /** A message with the MID of {@code type} and any body at all; chunkLen is computed from the padded body. */
    static MmsMessage raw(long mid, byte[] body) {
        return new UnknownMessage(mid, Bytes.copyOf(body));
    }

    /** The fixed fields of a Connect (playIncarnation and both revisions) followed by {@code name} as given. */
    static byte[] connectBody(byte[] name) {
        return new WireWriter().u32(LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR)
                .u32(LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION)
                .u32(LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION).bytes(name).toByteArray();
    }

    /** Each char of {@code s} as one UTF-16LE code unit, no terminator; unlike a charset, keeps lone surrogates. */
    static byte[] units(String s) {
        WireWriter w = new WireWriter();
        s.chars().forEach(w::u16);
        return w.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        WireWriter w = new WireWriter();
        for (byte[] p : parts) {
            w.bytes(p);
        }
        return w.toByteArray();
    }

    /** How long a case lets the server take in a close before the liveness probe connects. */
    static final Duration SETTLE = Duration.ofMillis(200);

    /**
     * The client hangs up; the case then waits {@link #SETTLE}, so that a server which the close breaks is broken
     * before the probe connects, rather than racing it.
     */
    static void hangUp(MmstClient c) {
        c.close();
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server must refuse: an error hr or a close within the timeout (MUST). */
    static void refused(CaseContext ctx, MmstClient c) {
        ctx.expectErrorOrClose(c);
    }

    /**
     * Where the spec leaves the reaction open and deployed receivers differ, any reply or a close will do; only
     * silence until the timeout fails (the probe that follows checks the server survived).
     */
    static void answeredOrClosed(CaseContext ctx, MmstClient c) {
        Outcome o = c.receive();
        if (o instanceof Outcome.Timeout) {
            throw new CaseFailed(new Finding(ctx.serverCase().section(), Level.MUST,
                    "the server neither answered nor closed within " + c.timeout().toMillis() + " ms",
                    "a reply or a close", o.summary()));
        }
    }
}
