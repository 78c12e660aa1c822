package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.PLAY_INCARNATION;
import static org.mmsspec.harness.mutation.Mutations.data;
import static org.mmsspec.harness.mutation.Mutations.drop;
import static org.mmsspec.harness.mutation.Mutations.field;
import static org.mmsspec.harness.mutation.Mutations.get;
import static org.mmsspec.harness.mutation.Mutations.override;
import static org.mmsspec.harness.mutation.Mutations.put;
import static org.mmsspec.harness.mutation.Mutations.quirk;
import static org.mmsspec.harness.mutation.Mutations.replies;
import static org.mmsspec.harness.mutation.Mutations.set;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation.Payload;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the message cases ({@code MmspMessageCases}): faults in the replies to each client message
 * (handshake, funnel, file, stream selection, logging). Add yours here, one rule each, named by what the server then
 * does; {@code breaks} is the section of the case that must catch it.
 */
final class MessageMutants {

    private static final String CONNECTED_EX = "LinkMacToViewerReportConnectedEX";
    private static final String FUNNEL_INFO = "LinkMacToViewerReportFunnelInfo";
    private static final String OPEN_FILE = "LinkMacToViewerReportOpenFile";
    private static final String CONNECTED_FUNNEL = "LinkMacToViewerReportConnectedFunnel";
    private static final String READ_BLOCK = "LinkMacToViewerReportReadBlock";
    private static final String STARTED_PLAYING = "LinkMacToViewerReportStartedPlaying";
    private static final Section EX = Section.mmsp("2.2.4.2");
    private static final Section FUNNEL = Section.mmsp("2.2.4.6");
    private static final Section FILE = Section.mmsp("2.2.4.7");
    private static final Section PAIR = Section.mmsp("3.2.5.4");
    /** Whole packets of the three TCP packet-pair ReportFunnelInfo (3.2.5.4). */
    private static final int PAIR_FIRST = 512;
    private static final int PAIR_THIRD = 1056;
    /** In a single-message ReportFunnelInfo packet: nCubs, and the packet-pair bytes after the fixed fields. */
    private static final int N_CUBS = 32 + 8 + 20;
    private static final int PAIR_BYTES = 32 + 8 + 40;

    private MessageMutants() {
    }

    static List<Mutant> all() {
        return Stream.of(given(), connect(), funnel(), file(), session()).flatMap(List::stream).toList();
    }

