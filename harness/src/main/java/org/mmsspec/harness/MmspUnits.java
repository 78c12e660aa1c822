package org.mmsspec.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldMap;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;
import org.mmsspec.codec.mmsp.MessageType;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * An MS-MMSP TCP stream, cut by {@link StreamFramer}. A command packet gives one line per message, each with the
 * violations found in its own bytes; the header's violations go with message 0. A Data packet gives one line with
 * its payload summarised as its length and first bytes.
 */
final class MmspUnits implements UnitStream {

    /** The framer is fed as a socket would: in reads of this size, so units spanning reads are exercised too. */
    static final int READ_SIZE = 64 * 1024;

    private final Direction direction;
    private final DecodeOptions options;

    MmspUnits(Direction direction, DecodeOptions options) {
        this.direction = direction;
        this.options = options;
    }

    @Override
    public void decode(byte[] input, Consumer<Map<String, Object>> out) {
        StreamFramer framer = new StreamFramer(direction, options);
        for (int pos = 0; pos < input.length; pos += READ_SIZE) {
            framer.feed(input, pos, Math.min(READ_SIZE, input.length - pos), u -> lines(u, input, out));
        }
        framer.finish();
    }

    private static void lines(StreamFramer.Unit unit, byte[] input, Consumer<Map<String, Object>> out) {
        if (unit instanceof StreamFramer.Command c) {
            command(c, input, out);
        } else if (unit instanceof StreamFramer.Data d) {
            out.accept(data(d));
        } else if (unit instanceof StreamFramer.Undecodable u) {
            Map<String, Object> line = Json.unit(u.offset(), u.length(), u.command() ? "command" : "data");
            Json.error(line, u.error());
            out.accept(line);
        }
    }

    private static void command(StreamFramer.Command c, byte[] input, Consumer<Map<String, Object>> out) {
        CommandPacket p = c.decoded().value();
        Map<String, Object> header = FieldMap.of(p.header());
        List<Integer> starts = messageStarts(input, (int) c.offset(), c.length(), c.decoded().value().messages());
        List<List<Violation>> owned = new ArrayList<>();
        for (int i = 0; i < Math.max(1, p.messages().size()); i++) {
            owned.add(new ArrayList<>());
        }
        for (Violation v : c.decoded().violations()) {
            owned.get(Math.min(owner(starts, v.offset()), owned.size() - 1)).add(v);
        }
        if (p.messages().isEmpty()) {
            Map<String, Object> line = Json.unit(c.offset(), c.length(), "command");
            line.put("header", header);
            line.put("fields", Map.of());
            line.put("violations", Json.violations(owned.get(0)));
            out.accept(line);
            return;
        }
        for (int i = 0; i < p.messages().size(); i++) {
            MmsMessage m = p.messages().get(i);
            MessageType type = m.type();
            Map<String, Object> line = Json.unit(c.offset(), c.length(), "command");
            line.put("index", i);
            line.put("mid", type.midHex());
            line.put("name", type.name());
            Json.section(line, type.section());
            line.put("header", header);
            line.put("fields", FieldMap.of((Record) m));
            line.put("violations", Json.violations(owned.get(i)));
            out.accept(line);
        }
    }

    private static Map<String, Object> data(StreamFramer.Data d) {
        Map<String, Object> line = Json.unit(d.offset(), d.length(), "data");
        Json.section(line, DataPacket.SECTION);
        line.put("fields", Json.fields(d.decoded().value()));
        line.put("violations", Json.violations(d.decoded().violations()));
        return line;
    }

    /** Where each message of the packet at {@code input[off, off + len)} starts, relative to the packet. */
    static List<Integer> messageStarts(byte[] input, int off, int len, List<MmsMessage> messages) {
        if (messages.size() < 2) {
            return List.of(TcpMessageHeader.SIZE); // the common case needs no second decode
        }
        return CommandPacketCodec.layout(Arrays.copyOfRange(input, off, off + len), null).messages().stream()
                .map(Layout.MessageLayout::offset).toList();
    }

    /** The message a violation at unit offset {@code at} belongs to; header and placeless ones go to message 0. */
    private static int owner(List<Integer> starts, int at) {
        int owner = 0;
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) <= at) {
                owner = i;
            }
        }
        return owner;
    }
}
