package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;

/**
 * MS-MMSP 3.2.5.8.1: the ASF file header after ReportReadBlock, as Data packets that carry the ReadBlock's
 * playIncarnation, none larger than filePacketSize, over the funnel's transport; then the server waits.
 */
final class S3_2_5_8_1_SendingHeaderDataPackets {

    /** ASF Header Object GUID 75B22630-668E-11CF-A6D9-00AA0062CE6C, as stored. */
    private static final byte[] HEADER_OBJECT = guid("3026B2758E66CF11A6D900AA0062CE6C");
    /** ASF Data Object GUID 75B22636-668E-11CF-A6D9-00AA0062CE6C, as stored. */
    private static final byte[] DATA_OBJECT = guid("3626B2758E66CF11A6D900AA0062CE6C");
    /** The fixed start of the Data Object that the MMS file header includes (MS-MMSP 2.2.2). */
    private static final int DATA_OBJECT_FIXED = 50;

    private S3_2_5_8_1_SendingHeaderDataPackets() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.8.1", "Sending Data Packets Containing an ASF File Header");
        g.add(1, MUST, "The header Data packets carry exactly fileHeaderSize bytes, as ReportOpenFile announced")
                .covers("R1").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    ctx.mustEqual("bytes of the ASF file header in its Data packets", h.openFileReply().fileHeaderSize(),
                            (long) h.header().bytes().length);
                });
        g.add(2, MUST, "The header Data packets carry the whole ASF Header Object and the first 50 bytes of the Data "
                + "Object").covers("R1").run(ctx -> {
                    byte[] b = ctx.handshake().upTo(Handshake.Stage.HEADER_READ).header().bytes();
                    ctx.must(b.length >= 30 && Arrays.equals(b, 0, 16, HEADER_OBJECT, 0, 16),
                            "the header starts with the ASF Header Object GUID");
                    long size = ByteBuffer.wrap(b, 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    ctx.mustEqual("header bytes: Header Object size " + size + " plus 50", size + DATA_OBJECT_FIXED,
                            (long) b.length);
                    ctx.must(Arrays.equals(b, (int) size, (int) size + 16, DATA_OBJECT, 0, 16),
                            "the Data Object GUID follows the Header Object");
                });
        g.add(3, MUST, "Every header Data packet has the ReadBlock's playIncarnation").covers("R2").run(ctx -> {
            for (DataPacket d : ctx.handshake().upTo(Handshake.Stage.HEADER_READ).header().fragments()) {
                ctx.mustEqual("playIncarnation of header Data packet " + d.LocationId(),
                        Played.READ_BLOCK_INCARNATION & 0xFF, d.playIncarnation());
            }
        });
        g.add(4, MUST, "No header Data packet's payload exceeds filePacketSize of ReportOpenFile").covers("R3")
                .run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    long max = h.openFileReply().filePacketSize();
                    for (DataPacket d : h.header().fragments()) {
                        ctx.must(d.Payload().length() <= max, "header Data packet " + d.LocationId() + " carries "
                                + d.Payload().length() + " bytes, filePacketSize is " + max);
                    }
                });
        g.add(5, MUST, "With a TCP funnel, the header Data packets come over the TCP connection after ReportReadBlock")
                .covers("R5").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    ctx.must(!h.header().fragments().isEmpty(), "header Data packets came over TCP");
                });
        g.add(6, MUST, "With a UDP funnel, the header Data packets come to the client's UDP port, none over TCP")
                .covers("R4").tags("udp").run(ctx -> {
                    try (PlayedUdp p = PlayedUdp.play(ctx)) {
                        ctx.must(!p.header().fragments().isEmpty(), "header Data packets came over UDP");
                    }
                });
        g.add(7, MUST, "After the last header Data packet the server sends nothing more until StartPlaying (waits "
                + S3_2_4_1_LastDataPacketSent.QUIET.toMillis() + " ms)").covers("R10").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.HEADER_READ);
                    Outcome o = h.client().readUntil(r -> r.dataPacket().isPresent(),
                            S3_2_4_1_LastDataPacketSent.QUIET);
                    ctx.must(!(o instanceof Outcome.Received), "a Data packet came before StartPlaying: "
                            + o.summary());
                    h.streamSwitch();
                });
        g.add(8, MUST, "CancelReadBlock right after ReadBlock is taken: the connection stays up and a new ReadBlock "
                + "brings the whole header").covers("R8").run(ctx -> {
                    Handshake h = ctx.handshake().upTo(Handshake.Stage.FILE_OPENED);
                    MmstClient c = h.client();
                    c.send(LinkViewerToMacReadBlock.of(h.openFileId(), Played.READ_BLOCK_INCARNATION));
                    c.send(new LinkViewerToMacCancelReadBlock(Played.READ_BLOCK_INCARNATION));
                    // whatever of the header went out before the cancel is read past
                    Outcome o = c.readUntil(r -> CaseContext.hr(r) != 0, S3_2_4_1_LastDataPacketSent.QUIET);
                    ctx.must(o instanceof Outcome.Timeout, "after CancelReadBlock the server answered " + o.summary());
                    c.send(LinkViewerToMacReadBlock.of(h.openFileId(), Played.PLAY_INCARNATION));
                    var reply = c.awaitMessage(LinkMacToViewerReportReadBlock.class);
                    ctx.mustEqual("hr of ReportReadBlock after the cancel", 0L, reply.hr());
                    ctx.mustEqual("bytes of the header after the cancel", h.openFileReply().fileHeaderSize(),
                            (long) c.readHeader().bytes().length);
                });
        return g;
    }

    private static byte[] guid(String hex) {
        return org.mmsspec.codec.Bytes.ofHex(hex).toArray();
    }
}
