package org.mmsspec.codec.mmsp;

import java.util.List;

/**
 * A TcpMessageHeader packet: the header and the zero or more MMS messages it carries (MS-MMSP 2.2.3).
 */
public record CommandPacket(TcpMessageHeader header, List<MmsMessage> messages) {

    public CommandPacket {
        messages = List.copyOf(messages);
    }

    /** The canonical packet carrying {@code messages} with sequence number {@code seq}. */
    public static CommandPacket of(int seq, MmsMessage... messages) {
        List<MmsMessage> list = List.of(messages);
        return new CommandPacket(TcpMessageHeader.canonical(seq, CommandPacketCodec.areaLength(list)), list);
    }

    /** The only message, for the usual one-message packet. */
    public MmsMessage message() {
        if (messages.size() != 1) {
            throw new IllegalStateException("packet carries " + messages.size() + " messages");
        }
        return messages.get(0);
    }
}
