package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.AFFLAGS;
import static org.mmsspec.harness.mutation.Mutations.LOCATION_ID;
import static org.mmsspec.harness.mutation.Mutations.PLAY_INCARNATION;
import static org.mmsspec.harness.mutation.Mutations.add;
import static org.mmsspec.harness.mutation.Mutations.data;
import static org.mmsspec.harness.mutation.Mutations.field;
import static org.mmsspec.harness.mutation.Mutations.override;
import static org.mmsspec.harness.mutation.Mutations.quirk;
import static org.mmsspec.harness.mutation.Mutations.set;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Payload;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the session cases ({@code MmspSessionCases}): faults in streaming, stream selection, seeking,
 * stopping, the end of a stream or playlist entry, resends and timers. Add yours here, one rule each, named by what the
 * server then does; {@code breaks} is the section of the case that must catch it.
 */
final class SessionMutants {

    private SessionMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("every stream flows without a StreamSwitch", Section.mmsp("3.2.5.11"),
                        "R8: without a StreamSwitch no stream is selected (but for WMS 4.x clients)",
                        quirk(Quirk.SEND_WITHOUT_STREAM_SWITCH)),
                new Mutant("WMS 4.x clients get no stream without a StreamSwitch", Section.mmsp("3.2.5.11"),
                        "R7: without a StreamSwitch a \"Spoooon!\" client gets every stream",
                        quirk(Quirk.IGNORE_SPOOOON)),
                new Mutant("StartPlaying in READY ignores the position asked", Section.mmsp("3.2.5.11"),
                        "R4: in READY the server seeks where position, asfOffset or locationId point",
                        quirk(Quirk.IGNORE_SEEK)),
                new Mutant("StartPlaying's frameOffset stop time is ignored", Section.mmsp("3.2.5.11"),
                        "frameOffset sets when playing stops", quirk(Quirk.IGNORE_FRAME_OFFSET)),
                new Mutant("ReportStartedPlaying echoes another playIncarnation", Section.mmsp("2.2.4.10"),
                        "R2: playIncarnation echoes the StartPlaying's",
                        field("LinkMacToViewerReportStartedPlaying", "playIncarnation", v -> v + 1)),
                new Mutant("ReportStartedPlaying unused1 is 0x12345678", Section.mmsp("2.2.4.10"),
                        "R5: unused1 is 0 or 0x40000000",
                        field("LinkMacToViewerReportStartedPlaying", "unused1", v -> 0x12345678L)),
                new Mutant("ReportStartStriding echoes another playIncarnation", Section.mmsp("2.2.4.11"),
                        "R2: playIncarnation echoes the StartStriding's",
                        field("LinkMacToViewerReportStartStriding", "playIncarnation", v -> v + 1)),
                new Mutant("unselected streams' payloads are sent too", Section.mmsp("3.2.5.11.1"),
                        "R2: only payloads of the selected streams are sent", quirk(Quirk.NO_STREAM_FILTER)),
                new Mutant("ASF data LocationId is one past the packet number", Section.mmsp("3.2.5.11.1"),
                        "R4: LocationId is the packet's index in the ASF file",
                        data(Payload.ASF_DATA, add(LOCATION_ID, 4, 1))),
                new Mutant("the AFFlags sequence skips a value", Section.mmsp("3.2.5.11.1"),
                        "R7: Sequence goes up by one per Data packet",
                        data(Payload.ASF_DATA, p -> p.LocationId() >= 2, add(AFFLAGS, 1, 1))),
                new Mutant("ASF data packets carry another playIncarnation than StartPlaying's",
                        Section.mmsp("3.2.5.11.1"), "R8: Data packets carry the low 8 bits of Incarnation",
                        data(Payload.ASF_DATA, p -> p.playIncarnation() < 0xFE, add(PLAY_INCARNATION, 1, 1))),
                new Mutant("the AFFlags sequence does not restart after 0xFE", Section.mmsp("2.2.2"),
                        "R13: after AFFlags 0xFE a new Start* restarts the sequence at 0x00",
                        quirk(Quirk.NO_AFFLAGS_RESTART)),
                new Mutant("ReportEndOfStream echoes another playIncarnation", Section.mmsp("2.2.4.5"),
                        "R2, R3: playIncarnation echoes the StopPlaying's or the latest Start*'s",
                        field("LinkMacToViewerReportEndOfStream", "playIncarnation", v -> v + 1)),
                new Mutant("Data packets keep coming after StopPlaying", Section.mmsp("3.2.5.14"),
                        "StopPlaying ends STREAMING: the server awaits Logging, StreamSwitch, Start*, CloseFile (R8)",
                        quirk(Quirk.STREAM_AFTER_STOP)),
                new Mutant("the end of the content goes unannounced", Section.mmsp("3.2.4.1"),
                        "R1: after the last Data packet the server sends ReportEndOfStream",
                        quirk(Quirk.NO_END_OF_STREAM)),
                new Mutant("a playlist's next entry comes without ReportStreamChange", Section.mmsp("3.2.4.2"),
                        "R3: a new playlist entry is announced with ReportStreamChange",
                        quirk(Quirk.NO_STREAM_CHANGE)),
                new Mutant("the next entry's header over TCP has the ReadBlock's playIncarnation",
                        Section.mmsp("3.2.4.2"), "R10: after a StreamChange over TCP, header Data packets carry 0xFF",
                        data(Payload.ASF_HEADER, p -> p.playIncarnation() == 0xFF, set(PLAY_INCARNATION, 1, 0x02))),
                new Mutant("ReportStreamChange dwTcpHdrIncarnation is 0xFE", Section.mmsp("2.2.4.12"),
                        "R3: dwTcpHdrIncarnation is 0xFF",
                        field("LinkMacToViewerReportStreamChange", "dwTcpHdrIncarnation", v -> 0xFE)),
                new Mutant("ReportStreamChange cbHeaderSize is 8 bytes short", Section.mmsp("2.2.4.12"),
                        "R5: cbHeaderSize is the byte size of the next entry's ASF file header",
                        field("LinkMacToViewerReportStreamChange", "cbHeaderSize", v -> v - 8)),
                new Mutant("the session stays after CloseFile", Section.mmsp("3.2.5.17"),
                        "R4: CloseFile drops the session and closes the TCP connection",
                        quirk(Quirk.KEEP_OPEN_AFTER_CLOSE_FILE)),
                new Mutant("a Ping follows 500 ms of silence", Section.mmsp("3.2.2"),
                        "R2: the KeepAlive period is 30 s (at least 10 s)", quirk(Quirk.PING_EARLY)),
                new Mutant("RequestPacketListResend goes unanswered", Section.mmsp("3.2.5.13"),
                        "R4: each Data packet listed is sent again", quirk(Quirk.NO_RESEND)),
                // the UDP socket finds the session by dwClientId; this mutant finds it by the sender's port instead
                new Mutant("resends are made for another dwClientId", Section.mmsp("3.2.5.13"),
                        "R2: a RequestPacketListResend's dwClientId must be the session's nCubs",
                        quirk(Quirk.RESEND_ANY_CLIENT)),
                new Mutant("a resend request ends the play", Section.mmsp("3.2.5.13"),
                        "R6: after resending, the server goes on streaming", quirk(Quirk.RESEND_ENDS_PLAY)),
                new Mutant("a session outlives its TCP connection for resends", Section.mmsp("3.2.7.1"),
                        "R1: when the TCP connection is lost the session state is dropped",
                        quirk(Quirk.RESEND_AFTER_CLOSE)),
                new Mutant("a Pong is taken for a second Connect", Section.mmsp("3.2.5.16"),
                        "R3, R4: a Pong leaves the session as it was", received(LinkViewerToMacPong.class,
                                LinkViewerToMacConnect.of(MmstClient.NSPLAYER))),
                new Mutant("a resent Data packet differs from the first", Section.mmsp("3.2.5.13"),
                        "R5: a resent Data packet is byte for byte the first",
                        data(Payload.RESENT, SessionMutants::flipLastByte)),
                new Mutant("a refused UDP funnel gets ReportDisconnectedFunnel hr 0", Section.mmsp("2.2.4.4"),
                        "3.2.5.5 R8: a ConnectFunnel that fails gets ReportDisconnectedFunnel with a failure hr",
                        override("LinkMacToViewerReportDisconnectedFunnel", "hr", 0)),
                new Mutant("ReportDisconnectedFunnel playIncarnation is 7", Section.mmsp("2.2.4.4"),
                        "R2: playIncarnation is 0", override("LinkMacToViewerReportDisconnectedFunnel",
                                "playIncarnation", 7)),
                new Mutant("ReportRedirect names an http URL", Section.mmsp("2.2.4.9"),
                        "R10: the scheme is mms, mmsu or mmst",
                        override("LinkMacToViewerReportRedirect", "wszLocation", "http://127.0.0.1/sample.asf")),
                new Mutant("ReportRedirect's URL is percent-encoded", Section.mmsp("2.2.4.9"),
                        "R8: no percent-encoded characters",
                        override("LinkMacToViewerReportRedirect", "wszLocation", "mms://127.0.0.1/sam%70le.asf")),
                new Mutant("ReportRedirect names a place where nothing answers", Section.mmsp("2.2.4.9"),
                        "R5: wszLocation holds the URL to go on at",
                        override("LinkMacToViewerReportRedirect", "wszLocation", "mms://127.0.0.1:1/sample.asf")),
                new Mutant("ReportStartStriding carries an error hr", Section.mmsp("2.2.4.11"),
                        "R1: StartStriding in READY is answered with ReportStartStriding, hr 0",
                        field("LinkMacToViewerReportStartStriding", "hr", v -> 0x80004005L)),
                new Mutant("ReportStartStriding spare is 1", Section.mmsp("2.2.4.11"), "R3: spare is 0",
                        field("LinkMacToViewerReportStartStriding", "spare", v -> 1)),
                new Mutant("ReportStreamChange hr is 1", Section.mmsp("2.2.4.12"), "R2: hr is 0",
                        field("LinkMacToViewerReportStreamChange", "hr", v -> 1)),
                new Mutant("ReportStreamChange cbPacketSize is 100", Section.mmsp("2.2.4.12"),
                        "R4: cbPacketSize is the largest ASF data packet of the next entry",
                        field("LinkMacToViewerReportStreamChange", "cbPacketSize", v -> 100)),
                new Mutant("ReportStreamChange dwStreamId is 5", Section.mmsp("2.2.4.12"), "R7: dwStreamId is 0",
                        field("LinkMacToViewerReportStreamChange", "dwStreamId", v -> 5)),
                new Mutant("every SecurityChallenge carries cookie 1234", Section.mmsp("2.2.4.14"),
                        "R3: the cookie lets the server match the response to its challenge",
                        field("LinkMacToViewerSecurityChallenge", "cookie", v -> 1234)),
                new Mutant("ReportStreamSwitch hr is 1", Section.mmsp("3.2.5.10"),
                        "R6: StreamSwitch is answered with ReportStreamSwitch (hr 0)",
                        field("LinkMacToViewerReportStreamSwitch", "hr", v -> 1)),
                new Mutant("a stream switched off keeps flowing", Section.mmsp("3.2.5.10"),
                        "R3: the selection StreamSwitch makes is applied to the payloads sent",
                        quirk(Quirk.NO_STREAM_FILTER)),
                new Mutant("ReportEndOfStream has hr 1 when answering StopPlaying", Section.mmsp("3.2.5.14"),
                        "R6: the ReportEndOfStream answering StopPlaying has hr 0",
                        field("LinkMacToViewerReportEndOfStream", "hr", v -> 1)),
                new Mutant("Data packets after a restart carry the old playIncarnation", Section.mmsp("3.2.5.14"),
                        "R8, 3.2.5.11 R6: a StartPlaying after a stop takes its new playIncarnation",
                        data(Payload.ASF_DATA, p -> p.playIncarnation() == 0x3B, set(PLAY_INCARNATION, 1, 0x2A))),
                new Mutant("StartPlaying after a stop ignores its locationId", Section.mmsp("3.2.5.14"),
                        "R8, 3.2.5.11 R4: a StartPlaying in READY after a stop seeks", quirk(Quirk.IGNORE_SEEK)),
                new Mutant("Data packets after StartStriding carry another playIncarnation", Section.mmsp("3.2.5.12"),
                        "R6: StartStriding's playIncarnation becomes the Incarnation its Data packets carry",
                        data(Payload.ASF_DATA, p -> p.playIncarnation() == 0x4C, set(PLAY_INCARNATION, 1, 0x4D))),
                new Mutant("StartStriding in READY ignores the locationId asked", Section.mmsp("3.2.5.12"),
                        "R4: in READY StartStriding seeks where position, asfOffset or locationId point",
                        quirk(Quirk.IGNORE_SEEK)),
                new Mutant("StartStriding sends every stream without a StreamSwitch", Section.mmsp("3.2.5.12"),
                        "R8: without a StreamSwitch no stream is selected", quirk(Quirk.SEND_WITHOUT_STREAM_SWITCH)),
                new Mutant("no packet-pair Data packets come over a UDP funnel", Section.mmsp("3.2.5.8"),
                        "R5: with a UDP funnel and UDP packet-pair the server sends two packet-pair Data packets",
                        data(Payload.PACKET_PAIR, b -> new byte[0])),
                new Mutant("a BASIC challenge's pToken is no realm", Section.mmsp("2.2.4.14"),
                        "R6: a Basic pToken is an optional realm= part and a NUL", challengeToken("78000000")),
                new Mutant("a BASIC challenge names no realm", Section.mmsp("2.2.4.14"),
                        "R7: a Basic pToken carries realm= even with no realm configured", challengeToken("0000")),
                new Mutant("good credentials in a SecurityResponse are refused", Section.mmsp("3.2.5.7"),
                        "R8: when no further challenge is needed the server sends ReportOpenFile (hr 0)",
                        override("LinkMacToViewerReportOpenFile", "hr", 0x80070005L)),
                new Mutant("good credentials in OpenFile's tokenData are refused", Section.mmsp("3.2.5.6"),
                        "R9, R15: OpenFile with good credentials is answered with ReportOpenFile (hr 0)",
                        override("LinkMacToViewerReportOpenFile", "hr", 0x80070005L)),
                new Mutant("after authentication ReportOpenFile names another openFileId", Section.mmsp("3.2.5.7"),
                        "R9: that ReportOpenFile's openFileId is the session's File-ID",
                        field("LinkMacToViewerReportOpenFile", "openFileId", v -> v + 6)),
                new Mutant("Data packets after StartPlaying carry another playIncarnation", Section.mmsp("3.2.5.11"),
                        "R6: StartPlaying's playIncarnation becomes the Incarnation its Data packets carry",
                        data(Payload.ASF_DATA, p -> p.playIncarnation() == 0x2A, set(PLAY_INCARNATION, 1, 0x2B))));
    }

    /** SecurityChallenge with pToken {@code hex} and a cbToken to match. */
    private static Faults challengeToken(String hex) {
        String m = "LinkMacToViewerSecurityChallenge";
        Faults n = Faults.NONE;
        return new Faults(Map.of(), Set.of(), List.of(new Faults.FieldOverride(m, "pToken", hex),
                new Faults.FieldOverride(m, "cbToken", hex.length() / 2)), n.oneByteSegments(), n.combineMessages(),
                n.closeMidMessage(), n.garbageAfter(), n.headerLastFlag());
    }

    /** Each {@code type} message from the client, read as {@code instead}. */
    private static Mutation received(Class<? extends MmsMessage> type, MmsMessage instead) {
        return new Mutation() {
            @Override
            public MmsMessage received(MmsMessage message) {
                return type.isInstance(message) ? instead : message;
            }
        };
    }

    private static byte[] flipLastByte(byte[] b) {
        b[b.length - 1] ^= (byte) 0xFF;
        return b;
    }
}
