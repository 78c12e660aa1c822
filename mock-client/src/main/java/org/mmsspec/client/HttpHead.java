package org.mmsspec.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;

/**
 * The head of an HTTP request or response as MMSH carries it (MS-WMSP 2.1, 2.2.1): the start line and the header
 * lines in order, repeats kept (servers send several Pragma lines).
 */
public record HttpHead(String startLine, List<Map.Entry<String, String>> headers) {

    /** Largest head accepted; real heads are a few hundred bytes. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    public static final int MAX_HEADER_LINES = 200;
    static final Section TRANSPORT = Section.wmsp("2.1");

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** Parses {@code b[0, length)}, the bytes before the blank line. */
    public static HttpHead parse(byte[] b, int length) {
        String[] lines = new String(b, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        if (lines.length > MAX_HEADER_LINES) {
            throw new MalformedInputException(TRANSPORT, "header", 0,
                    lines.length + " header lines exceed the bound of " + MAX_HEADER_LINES);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new MalformedInputException(TRANSPORT, "header", 0, "header line without a name: " + lines[i]);
            }
            headers.add(Map.entry(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
        }
        return new HttpHead(lines[0], headers);
    }

    /** The status code of a response; -1 where the status line has none. */
    public int status() {
        String[] parts = startLine.split(" ");
        try {
            return parts.length > 1 && startLine.startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    public List<String> all(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
    }

    /** Every Pragma directive, split at commas outside quotes: {@code features="seekable,stridable"} stays whole. */
    public List<String> pragmas() {
        List<String> out = new ArrayList<>();
        for (String value : all("Pragma")) {
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (char ch : value.toCharArray()) {
                if (ch == '"') {
                    quoted = !quoted;
                }
                if (ch == ',' && !quoted) {
                    add(out, cur);
                } else {
                    cur.append(ch);
                }
            }
            add(out, cur);
        }
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        cur.setLength(0);
    }

    /** The value of Pragma directive {@code name=value}, or null. */
    public String pragma(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + "=";
        return pragmas().stream().filter(p -> p.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(p -> p.substring(prefix.length())).findFirst().orElse(null);
    }

    public boolean chunked() {
        String te = header("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The head as lines, for the transcript. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(startLine);
        headers.forEach(h -> out.add(h.getKey() + ": " + h.getValue()));
        return out;
    }
}
