package org.mmsspec.server.mmsh;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.WeakHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshFrameCodec;

/**
 * The $D frames of one server, each encoded once into direct memory and then written by every session that sends it
 * alike: a thousand paced sessions of one file send the same packets, and encoding each for each session, then
 * copying it into a direct buffer for the socket, was most of the server's Java work per session (bench mmsh).
 *
 * <p>A frame is keyed by the ASF packet array its source returned (sources hand every session the same array and
 * nobody changes it: {@link DataPacketSource}), and kept for the first LocationId, playIncarnation and AFFlags it was
 * sent with, with and without the B bit; a session whose frame differs (it started elsewhere, skipped a packet)
 * encodes its own. Keys are weak: a frame lives as long as its source keeps the array, so a source that makes arrays
 * afresh (odd stream selections) cannot grow memory here.
 */
final class SharedFrames {

    /** Weak keys compared by identity: arrays do not override equals or hashCode. */
    private final Map<byte[], ByteBuf[]> frames = new WeakHashMap<>();

    /**
     * The frame of {@code d} to write, shared (written buffers are released as usual: this one never frees), or null
     * where this variant is not kept; {@code asf} is the array {@code d}'s payload views whole.
     */
    ByteBuf frame(MmshData d, byte[] asf) {
        int b = d.framing().B();
        ByteBuf kept;
        synchronized (frames) {
            ByteBuf[] variants = frames.computeIfAbsent(asf, a -> new ByteBuf[2]);
            kept = variants[b];
            if (kept == null) {
                byte[] encoded = MmshFrameCodec.encode(d);
                // a JDK direct buffer: the garbage collector frees it with its key, as nothing else would
                kept = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(
                        ByteBuffer.allocateDirect(encoded.length).put(encoded).flip()));
                variants[b] = kept;
                return kept.duplicate();
            }
        }
        return matches(kept, d.packet()) ? kept.duplicate() : null;
    }

    /** Whether the kept frame carries this packet's header fields (its payload is the same array). */
    private static boolean matches(ByteBuf kept, DataPacket p) {
        int at = kept.readerIndex() + 4; // past the $D framing header: the Data packet header
        return kept.getUnsignedIntLE(at) == p.LocationId() && kept.getUnsignedByte(at + 4) == p.playIncarnation()
                && kept.getUnsignedByte(at + 5) == p.AFFlags();
    }
}