    private static List<Mutant> given() {
        return List.of(
                new Mutant("ReportConnectedEX carries an error hr", Section.mmsp("3.2.5.3"),
                        "R6: Connect is answered with ReportConnectedEX (hr 0)", override(CONNECTED_EX, "hr",
                                0x80004005L)),
                new Mutant("ReportConnectedEX offers packet-pair nobody asked for", Section.mmsp("3.2.5.3"),
                        "R8: without a packet-pair request, playIncarnation is 0xF0F0F0EF",
                        override(CONNECTED_EX, "playIncarnation", 0xF0F0F0F0L)),
                new Mutant("ReportConnectedEX never grants packet-pair", Section.mmsp("3.2.5.3"),
                        "R7: a server able to do packet-pair answers 0xF0F0F0F0 to a request for it",
                        override(CONNECTED_EX, "playIncarnation", 0xF0F0F0EFL)),
                new Mutant("ReportConnectedEX names no scheme on a server that challenges", Section.mmsp("3.2.5.3"),
                        "R9: a server that may ask for credentials names BASIC or NTLM in AuthenPackage",
                        override(CONNECTED_EX, "AuthenPackage", "")),
                new Mutant("ReportConnectedEX MacToViewerProtocolRevision is 0x0004000A", Section.mmsp("2.2.4.2"),
                        "R3: MacToViewerProtocolRevision is 0x0004000B",
                        field(CONNECTED_EX, "MacToViewerProtocolRevision", v -> 0x0004000AL)),
                new Mutant("ReportConnectedEX nMaxOpenFiles is 2", Section.mmsp("2.2.4.2"),
                        "R7: nMaxOpenFiles is 1", field(CONNECTED_EX, "nMaxOpenFiles", v -> 2)),
                new Mutant("ReportFunnelInfo transportMask is 0", Section.mmsp("2.2.4.6"), "R3: transportMask is 8",
                        field(FUNNEL_INFO, "transportMask", v -> 0)),
                new Mutant("ReportFunnelInfo refuses every packet-pair", Section.mmsp("3.2.5.4"),
                        "R5, R6: a server that does packet-pair answers 0xF0F0F0F1 or 0xF0F0F901",
                        override(FUNNEL_INFO, "playIncarnation", 0xF0F0F0EFL)),
                new Mutant("ReportConnectedFunnel carries an error hr", Section.mmsp("2.2.4.3"), "R2: hr is 0",
                        override("LinkMacToViewerReportConnectedFunnel", "hr", 0x80004005L)),
                new Mutant("ReportOpenFile echoes another playIncarnation", Section.mmsp("2.2.4.7"),
                        "R2: playIncarnation echoes the OpenFile's", field(OPEN_FILE, "playIncarnation", v -> v + 1)),
                new Mutant("ReportOpenFile fileBlocks is rounded down", Section.mmsp("2.2.4.7"),
                        "R10, R11: fileBlocks is the duration rounded up", field(OPEN_FILE, "fileBlocks", v -> v - 1)),
                new Mutant("ReportOpenFile filePacketCount is one too many", Section.mmsp("2.2.4.7"),
                        "R14: filePacketCount is the number of ASF data packets",
                        field(OPEN_FILE, "filePacketCount", v -> v == 0 ? 0 : v + 1)),
                new Mutant("ReportOpenFile unused2 is not zero", Section.mmsp("2.2.4.7"),
                        "R18: the 36 bytes of unused2 are 0", field(OPEN_FILE, "unused2", v -> 1)),
                new Mutant("ReportOpenFile gives hr 0 for a missing file", Section.mmsp("3.2.5.6"),
                        "R5: the ReportOpenFile of an invalid request carries a failure hr",
                        override(OPEN_FILE, "hr", 0L)),
                new Mutant("OpenFile of a missing file goes unanswered", Section.mmsp("3.2.5.6"),
                        "R4: an invalid OpenFile is answered with ReportOpenFile", quirk(Quirk.SILENT_ON_ERROR)),
                new Mutant("ReportOpenFile names another openFileId than the session's", Section.mmsp("3.2.5.6"),
                        "R16: openFileId is the session's File-ID", field(OPEN_FILE, "openFileId", v -> v + 1)),
                new Mutant("the connection stays open after ReportRedirect", Section.mmsp("3.2.5.6"),
                        "R7: after ReportRedirect the server closes the connection",
                        quirk(Quirk.KEEP_OPEN_AFTER_REDIRECT)),
                new Mutant("a protected file opens without credentials", Section.mmsp("3.2.5.6"),
                        "R11: OpenFile without credentials for a protected file gets a SecurityChallenge",
                        quirk(Quirk.NO_CHALLENGE)),
                new Mutant("ReportRedirect RedirectType is 3", Section.mmsp("2.2.4.9"),
                        "R2: RedirectType is 1 (URL) or 2 (proxy)",
                        field("LinkMacToViewerReportRedirect", "RedirectType", v -> 3)),
                new Mutant("SecurityChallenge echoes another playIncarnation", Section.mmsp("2.2.4.14"),
                        "R2: playIncarnation echoes the OpenFile's or SecurityResponse's",
                        field("LinkMacToViewerSecurityChallenge", "playIncarnation", v -> v + 1)),
                new Mutant("wrong credentials open a protected file", Section.mmsp("3.2.5.7"),
                        "R4: wrong credentials get another SecurityChallenge", quirk(Quirk.ACCEPT_ANY_CREDENTIALS)),
                new Mutant("ReportReadBlock echoes another playIncarnation", Section.mmsp("2.2.4.8"),
                        "R2: playIncarnation echoes the ReadBlock's",
                        field("LinkMacToViewerReportReadBlock", "playIncarnation", v -> v + 1)),
                new Mutant("ReportReadBlock playSequence is 1", Section.mmsp("2.2.4.8"), "R3: playSequence is 0",
                        field("LinkMacToViewerReportReadBlock", "playSequence", v -> 1)),
                new Mutant("StreamSwitch goes unanswered", Section.mmsp("3.2.5.10"),
                        "R6: StreamSwitch is answered with ReportStreamSwitch",
                        drop("LinkMacToViewerReportStreamSwitch")),
                new Mutant("Logging closes the connection", Section.mmsp("3.2.5.15"),
                        "R4: after Logging the server awaits StreamSwitch, Start*, CloseFile",
                        quirk(Quirk.REFUSE_LOGGING)));
    }

