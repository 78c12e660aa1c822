package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/**
 * The 32-byte header of every command packet on TCP (MS-MMSP 2.2.3). Fields hold what is on the wire, so a test can
 * build a header that breaks a rule; {@link #canonical} builds one that keeps them all.
 */
public record TcpMessageHeader(int rep, int version, int versionMinor, int padding, long sessionId,
        long messageLength, long seal, long chunkCount, int seq, int MBZ, long timeSent) {

    public static final int SIZE = 32;
    /** 2953575118, wire bytes CE FA 0B B0. */
    public static final long SESSION_ID = 0xB00BFACEL;
    /** "MMS " in ASCII, wire bytes 4D 4D 53 20. */
    public static final long SEAL = 0x20534D4DL;

    /**
     * The header for {@code areaLength} bytes of messages, sequence number {@code seq}, chunkCount as the deployed
     * world writes it (messageLength / 8), timeSent 0.
     */
    public static TcpMessageHeader canonical(int seq, int areaLength) {
        long messageLength = areaLength + 16L;
        return new TcpMessageHeader(1, 0, 0, 0, SESSION_ID, messageLength, SEAL, messageLength / 8, seq, 0, 0);
    }

    /** What chunkCount must be for this messageLength under {@code profile} (erratum 1 of the fact sheet). */
    public static long expectedChunkCount(long messageLength, Profile profile) {
        return profile == Profile.LITERAL ? (messageLength + 16) / 8 : messageLength / 8;
    }

    static TcpMessageHeader read(WireReader r) {
        return new TcpMessageHeader(r.u8("rep"), r.u8("version"), r.u8("versionMinor"), r.u8("padding"),
                r.u32("sessionId"), r.u32("messageLength"), r.u32("seal"), r.u32("chunkCount"), r.u16("seq"),
                r.u16("MBZ"), r.u64("timeSent"));
    }

    void write(WireWriter w) {
        w.u8(rep).u8(version).u8(versionMinor).u8(padding).u32(sessionId).u32(messageLength).u32(seal)
                .u32(chunkCount).u16(seq).u16(MBZ).u64(timeSent);
    }

    /**
     * Judges the header of a packet of {@code packetLength} bytes. timeSent is never judged: the spec lets the sender
     * choose it freely. seq is judged by whoever follows the whole stream.
     */
    public void check(Checks c, long packetLength) {
        c.in("2.2.3");
        c.mustEqual("rep", 1, rep);
        c.mustEqual("version", 0, version);
        c.mustEqual("versionMinor", 0, versionMinor);
        c.shouldEqual("padding", 0, padding);
        c.mustEqual("sessionId", SESSION_ID, sessionId);
        // the strings only on failure, as Checks' equality checks do: every command packet decoded comes here
        if (messageLength != packetLength - 16) {
            c.must("messageLength", false, Long.toString(packetLength - 16), Long.toString(messageLength));
        }
        c.mustEqual("seal", SEAL, seal);
        long expected = expectedChunkCount(messageLength, c.profile());
        if (chunkCount != expected) {
            c.must("chunkCount", false, expected + (c.profile() == Profile.LITERAL
                    ? " (packet size / 8, the spec's words)" : " (messageLength / 8, as deployed peers write it)"),
                    Long.toString(chunkCount));
        }
        c.mustEqual("MBZ", 0, MBZ);
    }
}
