package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Reads a target process's output as it comes (so that a chatty target never blocks on a full pipe), keeps its last
 * lines for the report, and notes the first line a sanitizer wrote.
 */
public final class TargetOutput {

    /** AddressSanitizer, UndefinedBehaviorSanitizer, LeakSanitizer and the rest, and UBSan's short form. */
    private static final Pattern SANITIZER = Pattern.compile("[A-Za-z]+Sanitizer\\b|runtime error:");
    private static final int LINE_BOUND = 512;
    private static final int TAIL_LINES = 20;

    private final Thread reader;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile String sanitizer;

    public TargetOutput(InputStream in, String name) {
        reader = new Thread(() -> read(in), name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether {@code line} is a sanitizer's report. */
    public static boolean isSanitizerLine(String line) {
        return SANITIZER.matcher(line).find();
    }

    private void read(InputStream in) {
        StringBuilder line = new StringBuilder();
        byte[] b = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(b)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (b[i] == '\n') {
                        line(line.toString());
                        line.setLength(0);
                    } else if (line.length() < LINE_BOUND) {
                        line.append((char) (b[i] & 0xFF));
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        if (!line.isEmpty()) {
            line(line.toString());
        }
    }

    private void line(String s) {
        String text = new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        if (sanitizer == null && isSanitizerLine(text)) {
            sanitizer = text;
        }
        synchronized (tail) {
            tail.addLast(text);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    /** The first sanitizer line, or null. */
    public String sanitizer() {
        return sanitizer;
    }

    /** Waits (bounded) until the output has ended, as it does soon after the process exits. */
    public void awaitEnd(long millis) throws InterruptedException {
        reader.join(TimeUnit.MILLISECONDS.toMillis(millis));
    }

    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }
}