    /** ReportConnectedEX (2.2.4.2) and Connect (3.2.5.3). */
    private static List<Mutant> connect() {
        return List.of(
                new Mutant("Connect goes unanswered", EX, "R1: Connect is answered with MID 0x00040001",
                        drop(CONNECTED_EX)),
                new Mutant("ReportConnectedEX playIncarnation is 0", EX, "R2: playIncarnation is EF or F0",
                        field(CONNECTED_EX, "playIncarnation", v -> 0)),
                new Mutant("ReportConnectedEX ViewerToMacProtocolRevision is 0x0003001B", EX,
                        "R4: ViewerToMacProtocolRevision is 0x0003001C",
                        field(CONNECTED_EX, "ViewerToMacProtocolRevision", v -> 0x0003001BL)),
                new Mutant("ReportConnectedEX blockGroupPlayTime is 2.0", EX, "R5: blockGroupPlayTime is 1.0",
                        field(CONNECTED_EX, "blockGroupPlayTime", v -> Double.doubleToLongBits(2.0))),
                new Mutant("ReportConnectedEX blockGroupBlocks is 2", EX, "R6: blockGroupBlocks is 1",
                        field(CONNECTED_EX, "blockGroupBlocks", v -> 2)),
                new Mutant("ReportConnectedEX nBlockMaxBytes is 0xFFFF", EX, "R8: nBlockMaxBytes is 0x8000",
                        field(CONNECTED_EX, "nBlockMaxBytes", v -> 0xFFFF)),
                new Mutant("ReportConnectedEX maxBitRate is WMS 4.1's 0x00A00000", EX, "R9: maxBitRate is 0x00989680",
                        field(CONNECTED_EX, "maxBitRate", v -> 0x00A00000L)),
                new Mutant("cbServerVersionInfo counts bytes", EX, "R10: cbServerVersionInfo counts characters",
                        field(CONNECTED_EX, "cbServerVersionInfo", v -> 2 * v)),
                string("cbVersionInfo counts bytes", "R11: cbVersionInfo counts characters", "VersionInfo", "9.0", 2),
                string("cbVersionUrl counts bytes", "R12: cbVersionUrl counts characters", "VersionUrl", "http://x/",
                        2),
                new Mutant("cbAuthenPackage counts bytes", EX, "R13: cbAuthenPackage counts characters",
                        field(CONNECTED_EX, "cbAuthenPackage", v -> 2 * v)),
                string("ServerVersionInfo has three parts", "R15: major.minor[.build.revision]", "ServerVersionInfo",
                        "4.1.0", 1),
                string("VersionInfo is a word", "R18: major.minor[.build.revision]", "VersionInfo", "nine", 1),
                string("VersionInfo comes without VersionUrl", "R19: VersionInfo comes with VersionUrl",
                        "VersionInfo", "9.0", 1),
                string("VersionUrl is no URI", "R20: VersionUrl is an RFC 3986 URI", "VersionUrl", "not a uri", 1),
                string("AuthenPackage is KERBEROS", "R24: AuthenPackage is BASIC or NTLM", "AuthenPackage",
                        "KERBEROS", 1),
                new Mutant("ConnectFunnel straight after Connect goes unanswered", Section.mmsp("3.2.5.3"),
                        "R10: after ReportConnectedEX, FunnelInfo or ConnectFunnel is awaited",
                        drop(CONNECTED_FUNNEL)));
    }

