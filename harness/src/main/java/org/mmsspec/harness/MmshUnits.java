package org.mmsspec.harness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsh.MmshStreamFramer;

/**
 * An MMSH response (MS-WMSP): optional HTTP response headers, then a body of framed packets ($H, $D, $E...). A
 * capture that starts with {@code HTTP/} gets one "http" line for the status and headers, and a chunked body is
 * de-chunked first; packet offsets count from the start of the (de-chunked) body.
 */
final class MmshUnits implements UnitStream {

    private static final Section HTTP = Section.wmsp("2.1");
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private final DecodeOptions options;

    MmshUnits(DecodeOptions options) {
        this.options = options;
    }

    @Override
    public void decode(byte[] input, Consumer<Map<String, Object>> out) {
        byte[] body = input;
        if (startsWith(input, "HTTP/")) {
            int end = indexOf(input, END_OF_HEADERS, Math.min(input.length, options.maxMessageSize()));
            if (end < 0) {
                throw new MalformedInputException(HTTP, "headers", 0, "no end of the HTTP response headers");
            }
            String head = new String(input, 0, end, StandardCharsets.ISO_8859_1);
            Map<String, Object> line = Json.unit(0, end + 4, "http");
            List<String> lines = head.lines().toList();
            line.put("status", lines.get(0));
            Map<String, Object> headers = new LinkedHashMap<>();
            for (String h : lines.subList(1, lines.size())) {
                int colon = h.indexOf(':');
                if (colon > 0) {
                    headers.merge(h.substring(0, colon).strip(), h.substring(colon + 1).strip(),
                            (a, b) -> a + ", " + b);
                }
            }
            line.put("headers", headers);
            line.put("violations", List.of());
            out.accept(line);
            body = java.util.Arrays.copyOfRange(input, end + 4, input.length);
            if (headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                    && e.getValue().toString().toLowerCase(Locale.ROOT).contains("chunked"))) {
                body = dechunk(body);
            }
        }
        MmshStreamFramer framer = new MmshStreamFramer(options);
        for (int pos = 0; pos < body.length; pos += MmspUnits.READ_SIZE) {
            framer.feed(body, pos, Math.min(MmspUnits.READ_SIZE, body.length - pos), u -> out.accept(line(u)));
        }
        framer.finish();
    }

    private static Map<String, Object> line(MmshStreamFramer.Unit unit) {
        if (unit instanceof MmshStreamFramer.Frame f) {
            var packet = f.decoded().value();
            Map<String, Object> line = Json.unit(f.offset(), f.length(), "mmsh");
            line.put("packet", "$" + packet.type().name());
            Json.section(line, packet.type().section());
            line.put("fields", Json.fields((Record) packet));
            line.put("violations", Json.violations(f.decoded().violations()));
            return line;
        }
        MmshStreamFramer.Undecodable u = (MmshStreamFramer.Undecodable) unit;
        Map<String, Object> line = Json.unit(u.offset(), u.length(), "mmsh");
        Json.error(line, u.error());
        return line;
    }

    /** HTTP/1.1 chunked coding (RFC 9112 7.1), every chunk size bounded by the bytes present. */
    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int pos = 0;
        while (pos < b.length) {
            int eol = indexOf(b, new byte[] {'\r', '\n'}, pos, b.length);
            if (eol < 0) {
                throw new MalformedInputException(HTTP, "chunk-size", pos, "chunk size line without CRLF");
            }
            String size = new String(b, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";", 2)[0].strip();
            long n;
            try {
                n = Long.parseLong(size, 16);
            } catch (NumberFormatException e) {
                throw new MalformedInputException(HTTP, "chunk-size", pos, "not a hex chunk size: \"" + size + "\"");
            }
            int data = eol + 2;
            if (n == 0) {
                break;
            }
            if (n > b.length - data) {
                throw new MalformedInputException(HTTP, "chunk-size", pos,
                        "chunk of " + n + " bytes, " + (b.length - data) + " left");
            }
            out.write(b, data, (int) n);
            pos = data + (int) n + 2;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] b, String prefix) {
        return b.length >= prefix.length()
                && new String(b, 0, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    private static int indexOf(byte[] b, byte[] what, int limit) {
        return indexOf(b, what, 0, limit);
    }

    private static int indexOf(byte[] b, byte[] what, int from, int limit) {
        outer:
        for (int i = from; i + what.length <= limit; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
