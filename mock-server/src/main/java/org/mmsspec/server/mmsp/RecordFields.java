package org.mmsspec.server.mmsp;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.mmsspec.codec.Bytes;

/** Copies a record with one component replaced, by name: field overrides and the few replies the factories lack. */
final class RecordFields {

    private RecordFields() {
    }

    /**
     * {@code r} with component {@code field} set to {@code value}, converted to the component's type (numbers to
     * long/int/double, anything to String, hex text or byte[] to Bytes).
     *
     * @throws IllegalArgumentException where the record has no such component or the value does not convert
     */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R r, String field, Object value) {
        RecordComponent[] components = r.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                if (c.getName().equals(field)) {
                    args[i] = convert(value, c.getType(), field);
                    found = true;
                } else {
                    c.getAccessor().setAccessible(true);
                    args[i] = c.getAccessor().invoke(r);
                }
            }
            if (!found) {
                throw new IllegalArgumentException(r.getClass().getSimpleName() + " has no field " + field);
            }
            Constructor<?> k = r.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            k.setAccessible(true);
            return (R) k.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("cannot set " + field + ": " + cause.getMessage(), cause);
        }
    }

    private static Object convert(Object v, Class<?> type, String field) {
        if (type == long.class && v instanceof Number n) {
            return n.longValue();
        }
        if (type == int.class && v instanceof Number n) {
            return n.intValue();
        }
        if (type == double.class && v instanceof Number n) {
            return n.doubleValue();
        }
        if (type == String.class) {
            return String.valueOf(v);
        }
        if (type == Bytes.class) {
            if (v instanceof byte[] b) {
                return Bytes.copyOf(b);
            }
            if (v instanceof Bytes b) {
                return b;
            }
            return Bytes.ofHex(String.valueOf(v));
        }
        if (v instanceof String s && (type == long.class || type == int.class || type == double.class)) {
            String t = s.trim();
            if (type == double.class) {
                return Double.parseDouble(t);
            }
            long n = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            return type == int.class ? (Object) (int) n : (Object) n;
        }
        throw new IllegalArgumentException(field + " is a " + type.getSimpleName() + ", not " + v);
    }
}