    /** ReportConnectedFunnel (2.2.4.3), ReportFunnelInfo (2.2.4.6), Client-ID (3.2.3) and packet-pair (3.2.5.4). */
    private static List<Mutant> funnel() {
        Section connected = Section.mmsp("2.2.4.3");
        return List.of(
                new Mutant("ReportConnectedFunnel playIncarnation is 0xF0F0F0EF", connected,
                        "R3: playIncarnation is 0", field(CONNECTED_FUNNEL, "playIncarnation", v -> 0xF0F0F0EFL)),
                new Mutant("ReportConnectedFunnel packetPayloadSize is 0x8000", connected,
                        "R5: packetPayloadSize is 0", field(CONNECTED_FUNNEL, "packetPayloadSize", v -> 0x8000)),
                new Mutant("funnelName is Windows 2000's \"Funnel Of The \"", connected,
                        "R7: funnelName is \"Funnel Of The Gods\"",
                        override(CONNECTED_FUNNEL, "funnelName", "Funnel Of The ")),
                new Mutant("ConnectFunnel goes unanswered", Section.mmsp("3.2.5.5"),
                        "R7: ConnectFunnel is answered with ReportConnectedFunnel", drop(CONNECTED_FUNNEL)),
                new Mutant("ReportFunnelInfo playIncarnation is 0x12345678", FUNNEL, "R2: one of the four values",
                        field(FUNNEL_INFO, "playIncarnation", v -> 0x12345678L)),
                new Mutant("ReportFunnelInfo nBlockFragments is 2", FUNNEL, "R4: nBlockFragments is 1",
                        field(FUNNEL_INFO, "nBlockFragments", v -> 2)),
                new Mutant("ReportFunnelInfo fragmentBytes is 0x8000", FUNNEL, "R5: fragmentBytes is 0x10000",
                        field(FUNNEL_INFO, "fragmentBytes", v -> 0x8000)),
                new Mutant("ReportFunnelInfo failedCubs is 1", FUNNEL, "R7: failedCubs is 0",
                        field(FUNNEL_INFO, "failedCubs", v -> 1)),
                new Mutant("ReportFunnelInfo nDisks is 2", FUNNEL, "R8: nDisks is 1",
                        field(FUNNEL_INFO, "nDisks", v -> 2)),
                new Mutant("ReportFunnelInfo decluster is 1", FUNNEL, "R9: decluster is 0",
                        field(FUNNEL_INFO, "decluster", v -> 1)),
                new Mutant("ReportFunnelInfo cubddDatagramSize is 1400", FUNNEL, "R10: cubddDatagramSize is 0",
                        field(FUNNEL_INFO, "cubddDatagramSize", v -> 1400)),
                new Mutant("ReportFunnelInfo carries pair bytes without packet-pair", FUNNEL,
                        "R11: pair bytes only with 0xF0F0F0F0 or 0xF0F0F0F1",
                        override(FUNNEL_INFO, "packetPairPacket", "0011223344556677")),
                new Mutant("every session gets nCubs 7", Section.mmsp("3.2.3"),
                        "R3, R4: Client-ID is random and unique among sessions", field(FUNNEL_INFO, "nCubs", v -> 7)),
                new Mutant("FunnelInfo goes unanswered", PAIR, "R3: FunnelInfo is answered with ReportFunnelInfo",
                        drop(FUNNEL_INFO)),
                new Mutant("ReportFunnelInfo always answers 0xF0F0F0F0", PAIR,
                        "R8: without packet-pair the answer is 0xF0F0F0EF",
                        field(FUNNEL_INFO, "playIncarnation", v -> 0xF0F0F0F0L)),
                new Mutant("TCP packet-pair ReportFunnelInfo are 88 bytes", PAIR,
                        "R12, R16: the pair packets are 512, 512 and 1,056 bytes",
                        override(FUNNEL_INFO, "packetPairPacket", "0011223344556677")),
                new Mutant("the third TCP packet-pair ReportFunnelInfo names another nCubs", PAIR,
                        "R14: the second and third match the first but for the pair bytes",
                        replies(b -> b.length == PAIR_THIRD ? put(b, N_CUBS, 4, get(b, N_CUBS, 4) ^ 1) : b)),
                new Mutant("TCP packet-pair fill is the same in each ReportFunnelInfo", PAIR,
                        "R15: the second and third carry fresh random bytes", replies(b -> pairFill(b, true))),
                new Mutant("TCP packet-pair fill is zeros", PAIR, "R11: the pair bytes are random",
                        replies(b -> pairFill(b, false))));
    }

