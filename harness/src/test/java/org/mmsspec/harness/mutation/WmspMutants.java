package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.FRAME_BYTE;
import static org.mmsspec.harness.mutation.Mutations.MMSH_LOCATION_ID;
import static org.mmsspec.harness.mutation.Mutations.MMSH_PACKET_SIZE;
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
import org.mmsspec.codec.Section;
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
                        "Play on a session already STREAMING is refused", quirk(Quirk.MMSH_PLAY_WHILE_STREAMING)),
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
                        "a new playlist entry is announced with $C", frame(PacketType.C, b -> new byte[0])));
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
