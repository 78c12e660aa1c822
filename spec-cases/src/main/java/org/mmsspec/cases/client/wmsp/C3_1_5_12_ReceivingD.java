package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.scenario.Mutation;

/** MS-WMSP 3.1.5.12 Receiving a $D (Data) Packet: every $D to the end, whatever framing the response has. */
final class C3_1_5_12_ReceivingD {

    private C3_1_5_12_ReceivingD() {
    }

    /** Play responses go out chunked (HTTP/1.1), whether the client offered version11-enabled or not. */
    private static final Mutation CHUNKED_PLAY = new Mutation() {
        @Override
        public void head(HttpResponse r) {
            if ("application/x-mms-framed".equals(r.headers().get("Content-Type"))) {
                r.setProtocolVersion(HttpVersion.HTTP_1_1);
                r.headers().remove("Connection").set("Transfer-Encoding", "chunked");
            }
        }

        @Override
        public String toString() {
            return "chunked Play responses";
        }
    };

    /**
     * Every $D goes out with the B bit (0xA4). The scenario's own B bit marks only $D that follow at once, which the
     * pacing of these cases never lets happen; the client cannot tell the two apart (2.2.3.1.1).
     */
    private static final Mutation BURST_BIT = new Mutation() {
        @Override
        public byte[] frame(MmshPacket packet, byte[] encoded) {
            if (!(packet instanceof MmshData) || encoded.length == 0) {
                return encoded;
            }
            byte[] out = encoded.clone();
            out[0] = (byte) 0xA4;
            return out;
        }

        @Override
        public String toString() {
            return "B bit on every $D";
        }
    };

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.12", "ReceivingD")
                .add(1, MUST, "the client reads every $D of the Play response up to the final $E")
                .covers("R1", "R2").schemes(Scheme.MMSH).server(Mmsh::paced)
                .check(ctx -> Mmsh.readToEnd(ctx, MUST, Mmsh.framesUpToLastData(1), "plain $D"))
                .add(2, MUST, "$D frames with the B bit set (first byte 0xA4) are read like 0x24 ones")
                .covers("R1", "R2").schemes(Scheme.MMSH).server(b -> Mmsh.paced(b.mutation(BURST_BIT)))
                .check(ctx -> Mmsh.readToEnd(ctx, MUST, Mmsh.framesUpToLastData(1), "$D sent with the B bit (0xA4)"))
                .add(3, MUST, "a chunked Play response (HTTP/1.1 Transfer-Encoding: chunked) is read to its end")
                .covers("R2").schemes(Scheme.MMSH)
                .erratum("WMSP lets a server chunk only for a client that sent version11-enabled=1; an HTTP/1.1"
                        + " client must accept chunked bodies anyway (RFC 2616 3.6.1), so one that did not offer it"
                        + " gets a WARN; an HTTP/1.0 client is skipped.")
                .server(b -> Mmsh.paced(b.mmshChunked(true).mutation(CHUNKED_PLAY)))
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    boolean offered = play.pragma().flag("version11-enabled");
                    if (!offered && !play.version().equals("HTTP/1.1")) {
                        ctx.skip("an HTTP/1.0 Play without version11-enabled=1 is never answered chunked");
                    }
                    Mmsh.readToEnd(ctx, offered ? MUST : Level.SHOULD, Mmsh.framesUpToLastData(1), "chunked");
                })
                .add(4, MUST, "a client that offered version11-enabled=1 reads a plain (not chunked) Play response")
                .covers("R2").schemes(Scheme.MMSH).server(b -> Mmsh.paced(b.mmshChunked(false)))
                .check(ctx -> {
                    if (!Mmsh.play(ctx).pragma().flag("version11-enabled")) {
                        ctx.skip("the client offered no version11-enabled: every Play answer it gets is plain"
                                + " (C-WMSP-3.1.5.12-01)");
                    }
                    Mmsh.readToEnd(ctx, MUST, Mmsh.framesUpToLastData(1), "plain after version11-enabled=1");
                });
    }
}
