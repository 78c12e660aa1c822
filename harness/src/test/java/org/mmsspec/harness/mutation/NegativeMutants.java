package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.quirk;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.mmsspec.codec.Section;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the negative cases ({@code MmspNegativeCases}): faults in how the server meets malformed or
 * out-of-sequence input, bad identifiers and spoofed resends. Add yours here, one rule each, named by what the server
 * then does; {@code breaks} is the section of the case that must catch it. A fault met in several sections (a message
 * out of sequence) is listed once per section, so that each section's cases are shown to catch it.
 */
final class NegativeMutants {

    private static final Section RECEIVING = Section.mmsp("3.2.5.1");

    private NegativeMutants() {
    }

    static List<Mutant> all() {
        return Stream.of(receiving(), messages(), outOfSequence(), others()).flatMap(List::stream).toList();
    }

    /** 3.2.5.1: the TcpMessageHeader, the framing of messages, and bytes that are no command packet. */
    private static List<Mutant> receiving() {
        return List.of(
                new Mutant("malformed input stops the listener", RECEIVING,
                        "bad input gets an error or a close, and the server lives on for other clients",
                        quirk(Quirk.DIE_ON_MALFORMED)),
                new Mutant("a packet with a broken header, framing or length is served", RECEIVING,
                        "R2: the packet must begin with a valid TcpMessageHeader (2.2.3) and its messages fit it",
                        quirk(Quirk.ACCEPT_BROKEN_FRAMING)),
                new Mutant("bytes that are no command packet are waited for", RECEIVING,
                        "R2: a TCP packet that does not begin with a TcpMessageHeader is refused at once",
                        quirk(Quirk.WAIT_FOR_ANNOUNCED_BYTES)),
                new Mutant("an unframeable stream is left open and unanswered", RECEIVING,
                        "R2: a header announcing under 16 or over 4 GB of message is refused, not waited on",
                        quirk(Quirk.STALL_ON_UNFRAMEABLE)),
                new Mutant("a client hanging up mid-packet stops the listener", RECEIVING,
                        "a truncated packet costs the server that connection only", quirk(Quirk.DIE_ON_TRUNCATED)),
                new Mutant("a client hanging up after a bare header stops the listener", RECEIVING,
                        "a header whose message never comes costs the server that connection only",
                        quirk(Quirk.DIE_ON_BARE_HEADER)),
                // a server that never refuses: what it cannot use it drops, and it waits for whatever comes next
                new Mutant("bad input of any kind is dropped unanswered", RECEIVING,
                        "R2: a message whose chunkLen overruns its packet gets an error or a close",
                        quirks(Quirk.ACCEPT_BROKEN_FRAMING, Quirk.IGNORE_UNDECODABLE,
                                Quirk.WAIT_FOR_ANNOUNCED_BYTES, Quirk.STALL_ON_UNFRAMEABLE)),
                new Mutant("a packet split across TCP reads is refused", RECEIVING,
                        "TCP is a byte stream: a packet in 1-byte segments is still a packet",
                        quirk(Quirk.WHOLE_PACKET_PER_READ)),
                new Mutant("packets sharing a TCP read after the first are dropped", RECEIVING,
                        "every packet received is processed, however the bytes were segmented",
                        quirk(Quirk.FIRST_PACKET_PER_READ)),
                new Mutant("a packet of zero messages is refused", RECEIVING,
                        "2.2.3: a TcpMessageHeader carries zero or more messages", quirk(Quirk.REFUSE_EMPTY_PACKET)),
                new Mutant("header padding or timeSent other than 0 is refused", RECEIVING,
                        "MMSP-2.2.3-R5, R14: receivers ignore padding and timeSent",
                        quirk(Quirk.REFUSE_HEADER_PADDING)),
                new Mutant("a packet with an unexpected seq is dropped unanswered", RECEIVING,
                        "a wrong seq (2.2.3-R9, R10) gets a reply or a close, never silence",
                        quirk(Quirk.DROP_UNEXPECTED_SEQ)),
                // the codec's MID check refuses these first, so that check is off too
                new Mutant("a message of an unknown or server-side MID is dropped unanswered", RECEIVING,
                        "R4: MID must name a client message of 2.2.4; anything else gets an error or a close",
                        quirks(Quirk.IGNORE_UNKNOWN_MID, Quirk.ACCEPT_BROKEN_FRAMING)),
                new Mutant("a Data packet from the client is dropped unanswered", RECEIVING,
                        "R2: the client sends command packets only", quirk(Quirk.IGNORE_CLIENT_DATA)));
    }

