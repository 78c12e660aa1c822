package org.mmsspec.client;

import java.util.Map;
import java.util.stream.Collectors;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.FieldMap;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.MmsMessage;

/** The text form of transcript entries: names, decoded fields and annotated hex. */
final class Rendering {

    /** Longest field value printed in full; payloads are long and already in the hex. */
    private static final int MAX_VALUE = 72;

    private Rendering() {
    }

    static String name(Object decoded) {
        if (decoded == null) {
            return "";
        }
        if (decoded instanceof CommandPacket p) {
            return p.messages().stream().map(m -> m.type().name()).collect(Collectors.joining(" + ", "[", "]"));
        }
        if (decoded instanceof MmshPacket m) {
            return "$" + m.type().name() + " " + m.getClass().getSimpleName();
        }
        if (decoded instanceof HttpHead h) {
            return h.startLine();
        }
        return decoded.getClass().getSimpleName();
    }

    /** Decoded fields, one line per message or structure, each indented by {@code indent}. */
    static void fields(StringBuilder out, Object decoded, String indent) {
        if (decoded instanceof CommandPacket p) {
            line(out, indent, "TcpMessageHeader", FieldMap.of(p.header()));
            for (MmsMessage m : p.messages()) {
                line(out, indent, m.type().name(), m instanceof Record r ? FieldMap.of(r) : Map.of());
            }
        } else if (decoded instanceof HttpHead h) {
            h.lines().forEach(l -> out.append(indent).append(l).append('\n'));
        } else if (decoded instanceof Record r) {
            line(out, indent, name(decoded), FieldMap.of(r));
        } else if (decoded != null) {
            out.append(indent).append(decoded).append('\n');
        }
    }

    private static void line(StringBuilder out, String indent, String name, Map<String, Object> fields) {
        out.append(indent).append(name).append(' ');
        out.append(fields.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}")));
        out.append('\n');
    }

    private static String value(Object v) {
        String s = v instanceof Long l ? (l > 9 ? l + "/0x" + Long.toHexString(l).toUpperCase() : l.toString())
                : String.valueOf(v);
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…(" + s.length() + " chars)";
    }

    /** Classic hex dump, 16 bytes a line with offsets and ASCII, cut after {@code max} bytes. */
    static void hex(StringBuilder out, Bytes b, int max, String indent) {
        int n = Math.min(b.length(), max);
        for (int line = 0; line < n; line += 16) {
            out.append(indent).append(String.format("%04x ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < n) {
                    int v = b.get(i) & 0xFF;
                    out.append(String.format(" %02x", v));
                    ascii.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
                } else {
                    out.append("   ");
                }
            }
            out.append("  ").append(ascii).append('\n');
        }
        if (b.length() > n) {
            out.append(indent).append("… ").append(b.length() - n).append(" more bytes\n");
        }
    }
}
