package org.mmsspec.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * Cuts a TCP byte stream into command packets and Data packets (MS-MMSP 3.1.5.2): after 8 bytes, a sessionId of
 * 0xB00BFACE at offset 4 marks a command packet sized by messageLength; anything else is a Data packet sized by
 * PacketSize. Bytes may arrive in any split. Not thread-safe; no I/O of its own.
 *
 * <p>Units decoded straight from the array given to {@link #feed} hold views of that array; units that spanned
 * several feeds hold copies. A unit that is framed but cannot be decoded comes out as {@link Undecodable} and the
 * stream goes on. Once a unit cannot be framed (a size below the minimum or above the bound), the framer has lost
 * the stream: it throws {@link MalformedInputException} then and on every later feed.
 */
public final class StreamFramer {

    /** One framed unit and its offset in the stream. */
    public sealed interface Unit permits Command, Data, Undecodable {
        long offset();

        int length();

        Decoded<?> decoded();
    }

    public record Command(long offset, int length, Decoded<CommandPacket> decoded) implements Unit {
    }

    public record Data(long offset, int length, Decoded<DataPacket> decoded) implements Unit {
    }

    /**
     * A unit that could be framed but not decoded (a message shorter than its fields, say). The stream goes on after
     * it. {@code error.offset()} is relative to the unit.
     */
    public record Undecodable(long offset, int length, boolean command, Bytes bytes, MalformedInputException error)
            implements Unit {
        @Override
        public Decoded<?> decoded() {
            return null;
        }
    }

    @FunctionalInterface
    public interface Sink {
        void unit(Unit u);
    }

    private static final Section FRAMING = Section.mmsp("3.1.5.2");

    private final Direction direction;
    private final DecodeOptions options;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private long offset;
    private MalformedInputException failure;

    /** @param direction who sends the stream, judged on every MID; null to judge none */
    public StreamFramer(Direction direction, DecodeOptions options) {
        this.direction = direction;
        this.options = options;
    }

    /** Stream offset of the next byte not yet framed. */
    public long offset() {
        return offset;
    }

    /** Bytes held back waiting for the rest of a unit. */
    public int pendingBytes() {
        return pendingLength;
    }

    public List<Unit> feed(byte[] b) {
        List<Unit> out = new ArrayList<>();
        feed(b, 0, b.length, out::add);
        return out;
    }

    public void feed(byte[] b, int off, int len, Sink sink) {
        if (failure != null) {
            throw failure;
        }
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        try {
            int pos = off;
            int end = off + len;
            if (pendingLength > 0) {
                pos = completePending(b, pos, end, sink);
            }
            while (pos < end) {
                int size = unitSize(b, pos, end - pos);
                if (size < 0 || end - pos < size) {
                    hold(b, pos, end - pos);
                    return;
                }
                emit(b, pos, size, sink);
                pos += size;
            }
        } catch (MalformedInputException e) {
            failure = e;
            throw e;
        }
    }

    /** Declares the end of the stream: a unit left incomplete is a truncation. */
    public void finish() {
        if (failure != null) {
            throw failure;
        }
        if (pendingLength > 0) {
            failure = new MalformedInputException(FRAMING, "stream", offset,
                    "stream ends inside a unit: " + pendingLength + " bytes of it arrived");
            throw failure;
        }
    }

    private int completePending(byte[] b, int pos, int end, Sink sink) {
        // Top up the held bytes until their unit's size is known, then until the unit is whole. The size is judged
        // as soon as its bytes are in, so an oversized unit is refused without waiting for more of the stream.
        while (true) {
            int size = unitSize(pending, 0, pendingLength);
            if (size >= 0 && pendingLength == size) {
                byte[] unit = Arrays.copyOf(pending, size);
                pendingLength = 0;
                emit(unit, 0, size, sink);
                return pos;
            }
            if (pos == end) {
                return pos;
            }
            int want = size < 0 ? (pendingLength < 8 ? 8 : 16) - pendingLength : size - pendingLength;
            int take = Math.min(want, end - pos);
            append(b, pos, take);
            pos += take;
        }
    }

    /** The size of the unit at {@code b[pos]}, or -1 while too few bytes have arrived to tell. */
    private int unitSize(byte[] b, int pos, int available) {
        if (available < 8) {
            return -1;
        }
        if (isCommand(b, pos)) {
            if (available < 16) {
                return -1;
            }
            long messageLength = Integer.toUnsignedLong((b[pos + 8] & 0xFF) | (b[pos + 9] & 0xFF) << 8
                    | (b[pos + 10] & 0xFF) << 16 | (b[pos + 11] & 0xFF) << 24);
            long total = messageLength + 16;
            if (total < TcpMessageHeader.SIZE) {
                throw new MalformedInputException(Section.mmsp("2.2.3"), "messageLength", offset + 8,
                        "messageLength " + messageLength + " is below 16, the header's own share");
            }
            if (total > options.maxMessageSize()) {
                throw new MalformedInputException(Section.mmsp("2.2.3"), "messageLength", offset + 8,
                        "messageLength " + messageLength + " exceeds the bound of " + options.maxMessageSize());
            }
            return (int) total;
        }
        int size = DataPacket.packetSizeAt(b, pos);
        if (size < DataPacket.HEADER_SIZE) {
            throw new MalformedInputException(DataPacket.SECTION, "PacketSize", offset + 6,
                    "PacketSize " + size + " is below the 8-byte header");
        }
        if (size > options.maxMessageSize()) {
            throw new MalformedInputException(DataPacket.SECTION, "PacketSize", offset + 6,
                    "PacketSize " + size + " exceeds the bound of " + options.maxMessageSize());
        }
        return size;
    }

    private static boolean isCommand(byte[] b, int pos) {
        return b[pos + 4] == (byte) 0xCE && b[pos + 5] == (byte) 0xFA && b[pos + 6] == 0x0B
                && b[pos + 7] == (byte) 0xB0;
    }

    private void emit(byte[] b, int pos, int size, Sink sink) {
        long at = offset;
        boolean command = isCommand(b, pos);
        Unit u;
        try {
            u = command
                    ? new Command(at, size, CommandPacketCodec.decode(b, pos, size, direction, options))
                    : new Data(at, size, DataPacket.decode(b, pos, size, options));
        } catch (MalformedInputException e) {
            // The unit was framed, so the stream is not lost: report it and go on.
            u = new Undecodable(at, size, command, Bytes.view(b, pos, size), e);
        }
        offset += size;
        sink.unit(u);
    }

    private void hold(byte[] b, int pos, int n) {
        append(b, pos, n);
    }

    private void append(byte[] b, int pos, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, Math.min(2 * pending.length + 64,
                    options.maxMessageSize())));
        }
        System.arraycopy(b, pos, pending, pendingLength, n);
        pendingLength += n;
    }
}
