package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.FRAME_BYTE;
import static org.mmsspec.harness.mutation.Mutations.MMSH_AFFLAGS;
import static org.mmsspec.harness.mutation.Mutations.MMSH_LOCATION_ID;
import static org.mmsspec.harness.mutation.Mutations.MMSH_PACKET_SIZE;
import static org.mmsspec.harness.mutation.Mutations.PACKET_LENGTH;
import static org.mmsspec.harness.mutation.Mutations.add;
import static org.mmsspec.harness.mutation.Mutations.frame;
import static org.mmsspec.harness.mutation.Mutations.head;
import static org.mmsspec.harness.mutation.Mutations.quirk;
import static org.mmsspec.harness.mutation.Mutations.set;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.mmsspec.cases.server.wmsp.Asf;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.PacketType;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the MMSH cases ({@code WmspCases}): faults in MS-WMSP response heads, Pragma tokens and
 * body packets. Add yours here, one rule each, named by what the server then does; {@code breaks} is the section of
 * the case that must catch it.
 */
final class WmspMutants {

    private static final String DESCRIBE_TYPE = "application/vnd.ms.wms-hdr.asfv1";
    private static final String FRAMED_TYPE = "application/x-mms-framed";
    /** Where a $D's ASF packet starts: after the framing header and the MMS data packet header. */
    private static final int MMSH_PAYLOAD = 12;

