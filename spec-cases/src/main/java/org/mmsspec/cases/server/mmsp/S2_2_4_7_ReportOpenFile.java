package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;

/**
 * MS-MMSP 2.2.4.7: the fields of LinkMacToViewerReportOpenFile. What describes the content is checked against the ASF
 * file header the same session then receives.
 */
final class S2_2_4_7_ReportOpenFile {

    private static final String REPLY = "LinkMacToViewerReportOpenFile";
    /** An OpenFile playIncarnation no usual client sends, so that an echo cannot be a coincidence. */
    static final long OPEN_INCARNATION = 0x5A;
    /** Two readings of a duration agree to the millisecond. */
    private static final double MS = 1e-3;

    private S2_2_4_7_ReportOpenFile() {
    }

    /** ReportOpenFile and the ASF file header that follows it on the same session. */
    private record Opened(LinkMacToViewerReportOpenFile reply, byte[] header, AsfFileHeader asf) {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.7", REPLY);
        g.add(1, MUST, "OpenFile of the media is answered by a message with MID 0x00040006").covers("R1")
                .run(ctx -> ctx.handshake().upTo(Stage.FILE_OPENED));
        g.add(2, MUST, "playIncarnation echoes OpenFile's (0x5A)").covers("R2").run(ctx ->
                ctx.mustEqual("playIncarnation of " + REPLY, OPEN_INCARNATION, openFile(ctx, ctx.target().media())
                        .playIncarnation()));
        g.add(3, MUST, "playIncarnation echoes OpenFile's (0x5A) when the path is not found either").covers("R2")
                .run(ctx -> ctx.mustEqual("playIncarnation of " + REPLY + " for an unknown path", OPEN_INCARNATION,
                        openFile(ctx, S3_2_5_6_ReceivingOpenFile.MISSING).playIncarnation()));
        ReplySteps.field(g, 4, SHOULD, "R4", REPLY, "padding", 0, S2_2_4_7_ReportOpenFile::opened,
                LinkMacToViewerReportOpenFile::padding);
        ReplySteps.field(g, 5, MUST, "R6", REPLY, "fileName", 0, S2_2_4_7_ReportOpenFile::opened,
                LinkMacToViewerReportOpenFile::fileName);
        g.add(6, MUST, "fileAttributes holds no bits but the FILE_ATTRIBUTE_MMS_* flags").covers("R7").run(ctx -> {
            long a = opened(ctx).fileAttributes();
            ctx.must((a & ~LinkMacToViewerReportOpenFile.FILE_ATTRIBUTES) == 0, String.format(
                    "fileAttributes 0x%08X has bits outside CANSTRIDE|CANSEEK|BROADCAST|LIVE|PLAYLIST", a));
        });
        g.add(7, MUST, "A server-side playlist's ReportOpenFile has FILE_ATTRIBUTE_MMS_PLAYLIST (0x40000000) set")
                .covers("R7").run(ctx -> {
                    var reply = ctx.handshake(ctx.requirePlaylist()).upTo(Stage.FILE_OPENED).openFileReply();
                    ctx.must((reply.fileAttributes() & LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_PLAYLIST) != 0,
                            String.format("fileAttributes 0x%08X of a playlist lack PLAYLIST", reply.fileAttributes()));
                });
        g.add(8, MUST, "fileDuration is the header's play duration less preroll in seconds, 0 for a broadcast")
                .covers("R8", "R9")
                .erratum("the ASF play duration includes the preroll; a duration that keeps it is accepted too, "
                        + "since the spec does not say which length it means")
                .run(ctx -> {
                    Opened o = withHeader(ctx);
                    double d = o.reply().fileDuration();
                    ctx.must(sameDuration(o.asf(), d), String.format("fileDuration %.3f s, the header says %.3f s "
                            + "(play duration less preroll)", d, o.asf().durationSeconds()));
                });
        g.add(9, MUST, "fileBlocks is the duration in whole seconds, rounded up").covers("R10", "R11").run(ctx -> {
            Opened o = withHeader(ctx);
            double d = sameDuration(o.asf(), o.reply().fileDuration()) ? o.reply().fileDuration()
                    : o.asf().durationSeconds();
            ctx.mustEqual(String.format("fileBlocks of %s (duration %.3f s rounded up)", REPLY, d), (long) Math.ceil(d),
                    o.reply().fileBlocks());
        });
        g.add(10, MUST, "All 16 bytes of unused1 are 0x00").covers("R12").run(ctx -> {
            Bytes u = opened(ctx).unused1();
            ctx.must(u.isAllZero(), "unused1 of " + REPLY + " is " + u.hex());
        });
        g.add(11, MUST, "filePacketSize is the header's Maximum Data Packet Size").covers("R13").run(ctx -> {
            Opened o = withHeader(ctx);
            ctx.mustEqual("filePacketSize of " + REPLY, o.asf().maxPacketSize(), o.reply().filePacketSize());
        });
        g.add(12, MUST, "filePacketCount is the header's Data Packets Count, 0 for a broadcast").covers("R14", "R15")
                .run(ctx -> {
                    Opened o = withHeader(ctx);
                    ctx.mustEqual("filePacketCount of " + REPLY, o.asf().broadcast() ? 0 : o.asf().dataPackets(),
                            o.reply().filePacketCount());
                });
        g.add(13, MUST, "fileBitRate is the header's Maximum Bitrate, the sum of the streams' bit rates").covers("R16")
                .run(ctx -> {
                    Opened o = withHeader(ctx);
                    ctx.mustEqual("fileBitRate of " + REPLY, o.asf().maxBitrate(), o.reply().fileBitRate());
                });
        g.add(14, MUST, "fileHeaderSize is the size of the ASF file header the server then sends").covers("R17")
                .run(ctx -> {
                    Opened o = withHeader(ctx);
                    ctx.mustEqual("fileHeaderSize of " + REPLY + " (bytes of header Data packets)",
                            o.header().length, o.reply().fileHeaderSize());
                });
        g.add(15, MUST, "All 36 bytes of unused2 are 0x00").covers("R18").run(ctx -> {
            Bytes u = opened(ctx).unused2();
            ctx.must(u.isAllZero(), "unused2 of " + REPLY + " is " + u.hex());
        });
        return g;
    }

    /** OpenFile of the media after the funnel: the reply. */
    static LinkMacToViewerReportOpenFile opened(CaseContext ctx) {
        return ctx.handshake().upTo(Stage.FILE_OPENED).openFileReply();
    }

    /** OpenFile of {@code path} with playIncarnation 0x5A after the funnel: the reply. */
    static LinkMacToViewerReportOpenFile openFile(CaseContext ctx, String path) {
        MmstClient c = ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
        c.send(LinkViewerToMacOpenFile.of(OPEN_INCARNATION, path, Bytes.EMPTY));
        return c.expect(LinkMacToViewerReportOpenFile.class);
    }

    private static Opened withHeader(CaseContext ctx) {
        Handshake h = ctx.handshake().upTo(Stage.HEADER_READ);
        byte[] header = h.header().bytes();
        var asf = AsfFileHeader.read(header);
        ctx.must(asf.isPresent(), "the ASF file header sent after ReportOpenFile holds no File Properties Object "
                + "to compare ReportOpenFile with");
        return new Opened(h.openFileReply(), header, asf.get());
    }

    /** Play duration less preroll, or (as the erratum allows) the play duration whole. */
    private static boolean sameDuration(AsfFileHeader asf, double d) {
        return Math.abs(d - asf.durationSeconds()) < MS
                || !asf.broadcast() && Math.abs(d - asf.playDuration() / 1e7) < MS;
    }
}
