package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.drop;
import static org.mmsspec.harness.mutation.Mutations.field;
import static org.mmsspec.harness.mutation.Mutations.override;
import static org.mmsspec.harness.mutation.Mutations.quirk;

import java.util.List;

import org.mmsspec.codec.Section;
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

    private MessageMutants() {
    }

    static List<Mutant> all() {
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
}
