package org.mmsspec.codec;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a decoded value as an ordered map of the spec's names to plain values: integers as {@link Long},
 * DOUBLEs as {@link Double}, strings, byte fields as lowercase hex, nested structures as maps and arrays as lists.
 * This is what {@code mmsspec decode} prints and what the vector tables compare against.
 */
public final class FieldMap {

    private FieldMap() {
    }

    public static Map<String, Object> of(Record value) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), plain(c.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + value.getClass(), e);
            }
        }
        return out;
    }

    /** A plain value for {@code v}: what JSON and YAML can hold. */
    public static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Bytes b) {
            return b.hex();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(plain(o));
            }
            return out;
        }
        return v.toString();
    }
}