    /** Messages whose strings, lengths or size break the syntax their section checks (R2 of each). */
    private static List<Mutant> messages() {
        return List.of(
                new Mutant("a Connect with a broken subscriberName string is served", Section.mmsp("3.2.5.3"),
                        "R2: Connect follows 2.2.4.17 (UTF-16, NUL-terminated)", quirk(Quirk.ACCEPT_BROKEN_FRAMING)),
                new Mutant("a Connect too short for its fields is dropped unanswered", Section.mmsp("3.2.5.3"),
                        "R2: Connect follows 2.2.4.17", quirk(Quirk.IGNORE_UNDECODABLE)),
                new Mutant("an OpenFile whose token lengths lie is served", Section.mmsp("3.2.5.6"),
                        "R2: OpenFile follows 2.2.4.21 (token and cbtoken within the message)",
                        quirk(Quirk.ACCEPT_BROKEN_FRAMING)),
                new Mutant("a ReadBlock too short for its fields is dropped unanswered", Section.mmsp("3.2.5.8"),
                        "R2: ReadBlock follows 2.2.4.23", quirk(Quirk.IGNORE_UNDECODABLE)),
                new Mutant("a StreamSwitch whose cStreamEntries lies is served", Section.mmsp("3.2.5.10"),
                        "R2: StreamSwitch follows 2.2.4.28 (cStreamEntries entries follow)",
                        quirk(Quirk.ACCEPT_BROKEN_FRAMING)),
                new Mutant("a StartPlaying too short for its fields is dropped unanswered", Section.mmsp("3.2.5.11"),
                        "R2: StartPlaying follows 2.2.4.25", quirk(Quirk.IGNORE_UNDECODABLE)));
    }

    /** A message the state does not allow gets an error or a close, never silence. */
    private static List<Mutant> outOfSequence() {
        return List.of(
                outOfSequence("3.2.5.3", "a second Connect", "R10: after ReportConnectedEX, FunnelInfo or "
                        + "ConnectFunnel"),
                outOfSequence("3.2.5.4", "FunnelInfo after OpenFile", "3.2.5.6-R17: after ReportOpenFile, ReadBlock"),
                outOfSequence("3.2.5.6", "OpenFile before Connect or twice", "R17: after ReportOpenFile, ReadBlock"),
                outOfSequence("3.2.5.7", "a SecurityResponse no challenge asked for",
                        "3.2.5.6-R17: after ReportOpenFile, ReadBlock"),
                outOfSequence("3.2.5.8", "ReadBlock before Connect or OpenFile", "R3: ReadBlock names the File-ID"),
                outOfSequence("3.2.5.10", "StreamSwitch before OpenFile", "3.2.5.5-R9: after ConnectFunnel, OpenFile"),
                outOfSequence("3.2.5.11", "StartPlaying before Connect or the header",
                        "3.2.5.6-R17: after ReportOpenFile, ReadBlock"),
                outOfSequence("3.2.5.14", "StopPlaying before OpenFile", "3.2.5.5-R9: after ConnectFunnel, OpenFile"),
                outOfSequence("3.2.5.17", "CloseFile before OpenFile", "R3: CloseFile names the File-ID"));
    }

    private static List<Mutant> others() {
        return List.of(
                new Mutant("a ConnectFunnel that fails goes unanswered", Section.mmsp("3.2.5.5"),
                        "R8: a ConnectFunnel not processed successfully gets ReportDisconnectedFunnel",
                        quirk(Quirk.SILENT_ON_ERROR)),
                new Mutant("a ConnectFunnel that fails is answered hr 0", Section.mmsp("3.2.5.5"),
                        "R8, 2.2.4.4: ReportDisconnectedFunnel carries a failure hr",
                        Mutations.field("LinkMacToViewerReportDisconnectedFunnel", "hr", v -> 0)),
                new Mutant("any openFileId is served", Section.mmsp("3.2.5.8"),
                        "R3: ReadBlock's openFileId must be the File-ID (so must Start*, StopPlaying, CloseFile's)",
                        quirk(Quirk.ACCEPT_ANY_OPEN_FILE_ID)),
                new Mutant("StartPlaying for any openFileId is served", Section.mmsp("3.2.5.11"),
                        "R3: StartPlaying's openFileId must be the File-ID", quirk(Quirk.ACCEPT_ANY_OPEN_FILE_ID)),
                new Mutant("StopPlaying for any openFileId is served", Section.mmsp("3.2.5.14"),
                        "StopPlaying's openFileId must be the File-ID", quirk(Quirk.ACCEPT_ANY_OPEN_FILE_ID)),
                new Mutant("CloseFile for another openFileId is dropped unanswered", Section.mmsp("3.2.5.17"),
                        "R3: CloseFile's openFileId must be the File-ID; a wrong one gets an error or a close",
                        quirk(Quirk.IGNORE_WRONG_OPEN_FILE_ID)),
                new Mutant("a SecurityResponse with another cookie is accepted", Section.mmsp("3.2.5.7"),
                        "the SecurityResponse's cookie must be the challenge's", quirk(Quirk.IGNORE_COOKIE)),
                new Mutant("resends are made for another wSourceId", Section.mmsp("3.2.5.13"),
                        "R3: a RequestPacketListResend's wSourceId must be the File-ID's low 16 bits",
                        quirk(Quirk.RESEND_ANY_CLIENT)));
    }

    private static Mutant outOfSequence(String section, String what, String rule) {
        return new Mutant(what + " is silently ignored", Section.mmsp(section), rule,
                quirk(Quirk.IGNORE_OUT_OF_ORDER));
    }

    /** A server with every fault of {@code qs}, where one alone is hidden by a check that runs first. */
    private static Mutation quirks(Quirk... qs) {
        Set<Quirk> set = Set.of(qs);
        return new Mutation() {
            @Override
            public boolean has(Quirk q) {
                return set.contains(q);
            }
        };
    }
}