    private WmspMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("responses carry no Server header", Section.wmsp("3.2.5.2"),
                        "every response has a Server header", head(r -> r.headers().remove("Server"))),
                new Mutant("responses carry no client-id token", Section.wmsp("3.2.5.2"),
                        "a response for a session has a client-id Pragma token", head(withoutPragma("client-id="))),
                new Mutant("responses carry no Cache-Control", Section.wmsp("3.2.5.2"),
                        "responses should have Cache-Control", head(r -> r.headers().remove("Cache-Control"))),
                new Mutant("a request naming an unknown client-id is answered 200", Section.wmsp("3.2.5.1"),
                        "a request whose client-id matches no state is an error",
                        quirk(Quirk.MMSH_ACCEPT_UNKNOWN_CLIENT_ID)),
                new Mutant("a request that is no WMSP request is answered 200", Section.wmsp("3.2.5.1"),
                        "a request of no WMSP type gets an HTTP error status",
                        head(status(HttpResponseStatus.BAD_REQUEST, HttpResponseStatus.OK))),
                new Mutant("Describe of a missing path is answered 200", Section.wmsp("3.2.5.4"),
                        "an invalid URL gets an HTTP error status",
                        head(status(HttpResponseStatus.NOT_FOUND, HttpResponseStatus.OK))),
                new Mutant("Describe is answered as text/html", Section.wmsp("3.2.5.4"),
                        "the Describe response's Content-Type is application/vnd.ms.wms-hdr.asfv1",
                        head(contentType(DESCRIBE_TYPE, "text/html"))),
                new Mutant("Describe naming an unknown client-id gets no xResetStrm", Section.wmsp("3.2.5.4"),
                        "a new state for an unknown client-id is announced with xResetStrm=1",
                        head(withoutPragma("xResetStrm="))),
                new Mutant("Play is answered as application/octet-stream", Section.wmsp("3.2.5.6"),
                        "the Play response's Content-Type is application/x-mms-framed",
                        head(contentType(FRAMED_TYPE, "application/octet-stream"))),
                new Mutant("a second Play on a streaming session is served", Section.wmsp("3.2.5.6"),
                        "R17: a Play on a session already STREAMING is refused",
                        quirk(Quirk.MMSH_PLAY_WHILE_STREAMING)),
                new Mutant("$D framing bytes read '%'", Section.wmsp("2.2.3.1.1"), "Frame is 0x24 ('$')",
                        frame(PacketType.D, set(FRAME_BYTE, 1, '%'))),
                new Mutant("$D PacketSize is 2 bytes too large", Section.wmsp("2.2.3.1.2"),
                        "PacketSize is the MMS data packet's size", frame(PacketType.D, add(MMSH_PACKET_SIZE, 2, 2))),
                new Mutant("$H pieces count LocationId from 1", Section.wmsp("2.2.3.1.2"),
                        "the first (or only) piece has LocationId 0", frame(PacketType.H, add(MMSH_LOCATION_ID, 4, 1))),
                new Mutant("the final $E says more entries follow", Section.wmsp("2.2.3.4"),
                        "Reason is 0 at the end of the stream, 1 only before a $C",
                        frame(PacketType.E, b -> b[4] == 0 ? set(4, 4, 1).apply(b) : b)),
                new Mutant("the stream ends without $E", Section.wmsp("3.2.4.1"),
                        "after the last $D the server sends $E", frame(PacketType.E, b -> new byte[0])),
                new Mutant("a playlist's next entry comes without $C", Section.wmsp("3.2.4.2"),
                        "a new playlist entry is announced with $C", frame(PacketType.C, b -> new byte[0])),
                // the helper of the MMSH cases: one mutant per rule the WMSP cases check
                new Mutant("$D AFFlags stay 0", Section.wmsp("2.2.3.1.2"), "AFFlags of $D count up by one",
                        frame(PacketType.D, set(MMSH_AFFLAGS, 1, 0))),
                new Mutant("$D AFFlags count from 1", Section.wmsp("2.2.3.1.2"), "the $D sequence starts at 0",
                        frame(PacketType.D, add(MMSH_AFFLAGS, 1, 1))),
                new Mutant("$D LocationIds count from 1", Section.wmsp("2.2.3.1.2"),
                        "the file's first ASF packet is LocationId 0", frame(PacketType.D, add(MMSH_LOCATION_ID, 4, 1))),
                new Mutant("the last $E has the B bit set", Section.wmsp("2.2.3.1.1"),
                        "B is 0 where no packet follows at once", frame(PacketType.E, set(FRAME_BYTE, 1, 0xA4))),
                new Mutant("a $D carries 4000 bytes after its ASF packet", Section.wmsp("2.2.3.3"),
                        "a $D holds exactly one ASF packet", frame(PacketType.D, b -> grow(b, 4000))),
                new Mutant("$H leaves out the Data Object's 50 bytes", Section.wmsp("2.2.3.5"),
                        "$H carries the Header Object and the Data Object's first 50 bytes",
                        frame(PacketType.H, b -> grow(b, -50))),
                new Mutant("the Server header reads 'Cougar 4.1.0.3921'", Section.wmsp("3.2.5.2"),
                        "Server is written token/major.minor (2.2.1.5)",
                        head(r -> r.headers().set("Server", "Cougar 4.1.0.3921"))),
                new Mutant("the Server header names Cougar 5.0", Section.wmsp("3.2.5.2"),
                        "the server version is one of 2.2.1.5's table",
                        head(r -> r.headers().set("Server", "Cougar/5.00.00.0001"))),
                new Mutant("responses carry no timeout token", Section.wmsp("3.2.5.2"),
                        "a response with client-id should carry timeout", head(withoutPragma("timeout="))),
                new Mutant("responses carry the request token stream-time", Section.wmsp("3.2.5.2"),
                        "no request-only token in a response", head(r -> r.headers().add("Pragma", "stream-time=0"))),
                new Mutant("a web client is streamed to", Section.wmsp("3.2.5.1"),
                        "a non-WMSP User-Agent gets an error or a redirect", quirk(Quirk.MMSH_STREAM_TO_WEB_CLIENTS)),
                new Mutant("Describe has no features token", Section.wmsp("3.2.5.4"),
                        "the Describe response should name the features", head(withoutPragma("features="))),
                new Mutant("responses carry no no-cache token", Section.wmsp("3.2.5.4"),
                        "the Describe response has no-cache (2.2.2.1)", head(withoutPragma("no-cache"))),
                new Mutant("packet-pair is granted but no $P is sent", Section.wmsp("3.2.5.4"),
                        "a granted packet-pair-experiment opens the body with three $P",
                        frame(PacketType.P, b -> new byte[0])),
                new Mutant("the body has no $H", Section.wmsp("3.2.5.4"),
                        "the Describe body ends with the ASF header in $H", frame(PacketType.H, b -> new byte[0])),
                new Mutant("the server says Cougar 9 and sends no $M", Section.wmsp("3.2.5.4"),
                        "Cougar 9 sends $M to a client of 9.0 or later",
                        head(r -> r.headers().set("Server", "Cougar/9.01.01.3814"))),
                new Mutant("$M goes to every client", Section.wmsp("3.2.4.2"), "no $M to a client before 9.0",
                        frame(PacketType.H, b -> b[MMSH_LOCATION_ID] == 0 ? concat(metadata(), b) : b)),
                new Mutant("Play is answered with another session's client-id", Section.wmsp("3.2.5.6"),
                        "Play keeps the session its client-id names", head(framed(WmspMutants::renumberClientId))),
                new Mutant("Play sends no $D", Section.wmsp("3.2.5.6"), "the entry's ASF packets follow as $D",
                        frame(PacketType.D, b -> new byte[0])),
                new Mutant("Play streams every stream whatever stream-switch-entry selects", Section.wmsp("3.2.5.6"),
                        "R4: only the selected streams' payloads are sent", quirk(Quirk.NO_STREAM_FILTER)),
                new Mutant("Play without stream-switch-entry gets every stream", Section.wmsp("3.2.5.6"),
                        "no stream-switch-entry selects no stream", quirk(Quirk.MMSH_SELECT_ALL_WITHOUT_ENTRY)),
                new Mutant("Play ignores stream-time, packet-num and stream-offset", Section.wmsp("3.2.5.6"),
                        "Play starts where the position tokens say", quirk(Quirk.MMSH_IGNORE_POSITION)),
                new Mutant("Play is chunked without version11-enabled", Section.wmsp("3.2.5.6"),
                        "no chunked coding unless version11-enabled=1",
                        head(framed(r -> r.headers().set("Transfer-Encoding", "chunked").remove("Connection")))),
                new Mutant("a reset session's old client gets no $E 1 before the restated header",
                        Section.wmsp("3.2.5.6"), "after xResetStrm an NSPlayer before 7.0 gets $E 1, $C 0, $H",
                        frame(PacketType.E, b -> b[4] == 1 ? new byte[0] : b)),
                new Mutant("$H framing bytes read '%'", Section.wmsp("2.2.3.1.1"), "Frame is 0x24 ('$')",
                        frame(PacketType.H, set(FRAME_BYTE, 1, '%'))),
                new Mutant("$D say Padding Length 1 with no padding", Section.wmsp("2.2.3.3"),
                        "a packet whose padding is cut says Padding Length 0", frame(PacketType.D, b -> {
                            int[] f = Asf.paddingField(b, MMSH_PAYLOAD);
                            return f == null || f[1] == 0 ? b : set(f[0], f[1], 1).apply(b);
                        })),
                new Mutant("Play answers an unknown client-id without xResetStrm", Section.wmsp("3.2.5.6"),
                        "a new session for an unknown client-id is announced with xResetStrm=1",
                        head(framed(withoutPragma("xResetStrm=")))),
                new Mutant("Play responses name no client-id", Section.wmsp("3.2.5.6"),
                        "a Play without client-id starts a session and names it", head(framed(withoutPragma("client-id=")))),
                new Mutant("Play with version11-enabled=1 is answered in HTTP/1.0 unchunked", Section.wmsp("3.2.5.6"),
                        "version11-enabled=1 should get HTTP/1.1 and chunked coding", head(framed(r -> {
                            r.headers().remove("Transfer-Encoding");
                            r.setProtocolVersion(HttpVersion.HTTP_1_0);
                        }))),
                new Mutant("KeepAlive and Log answers lack the Server header", Section.wmsp("3.2.5.8"),
                        "the KeepAlive response keeps 3.2.5.2's rules", head(r -> {
                            if (r.headers().get("Content-Type") == null && r.status().code() == 200) {
                                r.headers().remove("Server");
                            }
                        })),
                new Mutant("Log is refused with 405", Section.wmsp("3.2.5.11"), "the Log response is sent, 2xx",
                        head(r -> {
                            if (r.headers().get("Content-Type") == null && r.status().code() == 200) {
                                r.setStatus(HttpResponseStatus.METHOD_NOT_ALLOWED);
                            }
                        })));
    }

    /** {@code change} applied to the heads of Play responses only (Content-Type application/x-mms-framed). */
    private static Consumer<HttpResponse> framed(Consumer<HttpResponse> change) {
        return r -> {
            if (FRAMED_TYPE.equals(r.headers().get("Content-Type"))) {
                change.accept(r);
            }
        };
    }

    /** {@code b} (a $D or $H) with {@code n} bytes more (zeros) or fewer, PacketLength and PacketSize to match. */
    private static byte[] grow(byte[] b, int n) {
        byte[] out = java.util.Arrays.copyOf(b, b.length + n);
        out = add(PACKET_LENGTH, 2, n).apply(out);
        return add(MMSH_PACKET_SIZE, 2, n).apply(out);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A one-piece $M as Cougar 9 sends it: playlist-gen-id, broadcast-id, features, NUL (2.2.3.6). */
    private static byte[] metadata() {
        byte[] text = "1, broadcast-id=0, features=\"seekable,stridable\"\0"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return MmshFrameCodec.encode(MmshMetadata.of(DataPacket.of(0, 0, 0x0C, Bytes.copyOf(text))));
    }

    /** The client-id Pragma token of {@code r}, one more than the server gave. */
    private static void renumberClientId(HttpResponse r) {
        List<String> lines = r.headers().getAll("Pragma").stream().map(v -> v.startsWith("client-id=")
                ? "client-id=" + (Long.parseLong(v.substring(10).strip()) + 1) : v).toList();
        r.headers().remove("Pragma");
        lines.forEach(v -> r.headers().add("Pragma", v));
    }

    private static Consumer<HttpResponse> withoutPragma(String prefix) {
        return r -> {
            List<String> kept = r.headers().getAll("Pragma").stream().filter(Predicate.not(v -> v.startsWith(prefix)))
                    .toList();
            r.headers().remove("Pragma");
            kept.forEach(v -> r.headers().add("Pragma", v));
        };
    }

    private static Consumer<HttpResponse> status(HttpResponseStatus from, HttpResponseStatus to) {
        return r -> {
            if (r.status().equals(from)) {
                r.setStatus(to);
            }
        };
    }

    private static Consumer<HttpResponse> contentType(String from, String to) {
        return r -> {
            if (from.equals(r.headers().get("Content-Type"))) {
                r.headers().set("Content-Type", to);
            }
        };
    }
}
