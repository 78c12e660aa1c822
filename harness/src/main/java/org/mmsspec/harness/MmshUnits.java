package org.mmsspec.harness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.mmsspec.client.Dechunker;
import org.mmsspec.client.HttpHead;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsh.MmshStreamFramer;

/**
 * An MMSH response (MS-WMSP): optional HTTP response headers, then a body of framed packets ($H, $D, $E...). A
 * capture that starts with {@code HTTP/} gets one "http" line for the status and headers, and a chunked body is
 * de-chunked first (with the mock client's HttpHead and Dechunker); packet offsets count from the start of the
 * (de-chunked) body.
 */
final class MmshUnits implements UnitStream {

    private static final Section HTTP = Section.wmsp("2.1");

    private final DecodeOptions options;

    MmshUnits(DecodeOptions options) {
        this.options = options;
    }

    @Override
    public void decode(byte[] input, Consumer<Map<String, Object>> out) {
        byte[] body = input;
        if (startsWith(input, "HTTP/")) {
            int end = endOfHead(input, Math.min(input.length, HttpHead.MAX_HEAD_BYTES));
            if (end < 0) {
                throw new MalformedInputException(HTTP, "headers", 0,
                        "no end of the HTTP response headers within " + HttpHead.MAX_HEAD_BYTES + " bytes");
            }
            HttpHead head = HttpHead.parse(input, end);
            Map<String, Object> line = Json.unit(0, end + 4, "http");
            line.put("status", head.startLine());
            Map<String, Object> headers = new LinkedHashMap<>();
            head.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + ", " + b));
            line.put("headers", headers);
            line.put("violations", List.of());
            out.accept(line);
            body = Arrays.copyOfRange(input, end + 4, input.length);
            if (head.chunked()) {
                Dechunker d = new Dechunker();
                body = d.feed(body, 0, body.length);
                if (!d.betweenChunks()) {
                    throw new MalformedInputException(HTTP, "chunk", end + 4, "the body ends inside a chunk");
                }
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

    private static boolean startsWith(byte[] b, String prefix) {
        return b.length >= prefix.length()
                && new String(b, 0, prefix.length(), StandardCharsets.ISO_8859_1).equals(prefix);
    }

    /** Where the blank line that ends the head starts, looking no further than {@code limit}; -1 if nowhere. */
    private static int endOfHead(byte[] b, int limit) {
        for (int i = 0; i + 4 <= limit; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
