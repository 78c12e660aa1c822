package org.mmsspec.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmsspec.codec.FieldMap;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;

/** The pieces every line of {@code mmsspec decode} shares, as ordered maps Jackson writes in order. */
final class Json {

    private Json() {
    }

    static Map<String, Object> unit(long offset, int length, String kind) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("offset", offset);
        line.put("length", length);
        line.put("kind", kind);
        return line;
    }

    static void section(Map<String, Object> line, Section s) {
        line.put("spec", s.spec());
        line.put("section", s.number());
    }

    static List<Map<String, Object>> violations(List<Violation> vs) {
        List<Map<String, Object>> out = new ArrayList<>(vs.size());
        for (Violation v : vs) {
            Map<String, Object> m = new LinkedHashMap<>();
            section(m, v.section());
            m.put("level", v.level().name());
            m.put("field", v.field());
            m.put("expected", v.expected());
            m.put("actual", v.actual());
            m.put("offset", v.offset());
            out.add(m);
        }
        return out;
    }

    /** Bytes of a payload printed in full would drown the protocol: a payload shows as its length and a prefix. */
    static final int PAYLOAD_PREFIX = 16;

    /**
     * The fields of a decoded unit, spec names kept, with every {@code Payload} (the media a Data packet carries)
     * shortened to its length and first {@value #PAYLOAD_PREFIX} bytes.
     */
    static Map<String, Object> fields(Record value) {
        return summarise(FieldMap.of(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summarise(Map<String, Object> fields) {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equals("Payload") && e.getValue() instanceof String hex) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("length", hex.length() / 2);
                m.put("prefix", hex.substring(0, Math.min(hex.length(), 2 * PAYLOAD_PREFIX)));
                e.setValue(m);
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                summarise((Map<String, Object>) nested);
            }
        }
        return fields;
    }

    /** An undecodable unit: where and why decoding stopped, offsets relative to the unit. */
    static void error(Map<String, Object> line, MalformedInputException e) {
        line.put("error", reason(e));
        section(line, e.section());
        line.put("field", e.field());
        line.put("errorOffset", e.offset());
        line.put("violations", List.of());
    }

    /** The exception's own words, without the section, field and offset its message starts with. */
    static String reason(MalformedInputException e) {
        String prefix = e.section() + " " + e.field() + " at offset " + e.offset() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
