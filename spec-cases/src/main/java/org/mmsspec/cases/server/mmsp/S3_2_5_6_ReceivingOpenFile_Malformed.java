package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;

import java.nio.charset.StandardCharsets;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.WireWriter;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;

/**
 * MS-MMSP 3.2.5.6 with bad input: OpenFile out of place, fileNames that are no valid string or no valid path, and
 * token lengths that lie.
 */
final class S3_2_5_6_ReceivingOpenFile_Malformed {

    private static final long OPEN_FILE = LinkViewerToMacOpenFile.TYPE.mid();
    /** Basic credentials "user:x", NUL-terminated: 9 bytes. */
    private static final byte[] TOKEN = "dXNlcjp4\0".getBytes(StandardCharsets.US_ASCII);

    private S3_2_5_6_ReceivingOpenFile_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.6", "Receiving a LinkViewerToMacOpenFile Message");
        g.add(50, MUST, "OpenFile before Connect is refused").covers("R1", "MMSP-3.2.3-R5").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION, ctx.target().media(), Bytes.EMPTY));
                    refused(ctx, c);
                });
        g.add(51, MUST, "a second OpenFile after ReportOpenFile is refused").covers("R17").tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.handshake().upTo(Stage.FILE_OPENED).client();
                    c.send(LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION, ctx.target().media(), Bytes.EMPTY));
                    refused(ctx, c);
                });
        g.add(52, MUST, "OpenFile whose fileName holds an unpaired surrogate (0xDC00) is refused")
                .covers("R2", "R4", "R5").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = funnelConnected(ctx);
                    c.send(raw(OPEN_FILE, openFile(0, 0, units(ctx.target().media() + "\uDC00\0"), new byte[0])));
                    refused(ctx, c);
                });
        g.add(53, MUST, "OpenFile whose cbtoken says 0x1000 bytes of tokenData where 9 follow is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = funnelConnected(ctx);
                    byte[] name = units(ctx.target().media() + "\0");
                    c.send(raw(OPEN_FILE, openFile(name.length, 0x1000, name, TOKEN)));
                    refused(ctx, c);
                });
        g.add(54, MUST, "OpenFile whose token offset (21) ends fileName in the middle of a code unit is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = funnelConnected(ctx);
                    c.send(raw(OPEN_FILE, openFile(21, TOKEN.length, units(ctx.target().media() + "\0"), TOKEN)));
                    refused(ctx, c);
                });
        g.add(55, MUST, "OpenFile whose token offset 0x7FFFFFF0 points far past the message is refused")
                .covers("R2").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = funnelConnected(ctx);
                    c.send(raw(OPEN_FILE, openFile(0x7FFFFFF0L, TOKEN.length, units(ctx.target().media() + "\0"),
                            TOKEN)));
                    refused(ctx, c);
                });
        g.add(56, MUST, "OpenFile of an empty fileName is answered with ReportOpenFile and a failure hr")
                .covers("R4", "R5").tags(NEGATIVE).run(ctx -> invalidPath(ctx, ""));
        g.add(57, MUST, "OpenFile of a 4,000-character fileName is answered with ReportOpenFile and a failure hr")
                .covers("R4", "R5").tags(NEGATIVE).run(ctx -> invalidPath(ctx, "a/".repeat(2000)));
        return g;
    }

    private static MmstClient funnelConnected(CaseContext ctx) {
        return ctx.handshake().upTo(Stage.FUNNEL_CONNECTED).client();
    }

    /** The fields of 2.2.4.21 as given, lengths and all; playIncarnation 1, spare 0. */
    private static byte[] openFile(long token, long cbtoken, byte[] fileName, byte[] tokenData) {
        return new WireWriter().u32(Handshake.OPEN_INCARNATION).u32(0).u32(token).u32(cbtoken).bytes(fileName)
                .bytes(tokenData).toByteArray();
    }

    /** The spec names the reaction to a path that is not valid: ReportOpenFile with an error hr. */
    private static void invalidPath(CaseContext ctx, String path) {
        MmstClient c = funnelConnected(ctx);
        c.send(LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION, path, Bytes.EMPTY));
        var reply = c.expect(LinkMacToViewerReportOpenFile.class);
        ctx.must(reply.hr() != 0, "ReportOpenFile for fileName \"" + abbreviated(path) + "\" has a failure hr, not 0");
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "... (" + s.length() + " characters)";
    }
}