    /** ReportOpenFile (2.2.4.7) and OpenFile (3.2.5.6). */
    private static List<Mutant> file() {
        return List.of(
                new Mutant("ReportOpenFile padding is 0xDEADBEEF", FILE, "R4: padding is 0",
                        field(OPEN_FILE, "padding", v -> 0xDEADBEEFL)),
                new Mutant("ReportOpenFile fileName is 0x1234", FILE, "R6: fileName is 0",
                        field(OPEN_FILE, "fileName", v -> 0x1234)),
                new Mutant("ReportOpenFile fileAttributes has bit 0", FILE, "R7: only the FILE_ATTRIBUTE_MMS_* flags",
                        field(OPEN_FILE, "fileAttributes", v -> v | 1)),
                new Mutant("a playlist's ReportOpenFile lacks PLAYLIST", FILE, "R7: the flags describe the content",
                        field(OPEN_FILE, "fileAttributes", v -> v & ~0x40000000L)),
                new Mutant("ReportOpenFile fileDuration is an hour too long", FILE, "R8: the entry's duration",
                        field(OPEN_FILE, "fileDuration", v -> Double.doubleToLongBits(Double.longBitsToDouble(v)
                                + 3600))),
                new Mutant("ReportOpenFile unused1 is not zero", FILE, "R12: the 16 bytes of unused1 are 0",
                        field(OPEN_FILE, "unused1", v -> 1)),
                new Mutant("ReportOpenFile filePacketSize is one byte short", FILE,
                        "R13: the largest ASF data packet size", field(OPEN_FILE, "filePacketSize", v -> v - 1)),
                new Mutant("ReportOpenFile fileBitRate is halved", FILE, "R16: the sum of the streams' bit rates",
                        field(OPEN_FILE, "fileBitRate", v -> v / 2)),
                new Mutant("ReportOpenFile fileHeaderSize leaves out the Data Object's 50 bytes", FILE,
                        "R17: the size of the ASF file header", field(OPEN_FILE, "fileHeaderSize", v -> v - 50)),
                new Mutant("ReportOpenFile carries an error hr", Section.mmsp("3.2.5.6"),
                        "R15: OpenFile of the media is answered with ReportOpenFile (hr 0)",
                        override(OPEN_FILE, "hr", 0x80004005L)),
                new Mutant("OpenFile after ReportConnectedFunnel gets an error hr", Section.mmsp("3.2.5.5"),
                        "R9: after ReportConnectedFunnel, OpenFile is awaited", override(OPEN_FILE, "hr", 0xC00D0029L)));
    }

