package org.mmsspec.codec.mmsh;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/**
 * One packet of an MMSH response body (MS-WMSP 2.2.3): a {@link FramingHeader} and what its PacketID says follows.
 * {@code check} judges what the packet shows alone, against the section of its type; rules that span packets (the
 * $D sequence numbers, the order of $H pieces, which $P of three) belong to whoever follows the stream.
 */
public sealed interface MmshPacket
        permits MmshChange, MmshData, MmshEnd, MmshHeader, MmshMetadata, MmshPacketPair, MmshTest {

    FramingHeader framing();

    PacketType type();

    /** Judges the fields after the framing header; {@code c} is in the type's section. */
    void check(Checks c);

    /** Writes the fields after the framing header, as held. */
    void writeBody(WireWriter w);
}
