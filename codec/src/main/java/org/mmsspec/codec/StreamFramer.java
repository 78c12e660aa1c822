package org.mmsspec.codec;

import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * Cuts a TCP byte stream into command packets and Data packets (MS-MMSP 3.1.5.2): after 8 bytes, a sessionId of
 * 0xB00BFACE at offset 4 marks a command packet sized by messageLength; anything else is a Data packet sized by
 * PacketSize. Bytes may arrive in any split; see {@link UnitFramer} for views, copies and a lost stream.
 *
 * <p>A unit that is framed but cannot be decoded comes out as {@link Undecodable} and the stream goes on.
 */
public final class StreamFramer extends UnitFramer<StreamFramer.Unit> {

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
    public interface Sink extends UnitFramer.Sink<Unit> {
    }

    private final Direction direction;

    /** @param direction who sends the stream, judged on every MID; null to judge none */
    public StreamFramer(Direction direction, DecodeOptions options) {
        super(Section.mmsp("3.1.5.2"), options);
        this.direction = direction;
    }

    @Override
    protected int unitSize(byte[] b, int pos, int available, long at) {
        if (available < 8) {
            return -8;
        }
        if (isCommand(b, pos)) {
            if (available < 16) {
                return -16;
            }
            long messageLength = Integer.toUnsignedLong((b[pos + 8] & 0xFF) | (b[pos + 9] & 0xFF) << 8
                    | (b[pos + 10] & 0xFF) << 16 | (b[pos + 11] & 0xFF) << 24);
            long total = messageLength + 16;
            if (total < TcpMessageHeader.SIZE) {
                throw new MalformedInputException(Section.mmsp("2.2.3"), "messageLength", at + 8,
                        "messageLength " + messageLength + " is below 16, the header's own share");
            }
            if (total > options.maxMessageSize()) {
                throw new MalformedInputException(Section.mmsp("2.2.3"), "messageLength", at + 8,
                        "messageLength " + messageLength + " exceeds the bound of " + options.maxMessageSize());
            }
            return (int) total;
        }
        int size = DataPacket.packetSizeAt(b, pos);
        if (size < DataPacket.HEADER_SIZE) {
            throw new MalformedInputException(DataPacket.SECTION, "PacketSize", at + 6,
                    "PacketSize " + size + " is below the 8-byte header");
        }
        if (size > options.maxMessageSize()) {
            throw new MalformedInputException(DataPacket.SECTION, "PacketSize", at + 6,
                    "PacketSize " + size + " exceeds the bound of " + options.maxMessageSize());
        }
        return size;
    }

    private static boolean isCommand(byte[] b, int pos) {
        return b[pos + 4] == (byte) 0xCE && b[pos + 5] == (byte) 0xFA && b[pos + 6] == 0x0B
                && b[pos + 7] == (byte) 0xB0;
    }

    @Override
    protected Unit unit(byte[] b, int pos, int size, long at) {
        boolean command = isCommand(b, pos);
        try {
            return command
                    ? new Command(at, size, CommandPacketCodec.decode(b, pos, size, direction, options))
                    : new Data(at, size, DataPacket.decode(b, pos, size, options));
        } catch (MalformedInputException e) {
            // The unit was framed, so the stream is not lost: report it and go on.
            return new Undecodable(at, size, command, Bytes.view(b, pos, size), e);
        }
    }
}
