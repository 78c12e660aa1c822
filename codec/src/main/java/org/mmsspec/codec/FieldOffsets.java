package org.mmsspec.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Field name to offset, for the few fields of one message: two small arrays instead of a hash map, because every
 * field read records its offset and a violation, the only reader, is rare. A name put again takes the new offset.
 */
final class FieldOffsets extends AbstractMap<String, Integer> {

    private String[] names = new String[12];
    private int[] offsets = new int[12];
    private int size;

    private int indexOf(Object name) {
        for (int i = size - 1; i >= 0; i--) {
            if (names[i] == name || names[i].equals(name)) { // names are literals: identity usually decides
                return i;
            }
        }
        return -1;
    }

    @Override
    public Integer put(String name, Integer offset) {
        int i = indexOf(name);
        if (i >= 0) {
            int old = offsets[i];
            offsets[i] = offset;
            return old;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        names[size] = name;
        offsets[size++] = offset;
        return null;
    }

    @Override
    public Integer get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : offsets[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Integer>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Integer> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], offsets[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
