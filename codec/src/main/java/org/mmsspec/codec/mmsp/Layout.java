package org.mmsspec.codec.mmsp;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.codec.FieldSpan;

/**
 * Where the fields of a decoded command packet lie: the header's fields, then for each message its chunkLen, MID,
 * body, fields and padding, with offsets from the start of the packet. {@link CommandPacketCodec#layout} builds it.
 */
public record Layout(List<FieldSpan> header, List<MessageLayout> messages) {

    public Layout {
        header = List.copyOf(header);
        messages = List.copyOf(messages);
    }

    /** One message's spans, in wire order; {@code offset} is where its chunkLen starts. */
    public record MessageLayout(MessageType type, int offset, int length, List<FieldSpan> fields) {

        public MessageLayout {
            fields = List.copyOf(fields);
        }

        /** The first span named {@code name}, or null. */
        public FieldSpan field(String name) {
            for (FieldSpan f : fields) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
            return null;
        }

        /** The spans of the message's own fields: neither chunkLen, MID, body nor padding. */
        public List<FieldSpan> bodyFields() {
            List<FieldSpan> out = new ArrayList<>(fields.size());
            for (int i = 2; i < fields.size(); i++) {
                FieldSpan f = fields.get(i);
                if (f.kind() != FieldSpan.Kind.STRUCTURE && f.kind() != FieldSpan.Kind.PADDING) {
                    out.add(f);
                }
            }
            return out;
        }

        public int end() {
            return offset + length;
        }
    }

    /** The header span named {@code name}. */
    public FieldSpan headerField(String name) {
        for (FieldSpan f : header) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no header field " + name);
    }

    /** Cuts the spans a decode recorded at the indexes where each message began. */
    static Layout of(List<FieldSpan> spans, List<Integer> starts, List<MmsMessage> messages) {
        int headerEnd = starts.isEmpty() ? spans.size() : starts.get(0);
        List<MessageLayout> out = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            List<FieldSpan> fields = spans.subList(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1)
                    : spans.size());
            int offset = fields.get(0).offset();
            int end = offset;
            for (FieldSpan f : fields) {
                end = Math.max(end, f.end());
            }
            out.add(new MessageLayout(messages.get(i).type(), offset, end - offset, fields));
        }
        return new Layout(spans.subList(0, headerEnd), out);
    }
}
