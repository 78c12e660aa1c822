package org.mmsspec.server.mmsh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokens of every Pragma header of one request (MS-WMSP 2.2.1.4), in order. A Pragma line holds comma-separated
 * {@code name[=value]} tokens; quoted values may hold commas. {@code stream-switch-entry} and {@code log-line} must be
 * alone on their line, and their values hold spaces, so a line starting with either is taken whole.
 */
public final class PragmaTokens {

    public static final String CLIENT_ID = "client-id";
    public static final String XPLAYSTRM = "xPlayStrm";
    public static final String XPLAYNEXTENTRY = "xPlayNextEntry";
    public static final String XKEEPALIVEINPAUSE = "xKeepAliveInPause";
    public static final String XSTOPSTRM = "xStopStrm";
    public static final String LOG_LINE = "log-line";
    public static final String STREAM_SWITCH_ENTRY = "stream-switch-entry";
    public static final String STREAM_SWITCH_COUNT = "stream-switch-count";
    public static final String STREAM_TIME = "stream-time";
    public static final String STREAM_OFFSET = "stream-offset";
    public static final String PACKET_NUM = "packet-num";
    public static final String PACKET_PAIR_EXPERIMENT = "packet-pair-experiment";
    public static final String PIPELINE_REQUEST = "pipeline-request";
    public static final String VERSION11_ENABLED = "version11-enabled";
    public static final String REQUEST_CONTEXT = "request-context";
    /** Bounds what one request may make us hold. */
    static final int MAX_TOKENS = 256;

    /** One token; {@code value} is empty for a bare token such as {@code no-cache}, unquoted otherwise. */
    public record Token(String name, String value) {
        @Override
        public String toString() {
            return value.isEmpty() ? name : name + "=" + value;
        }
    }

    private final List<Token> tokens;

    private PragmaTokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Parses the values of all Pragma headers of a request, in their order. */
    public static PragmaTokens parse(List<String> pragmaLines) {
        List<Token> out = new ArrayList<>();
        for (String line : pragmaLines) {
            String t = line.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith(STREAM_SWITCH_ENTRY + "=") || lower.startsWith(LOG_LINE + "=")
                    || lower.startsWith("switch-stream-entry=")) {
                add(out, t);
                continue;
            }
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                }
                if (ch == ',' && !quoted) {
                    add(out, cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            add(out, cur.toString());
        }
        return new PragmaTokens(out);
    }

    private static void add(List<Token> out, String raw) {
        String t = raw.strip();
        if (t.isEmpty() || out.size() >= MAX_TOKENS) {
            return;
        }
        int eq = t.indexOf('=');
        String name = eq < 0 ? t : t.substring(0, eq).strip();
        String value = eq < 0 ? "" : t.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        out.add(new Token(name, value));
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The value of the last token of this name (names compare without case, as clients vary). */
    public Optional<String> get(String name) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (tokens.get(i).name().equalsIgnoreCase(name)) {
                return Optional.of(tokens.get(i).value());
            }
        }
        return Optional.empty();
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** True when the token is present with the value 1: the spec's flags. */
    public boolean flag(String name) {
        return get(name).map(v -> v.equals("1")).orElse(false);
    }

    /** The token as an unsigned 32-bit decimal, or empty where it is absent or not such a number. */
    public Optional<Long> u32(String name) {
        return get(name).flatMap(PragmaTokens::parseU32);
    }

    static Optional<Long> parseU32(String v) {
        if (v.isEmpty() || v.length() > 10 || !v.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long n = Long.parseLong(v);
        return n > 0xFFFF_FFFFL ? Optional.empty() : Optional.of(n);
    }

    @Override
    public String toString() {
        return String.join(",", tokens.stream().map(Token::toString).toList());
    }
}
