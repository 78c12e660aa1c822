package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.MmshPacketPair;

/** MS-WMSP 3.2.5.4: what a server answers to a Describe request. */
final class S3_2_5_4_ReceivingDescribe {

    static final String DESCRIBE_TYPE = "application/vnd.ms.wms-hdr.asfv1";
    /** A client-id no server is likely to have handed out. */
    static final long UNKNOWN_ID = 4_294_967_000L;

    private S3_2_5_4_ReceivingDescribe() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.5.4", "Receiving a Describe Request");
        g.add(1, MUST, "Describe of the media is answered 200 with the ASF header in $H packets").covers("R6", "R13")
                .run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    ctx.must(r.packets().stream().anyMatch(p -> p instanceof MmshHeader),
                            "the Describe body holds a $H; it ended: " + r.end().summary());
                });
        g.add(2, SHOULD, "Describe response has Content-Type application/vnd.ms.wms-hdr.asfv1").covers("R7")
                .erratum("application/octet-stream is allowed (MAY, as WMS on Windows NT 4.0 and 2000 sent it), and "
                        + "still misses the SHOULD").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    ctx.shouldEqual("Content-Type of the Describe response", DESCRIBE_TYPE,
                            r.header("Content-Type"));
                });
        g.add(3, MUST, "Describe body ends with $H, its last piece closing the header (AFFlags 0x08 or 0x0C)")
                .covers("R13").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    List<MmshPacket> p = r.packets();
                    ctx.must(!p.isEmpty(), "the Describe body holds packets: " + r.end().summary());
                    MmshPacket last = p.get(p.size() - 1);
                    ctx.mustEqual("the last packet of the Describe body", "$H", "$" + last.type());
                    int flags = ((MmshHeader) last).packet().AFFlags();
                    ctx.must(flags == 0x08 || flags == 0x0C,
                            "the last $H has AFFlags 0x08 or 0x0C, not " + Integer.toHexString(flags));
                });
        g.add(4, SHOULD, "Describe response names the content's features in a features Pragma, one or more of them")
                .covers("R9").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    String f = Wmsp.pragma(r, "features");
                    ctx.should(f != null, "the Describe response has a features Pragma token");
                    if (f != null) {
                        ctx.must(f.matches("\"[a-z]+(\\s*,\\s*[a-z]+)*\""),
                                "features holds one or more feature names in quotes (2.2.1.4.8), not " + f);
                    }
                });
        g.add(5, MUST, "Describe naming a client-id no session has gets xResetStrm=1 and a new client-id")
                .covers("R3", "R4").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx, "client-id=" + UNKNOWN_ID).response();
                    ctx.mustEqual("xResetStrm in the response to a Describe with an unknown client-id", "1",
                            Wmsp.pragma(r, "xResetStrm"));
                    ctx.should(r.clientId() != UNKNOWN_ID, "the new session has a client-id of its own");
                });
        g.add(6, MUST, "Describe of a path the server does not serve gets an HTTP error status").covers("R1")
                .tags(ServerCase.NEGATIVE).run(ctx -> {
                    MmshResponse r = Wmsp.client(ctx).describe("/mmsspec-no-such-file-" + UNKNOWN_ID + ".asf");
                    ctx.must(Wmsp.refused(r), "a Describe of a missing file is refused with 4xx or 5xx, not "
                            + (r.head() == null ? r.end().summary() : r.head().startLine()));
                });
        g.add(7, MUST, "Describe with packet-pair-experiment=1: three $P open the body iff the response grants it")
                .covers("R10", "R11").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx, "packet-pair-experiment=1").response();
                    boolean granted = "1".equals(Wmsp.pragma(r, "packet-pair-experiment"));
                    List<MmshPacket> p = r.packets();
                    long pairs = p.stream().filter(x -> x instanceof MmshPacketPair).count();
                    if (granted) {
                        ctx.must(p.size() >= 3 && p.subList(0, 3).stream().allMatch(x -> x instanceof MmshPacketPair),
                                "the body opens with three $P where packet-pair-experiment=1 is granted");
                        ctx.mustEqual("$P packets in the Describe body", 3L, pairs);
                    } else {
                        ctx.mustEqual("$P packets where packet-pair-experiment is not granted", 0L, pairs);
                    }
                });
        g.add(8, MUST, "Describe response carries the no-cache Pragma token that 2.2.2.1 requires").covers("R6")
                .run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    ctx.must(r.head().pragmas().stream().anyMatch(t -> t.equalsIgnoreCase("no-cache")),
                            "a Pragma line of the Describe response holds no-cache: " + r.head().all("Pragma"));
                });
        g.add(9, MUST, "Describe from an NSPlayer/9 client to a Cougar 9 or later server gets $M right before $H")
                .covers("R12", "WMSP-3.2.4.2-R3")
                .erratum("3.2.5.4 asks any Cougar for $M; 3.2.4.2 and every WMS before 9 send it only from Cougar 9 "
                        + "on, so a Cougar 4.x server is not asked for it").run(ctx -> {
                    MmshResponse r = Wmsp.describe(ctx).response();
                    List<MmshPacket> p = r.packets().stream().filter(x -> !(x instanceof MmshPacketPair)).toList();
                    boolean metadata = !p.isEmpty() && p.get(0) instanceof MmshMetadata;
                    if (S3_2_5_2_SendingResponse.cougarMajor(r.header("Server")) >= 9) {
                        ctx.must(metadata, "a Cougar 9 server opens the $M/$H of the Describe body with $M");
                    }
                    ctx.must(!metadata || p.stream().dropWhile(x -> x instanceof MmshMetadata)
                            .findFirst().filter(x -> x instanceof MmshHeader).isPresent(),
                            "nothing comes between the $M packets and the $H packets");
                });
        g.add(10, MUST, "Describe from an NSPlayer/6.4 client gets no $M").covers("WMSP-3.2.4.2-R2")
                .judgedBy(org.mmsspec.codec.Section.wmsp("3.2.4.2")).run(ctx -> {
                    MmshResponse r = Wmsp.client(ctx).userAgent(Wmsp.OLD_PLAYER).describe(Wmsp.path(ctx));
                    ctx.mustEqual("status of the Describe", 200, r.status());
                    // no $M means something only in a Describe that carried its header
                    ctx.must(!headerPieces(r).isEmpty(), "the Describe carried the ASF header in $H");
                    ctx.mustEqual("$M packets sent to a 6.4 client", 0L,
                            r.packets().stream().filter(x -> x instanceof MmshMetadata).count());
                });
        return g;
    }

    /** The ASF header pieces of a response's $H packets, in order. */
    static List<DataPacket> headerPieces(MmshResponse r) {
        return r.packets().stream().filter(p -> p instanceof MmshHeader).map(p -> ((MmshHeader) p).packet()).toList();
    }
}
