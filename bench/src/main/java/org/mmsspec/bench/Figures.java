package org.mmsspec.bench;

import java.util.Locale;
import java.util.StringJoiner;

/** The last line of a bench: {@code key=value} words in the order they were put, numbers in the root locale. */
final class Figures {

    private final StringJoiner line = new StringJoiner(" ");

    Figures put(String key, long value) {
        line.add(key + "=" + value);
        return this;
    }

    /** A measured value with {@code decimals} digits after the point. */
    Figures put(String key, double value, int decimals) {
        line.add(key + "=" + String.format(Locale.ROOT, "%." + decimals + "f", value));
        return this;
    }

    Figures put(String key, String word) {
        if (word.isEmpty() || word.chars().anyMatch(c -> c == ' ' || c == '=')) {
            throw new IllegalArgumentException(key + ": not one word: '" + word + "'");
        }
        line.add(key + "=" + word);
        return this;
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
