package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.ReplySteps.NO_PACKET_PAIR;
import static org.mmsspec.cases.server.mmsp.ReplySteps.PACKET_PAIR;
import static org.mmsspec.codec.Level.MUST;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.regex.Pattern;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;

/** MS-MMSP 2.2.4.2: the fields of LinkMacToViewerReportConnectedEX, the reply to Connect. */
final class S2_2_4_2_ReportConnectedEX {

    private static final String REPLY = "LinkMacToViewerReportConnectedEX";
    /** major "." minor, each 1-2 digits, optionally two more dot-separated groups of 1-4 digits. */
    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,4}\\.\\d{1,4})?");
    /** Packet offsets: the MID after TcpMessageHeader and chunkLen; the four cb* counts; the strings back to back. */
    private static final int MID_AT = 32 + 4;
    private static final int CB_AT = MID_AT + 4 + 40;
    private static final int STRINGS_AT = CB_AT + 16;
    private static final String[] STRINGS = {"ServerVersionInfo", "VersionInfo", "VersionUrl", "AuthenPackage"};

    private S2_2_4_2_ReportConnectedEX() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("2.2.4.2", REPLY);
        g.add(1, MUST, "Connect is answered by a message with MID 0x00040001").covers("R1").run(ctx -> {
            MmstClient c = ctx.mmst();
            c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
            ctx.mustEqual("MID of the reply to Connect", LinkMacToViewerReportConnectedEX.TYPE.mid(),
                    mid(connectPacket(c)));
        });
        g.add(2, MUST, "playIncarnation is 0xF0F0F0EF or 0xF0F0F0F0 when packet-pair is asked for").covers("R2")
                .run(ctx -> {
                    long inc = ReplySteps.connect(ctx.mmst(), PACKET_PAIR).playIncarnation();
                    ctx.must(inc == PACKET_PAIR || inc == NO_PACKET_PAIR,
                            "playIncarnation of ReportConnectedEX is 0xF0F0F0EF or 0xF0F0F0F0, not 0x"
                                    + Long.toHexString(inc));
                });
        ReplySteps.field(g, 3, MUST, "R3", REPLY, "MacToViewerProtocolRevision",
                LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION, S2_2_4_2_ReportConnectedEX::connected,
                LinkMacToViewerReportConnectedEX::MacToViewerProtocolRevision);
        ReplySteps.field(g, 4, MUST, "R4", REPLY, "ViewerToMacProtocolRevision",
                LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION, S2_2_4_2_ReportConnectedEX::connected,
                LinkMacToViewerReportConnectedEX::ViewerToMacProtocolRevision);
        g.add(5, MUST, REPLY + ".blockGroupPlayTime is the DOUBLE 1.0").covers("R5").run(ctx ->
                ctx.mustEqual("blockGroupPlayTime of " + REPLY, 1.0, connected(ctx).blockGroupPlayTime()));
        ReplySteps.field(g, 6, MUST, "R6", REPLY, "blockGroupBlocks", 1, S2_2_4_2_ReportConnectedEX::connected,
                LinkMacToViewerReportConnectedEX::blockGroupBlocks);
        ReplySteps.field(g, 7, MUST, "R7", REPLY, "nMaxOpenFiles", 1, S2_2_4_2_ReportConnectedEX::connected,
                LinkMacToViewerReportConnectedEX::nMaxOpenFiles);
        ReplySteps.field(g, 8, MUST, "R8", REPLY, "nBlockMaxBytes", 0x8000, S2_2_4_2_ReportConnectedEX::connected,
                LinkMacToViewerReportConnectedEX::nBlockMaxBytes);
        g.add(9, MUST, REPLY + ".maxBitRate is 0x00989680").covers("R9")
                .erratum("WMS 4.1 was seen sending 0x00A00000 and WMS on NT4/2000 leaves the field uninitialised "
                        + "(<5>); no client reads it, and the spec gives no server-side leeway, so the case follows it")
                .run(ctx -> ctx.mustEqual("maxBitRate of " + REPLY, 0x00989680L, connected(ctx).maxBitRate()));
        countCase(g, 10, 0, "R10");
        countCase(g, 11, 1, "R11");
        countCase(g, 12, 2, "R12", "R21", "R22");
        g.add(13, MUST, "cbAuthenPackage counts the UTF-16 characters of AuthenPackage, NUL included (auth path too)")
                .covers("R13").run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
                    countsCharacters(ctx, connectPacket(c), 3);
                    if (ctx.target().auth().isPresent()) {
                        var e = ctx.target().auth().get().endpoint();
                        MmstClient a = ctx.mmst(e.host(), e.port());
                        a.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
                        countsCharacters(ctx, connectPacket(a), 3);
                    }
                });
        g.add(14, MUST, "ServerVersionInfo is major.minor[.build.revision] (1-2, 1-2, 1-4, 1-4 digits)")
                .covers("R14", "R15").run(ctx -> {
                    String v = connected(ctx).ServerVersionInfo();
                    ctx.must(VERSION.matcher(v).matches(), "ServerVersionInfo \"" + v
                            + "\" is not major.minor[.build.revision]");
                });
        g.add(15, MUST, "A non-empty VersionInfo is major.minor[.build.revision]").covers("R17", "R18").run(ctx -> {
            String v = connected(ctx).VersionInfo();
            ctx.must(v.isEmpty() || VERSION.matcher(v).matches(), "VersionInfo \"" + v
                    + "\" is not major.minor[.build.revision]");
        });
        g.add(16, MUST, "A non-empty VersionInfo comes with a VersionUrl to download it from").covers("R19")
                .run(ctx -> {
                    var r = connected(ctx);
                    ctx.must(r.VersionInfo().isEmpty() || !r.VersionUrl().isEmpty(),
                            "VersionInfo \"" + r.VersionInfo() + "\" is offered without a VersionUrl");
                });
        g.add(17, MUST, "A non-empty VersionUrl is an absolute RFC 3986 URI").covers("R20").run(ctx -> {
            String url = connected(ctx).VersionUrl();
            ctx.must(url.isEmpty() || absoluteUri(url), "VersionUrl \"" + url + "\" is not an absolute URI");
        });
        g.add(18, MUST, "A non-empty AuthenPackage is \"BASIC\" or \"NTLM\"").covers("R24").run(ctx -> {
            String a = connected(ctx).AuthenPackage();
            ctx.must(a.isEmpty() || a.equals("BASIC") || a.equals("NTLM"),
                    "AuthenPackage \"" + a + "\" is neither BASIC nor NTLM");
        });
        return g;
    }

    /** Connect on a fresh connection: the reply. */
    private static LinkMacToViewerReportConnectedEX connected(CaseContext ctx) {
        return ReplySteps.connect(ctx.mmst(), NO_PACKET_PAIR);
    }

    private static void countCase(CaseGroup g, int n, int string, String... covers) {
        String field = STRINGS[string];
        g.add(n, MUST, "cb" + field + " counts the UTF-16 characters of " + field + ", NUL included")
                .covers(covers).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(LinkViewerToMacConnect.of(MmstClient.NSPLAYER));
                    countsCharacters(ctx, connectPacket(c), string);
                });
    }

    /**
     * The raw packet of the reply to Connect, decodable or not: a count in bytes instead of characters can make the
     * strings run past the message, and the case should say so rather than fail on the decode.
     */
    private static byte[] connectPacket(MmstClient c) {
        Outcome o = c.receive();
        if (!(o instanceof Outcome.Received r) || r.dataPacket().isPresent()) {
            throw new ExpectationFailure(REPLY, o);
        }
        return r.entry().raw().toArray();
    }

    private static long mid(byte[] p) {
        return p.length < MID_AT + 4 ? -1 : le(p).getInt(MID_AT) & 0xFFFFFFFFL;
    }

    /**
     * String {@code k} starts after the strings before it (each 2 bytes per counted character) and its count must
     * reach exactly its first NUL, inside the message.
     */
    private static void countsCharacters(CaseContext ctx, byte[] p, int k) {
        String cbName = "cb" + STRINGS[k];
        ctx.must(p.length >= STRINGS_AT, REPLY + " of " + p.length + " bytes lacks its fixed fields");
        ByteBuffer b = le(p);
        long at = STRINGS_AT;
        for (int i = 0; i < k; i++) {
            at += 2 * (b.getInt(CB_AT + 4 * i) & 0xFFFFFFFFL);
        }
        long cb = b.getInt(CB_AT + 4 * k) & 0xFFFFFFFFL;
        if (cb == 0) {
            return; // the string is absent
        }
        ctx.must(at + 2 * cb <= p.length, cbName + " = " + cb + " characters runs past the end of the message at "
                + p.length + " bytes (a count in bytes?)");
        long chars = 0;
        while (at + 2 * chars + 1 < p.length && b.getShort((int) (at + 2 * chars)) != 0) {
            chars++;
        }
        ctx.mustEqual(cbName + ": the characters of " + STRINGS[k] + " up to and including its NUL", chars + 1, cb);
    }

    private static boolean absoluteUri(String s) {
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ByteBuffer le(byte[] p) {
        return ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
    }
}