    /** The replies to ReadBlock, StartPlaying, StreamSwitch, and what CancelReadBlock, Logging, CloseFile leave. */
    private static List<Mutant> session() {
        return List.of(
                new Mutant("16 bytes that frame as nothing follow ReportOpenFile", Section.mmsp("3.2.5.2"),
                        "R2: what the server sends is framed in TcpMessageHeader packets",
                        new Faults(Map.of(), Set.of(), List.of(), false, false, null, OPEN_FILE, 0x0C)),
                new Mutant("ReadBlock goes unanswered", Section.mmsp("2.2.4.8"), "R1: ReadBlock gets ReportReadBlock",
                        drop(READ_BLOCK)),
                new Mutant("ReportStartedPlaying tigerFileId is 0", Section.mmsp("2.2.4.10"),
                        "R3: tigerFileId repeats openFileId", field(STARTED_PLAYING, "tigerFileId", v -> 0)),
                new Mutant("ReportStartedPlaying unused2 is not zero", Section.mmsp("2.2.4.10"),
                        "R7: the 12 bytes of unused2 are 0", field(STARTED_PLAYING, "unused2", v -> 1)),
                new Mutant("StreamSwitch before StartPlaying goes unanswered", Section.mmsp("2.2.4.13"),
                        "R1: StreamSwitch gets ReportStreamSwitch (MID 0x00040021)",
                        drop("LinkMacToViewerReportStreamSwitch")),
                new Mutant("ReadBlock gets the header but no ReportReadBlock", Section.mmsp("3.2.5.8"),
                        "R12: ReportReadBlock comes first", drop(READ_BLOCK)),
                new Mutant("header Data packets carry playIncarnation 0x33", Section.mmsp("3.2.5.8"),
                        "R4: header Data packets echo the ReadBlock's playIncarnation",
                        data(Payload.ASF_HEADER, set(PLAY_INCARNATION, 1, 0x33))),
                new Mutant("the header's first Data packet lacks the Header Object GUID", Section.mmsp("3.2.5.8"),
                        "R13: the Data packets carry the ASF file header",
                        data(Payload.ASF_HEADER, d -> d.LocationId() == 0, set(8, 4, 0))),
                new Mutant("CloseFile after CancelReadBlock leaves the connection open", Section.mmsp("3.2.5.9"),
                        "R4: after CancelReadBlock, CloseFile is awaited", quirk(Quirk.KEEP_OPEN_AFTER_CLOSE_FILE)),
                new Mutant("ReadBlock after CancelReadBlock goes unanswered", Section.mmsp("3.2.5.9"),
                        "R4: after CancelReadBlock, ReadBlock is awaited", drop(READ_BLOCK)),
                new Mutant("CloseFile after Logging leaves the connection open", Section.mmsp("3.2.5.15"),
                        "R4: after Logging, CloseFile is awaited", quirk(Quirk.KEEP_OPEN_AFTER_CLOSE_FILE)));
    }

    /**
     * ReportConnectedEX with string {@code field} sent as {@code value} and its cb* count set to its characters and NUL
     * times {@code unit} (2 counts bytes, the classic slip).
     */
    private static Mutant string(String name, String rule, String field, String value, int unit) {
        List<Faults.FieldOverride> o = List.of(new Faults.FieldOverride(CONNECTED_EX, field, value),
                new Faults.FieldOverride(CONNECTED_EX, "cb" + field, (value.length() + 1L) * unit));
        return new Mutant(name, EX, rule, new Faults(Map.of(), Set.of(), o, false, false, null, null, 0x0C));
    }

    /**
     * A TCP packet-pair ReportFunnelInfo (a 512 or 1,056-byte packet) with its fill replaced: a fixed pattern of many
     * byte values (the same in each), or zeros.
     */
    private static byte[] pairFill(byte[] b, boolean pattern) {
        if (b.length != PAIR_FIRST && b.length != PAIR_THIRD) {
            return b;
        }
        byte[] out = b.clone();
        for (int i = PAIR_BYTES; i < out.length; i++) {
            out[i] = pattern ? (byte) (i * 7) : 0;
        }
        return out;
    }
}
