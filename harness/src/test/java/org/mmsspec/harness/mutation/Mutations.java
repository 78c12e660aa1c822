package org.mmsspec.harness.mutation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.PacketType;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Payload;
import org.mmsspec.server.scenario.Mutation.Quirk;

/** The usual faults, one line each: a quirk, one field of every reply or Data packet, an MMSH head or packet. */
final class Mutations {

    /** Offsets in an MMSH packet: the framing header, then for $D, $H and $M the MMS data packet (MS-WMSP 2.2.3). */
    static final int FRAME_BYTE = 0;
    static final int PACKET_LENGTH = 2;
    static final int MMSH_LOCATION_ID = 4;
    static final int MMSH_AFFLAGS = 9;
    static final int MMSH_PACKET_SIZE = 10;
    /** Offsets in a Data packet (MS-MMSP 2.2.2). */
    static final int LOCATION_ID = 0;
    static final int PLAY_INCARNATION = 4;
    static final int AFFLAGS = 5;
    static final int PACKET_SIZE = 6;

    private Mutations() {
    }

    static Mutation quirk(Quirk q) {
        return new Mutation() {
            @Override
            public boolean has(Quirk x) {
                return x == q;
            }
        };
    }

    /** The TcpMessageHeader field {@code field} of every command packet, changed (MS-MMSP 2.2.3). */
    static Mutation header(String field, LongUnaryOperator change) {
        return new Mutation() {
            @Override
            public byte[] reply(CommandPacket packet, byte[] encoded) {
                FieldSpan s = CommandPacketCodec.layout(encoded, Direction.S2C).headerField(field);
                return put(encoded, s.offset(), s.size(), change.applyAsLong(get(encoded, s.offset(), s.size())));
            }
        };
    }

    /** Integer field {@code field} of message {@code message} wherever it is sent, changed on the wire. */
    static Mutation field(String message, String field, LongUnaryOperator change) {
        return new Mutation() {
            @Override
            public byte[] reply(CommandPacket packet, byte[] encoded) {
                Layout layout = CommandPacketCodec.layout(encoded, Direction.S2C);
                byte[] out = encoded;
                for (Layout.MessageLayout m : layout.messages()) {
                    FieldSpan s = m.type() == null || !m.type().name().equals(message) ? null : m.field(field);
                    if (s != null) {
                        out = put(out, s.offset(), s.size(), change.applyAsLong(get(out, s.offset(), s.size())));
                    }
                }
                return out;
            }
        };
    }

    /** Every command packet, changed as a whole. */
    static Mutation replies(UnaryOperator<byte[]> change) {
        return new Mutation() {
            @Override
            public byte[] reply(CommandPacket packet, byte[] encoded) {
                return change.apply(encoded.clone());
            }
        };
    }

    /** The Data packets carrying {@code payload} that {@code which} picks, changed; an empty array drops one. */
    static Mutation data(Payload payload, Predicate<DataPacket> which, UnaryOperator<byte[]> change) {
        return new Mutation() {
            @Override
            public byte[] data(Payload p, DataPacket packet, byte[] encoded) {
                return p == payload && which.test(packet) ? change.apply(encoded.clone()) : encoded;
            }
        };
    }

    static Mutation data(Payload payload, UnaryOperator<byte[]> change) {
        return data(payload, p -> true, change);
    }

    /** Each {@code type} message from the client, misread as {@code change} makes it. */
    static <T extends MmsMessage> Mutation received(Class<T> type, UnaryOperator<T> change) {
        return new Mutation() {
            @Override
            public MmsMessage received(MmsMessage message) {
                return type.isInstance(message) ? change.apply(type.cast(message)) : message;
            }
        };
    }

    /** Every MMSH request, misread: the Pragma token {@code name} goes unseen, whichever Pragma line carries it. */
    static Mutation unseenPragma(String name) {
        return new Mutation() {
            @Override
            public void request(HttpRequest request) {
                withoutPragma(request.headers(), name);
            }
        };
    }

    /** {@code headers} without Pragma token {@code name}, on a line of its own or among others. */
    static void withoutPragma(HttpHeaders headers, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + "=";
        List<String> lines = headers.getAll("Pragma").stream().map(line -> String.join(",", Arrays.stream(
                line.split(",")).filter(t -> !t.strip().toLowerCase(Locale.ROOT).startsWith(prefix)).toList()))
                .filter(line -> !line.isBlank()).toList();
        headers.remove("Pragma");
        lines.forEach(line -> headers.add("Pragma", line));
    }

    /** Every MMSH response head, changed in place. */
    static Mutation head(Consumer<HttpResponse> change) {
        return new Mutation() {
            @Override
            public void head(HttpResponse response) {
                change.accept(response);
            }
        };
    }

    /** Every MMSH packet of {@code type}, changed; an empty array drops it. */
    static Mutation frame(PacketType type, UnaryOperator<byte[]> change) {
        return new Mutation() {
            @Override
            public byte[] frame(MmshPacket packet, byte[] encoded) {
                return packet.type() == type ? change.apply(encoded.clone()) : encoded;
            }
        };
    }

    /** Field {@code field} of every {@code message} sent as {@code value}, through the scenario's faults. */
    static Faults override(String message, String field, Object value) {
        return faults(List.of(new Faults.FieldOverride(message, field, value)), Set.of(), false);
    }

    /** The named replies never sent. */
    static Faults drop(String... messages) {
        return faults(List.of(), Set.of(messages), false);
    }

    /** The replies to one request carried in one command packet. */
    static Faults combined() {
        return faults(List.of(), Set.of(), true);
    }

    private static Faults faults(List<Faults.FieldOverride> overrides, Set<String> drop, boolean combine) {
        Faults n = Faults.NONE;
        return new Faults(Map.of(), drop, overrides, n.oneByteSegments(), combine, n.closeMidMessage(),
                n.garbageAfter(), n.headerLastFlag());
    }

    /** {@code b} with {@code size} bytes at {@code offset} (at most 8) set to {@code value}, little-endian. */
    static byte[] put(byte[] b, int offset, int size, long value) {
        byte[] out = Arrays.copyOf(b, b.length);
        for (int i = 0; i < Math.min(size, 8); i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    static long get(byte[] b, int offset, int size) {
        long v = 0;
        for (int i = Math.min(size, 8) - 1; i >= 0; i--) {
            v = v << 8 | (b[offset + i] & 0xFF);
        }
        return v;
    }

    static UnaryOperator<byte[]> set(int offset, int size, long value) {
        return b -> put(b, offset, size, value);
    }

    static UnaryOperator<byte[]> add(int offset, int size, long delta) {
        return b -> put(b, offset, size, get(b, offset, size) + delta);
    }
}
