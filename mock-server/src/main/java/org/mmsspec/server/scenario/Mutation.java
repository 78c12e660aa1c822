package org.mmsspec.server.scenario;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * One deliberate fault in an otherwise conformant server, so that a conformance case can be shown to catch the rule
 * it checks (the mutation harness). Where {@link Faults} are named misbehaviours a scenario file can ask for, a
 * mutation is code: hooks on the bytes of everything the server writes, on what it reads of each request, and
 * {@link Quirk}s checked where a behaviour is decided. Every hook defaults to "change nothing"; {@link #NONE} is the
 * conformant server. Hooks run on the I/O threads of many connections at once: keep them stateless. A hook that
 * returns an empty array drops what it was given.
 */
public interface Mutation {

    /** No fault. */
    Mutation NONE = new Mutation() {
        @Override
        public String toString() {
            return "Mutation.NONE";
        }
    };

    /** A behaviour gone wrong, each named by what the server then does. MS-MMSP sections unless said. */
    enum Quirk {
        /** Without a StreamSwitch, every stream is sent to every client, not only to "Spoooon!" ones (3.2.5.11). */
        SEND_WITHOUT_STREAM_SWITCH,
        /** "Spoooon!" (WMS 4.x) clients that send no StreamSwitch get no stream (3.2.5.11). */
        IGNORE_SPOOOON,
        /** Once any stream is selected, the payloads of the unselected ones are sent too (2.2.2, 3.2.5.10; WMSP 3.2.5.6). */
        NO_STREAM_FILTER,
        /** An ASF data packet left with no selected payload is sent anyway, emptied, instead of skipped (2.2.2). */
        SEND_EMPTIED_PACKETS,
        /** ReadBlock, Start*, StopPlaying and CloseFile are served whatever openFileId they name (3.2.5.8...). */
        ACCEPT_ANY_OPEN_FILE_ID,
        /** ReadBlock, Start*, StopPlaying and CloseFile naming another openFileId are dropped unanswered. */
        IGNORE_WRONG_OPEN_FILE_ID,
        /** The KeepAlive timer runs at 500 ms instead of the scenario's interval (at least 10 s, 3.2.2). */
        PING_EARLY,
        /** The end of the content goes unannounced: no ReportEndOfStream (3.2.4.1). */
        NO_END_OF_STREAM,
        /** The end of a playlist entry is announced as the end of the stream: no StreamChange follows (3.2.4.2). */
        NO_STREAM_CHANGE,
        /** A message out of sequence (before Connect, a second Connect or OpenFile...) is ignored, not refused. */
        IGNORE_OUT_OF_ORDER,
        /** Where an error reply is due (ReportOpenFile or ReportDisconnectedFunnel with an hr), nothing is sent. */
        SILENT_ON_ERROR,
        /** Input that cannot be told apart, framed or decoded (MMST, or a bad HTTP request) stops the listener. */
        DIE_ON_MALFORMED,
        /** A client that hangs up in the middle of a command packet stops the MMST listener (3.2.5.1). */
        DIE_ON_TRUNCATED,
        /** A client that hangs up right after a TcpMessageHeader, before its message, stops the listener (3.2.5.1). */
        DIE_ON_BARE_HEADER,
        /** A command packet whose header or message framing breaks a MUST, or whose lengths lie, is served (3.2.5.1). */
        ACCEPT_BROKEN_FRAMING,
        /** Bytes that start no TcpMessageHeader are waited for up to the PacketSize they seem to announce (3.2.5.1). */
        WAIT_FOR_ANNOUNCED_BYTES,
        /** A byte stream that can no longer be framed is left open and unanswered (3.2.5.1). */
        STALL_ON_UNFRAMEABLE,
        /** A command packet that arrives in more than one TCP read is refused as malformed (3.2.5.1). */
        WHOLE_PACKET_PER_READ,
        /** Of the packets in one TCP read only the first is handled (3.2.5.1). */
        FIRST_PACKET_PER_READ,
        /** A command packet carrying no message is refused, though 2.2.3 allows zero or more (3.2.5.1). */
        REFUSE_EMPTY_PACKET,
        /** A header with non-zero padding or timeSent is refused, though receivers ignore both (2.2.3). */
        REFUSE_HEADER_PADDING,
        /** A command packet whose seq is not the next one counted from 0 is dropped unanswered (2.2.3). */
        DROP_UNEXPECTED_SEQ,
        /** A message with a MID the client never sends is dropped unanswered (3.2.5.1). */
        IGNORE_UNKNOWN_MID,
        /** A command packet that cannot be decoded is dropped unanswered (3.2.5.1). */
        IGNORE_UNDECODABLE,
        /** A Data packet from the client is dropped unanswered (3.2.5.1). */
        IGNORE_CLIENT_DATA,
        /** The AFFlags sequence never restarts at 0 on a new Start* after 0xFE (2.2.2). */
        NO_AFFLAGS_RESTART,
        /** Start* in READY always plays from the first packet: position, asfOffset and locationId ignored. */
        IGNORE_SEEK,
        /** StartPlaying's frameOffset stop time is ignored: the content plays to its end (2.2.4.25). */
        IGNORE_FRAME_OFFSET,
        /** StopPlaying is answered, but Data packets keep coming (3.2.5.14). */
        STREAM_AFTER_STOP,
        /** CloseFile does not close the TCP connection (3.2.5.17). */
        KEEP_OPEN_AFTER_CLOSE_FILE,
        /** After ReportRedirect the connection stays open (3.2.5.6). */
        KEEP_OPEN_AFTER_REDIRECT,
        /** Any credentials open a protected file (3.2.5.7). */
        ACCEPT_ANY_CREDENTIALS,
        /** A protected file opens without credentials: OpenFile gets no SecurityChallenge (3.2.5.6). */
        NO_CHALLENGE,
        /** Logging is refused as if out of sequence: the connection closes (3.2.5.15). */
        REFUSE_LOGGING,
        /** Only the first message of a command packet is handled; the others are dropped (3.2.5.1). */
        FIRST_MESSAGE_ONLY,
        /** SecurityResponse's cookie is not checked against the challenge's (3.2.5.7). */
        IGNORE_COOKIE,
        /** RequestPacketListResend goes unanswered (3.2.5.13). */
        NO_RESEND,
        /** RequestPacketListResend while streaming is answered, but the play ends there, unannounced (3.2.5.13). */
        RESEND_ENDS_PLAY,
        /** A session whose TCP connection the client closed still answers RequestPacketListResend (3.2.7.1). */
        RESEND_AFTER_CLOSE,
        /** RequestPacketListResend is answered whatever dwClientId and wSourceId it carries (3.2.5.13). */
        RESEND_ANY_CLIENT,
        /** MS-WMSP: a KeepAlive, Log, stream switch or Stop naming an unknown client-id is answered 200. */
        MMSH_ACCEPT_UNKNOWN_CLIENT_ID,
        /** MS-WMSP: a Play on a session already streaming is served instead of refused. */
        MMSH_PLAY_WHILE_STREAMING,
        /** MS-WMSP: a web client (no WMSP User-Agent) is streamed to as if it were NSPlayer/9.0 (3.2.5.1). */
        MMSH_STREAM_TO_WEB_CLIENTS,
        /** MS-WMSP: a Play without stream-switch-entry gets every stream instead of none (3.2.5.6). */
        MMSH_SELECT_ALL_WITHOUT_ENTRY,
        /** MS-WMSP: stream-time, packet-num and stream-offset are ignored: Play starts at the first packet (3.2.5.6). */
        MMSH_IGNORE_POSITION
    }

    /**
     * A message from the client as the server will read it: what to read instead (a misreading: StreamSwitch entries
     * taken as all on, a position taken as 0...), or null to read nothing.
     */
    default MmsMessage received(MmsMessage message) {
        return message;
    }

    /**
     * A TCP command packet about to be written, {@code encoded} as the codec made it: the bytes to write instead
     * (seal, seq, sessionId, chunkCount, MBZ, padding, messageLength or any message field).
     */
    default byte[] reply(CommandPacket packet, byte[] encoded) {
        return encoded;
    }

    /** What a Data packet carries. */
    enum Payload { ASF_HEADER, ASF_DATA, PACKET_PAIR, RESENT }

    /** A Data packet about to be written, on TCP or UDP (MS-MMSP 2.2.2). */
    default byte[] data(Payload payload, DataPacket packet, byte[] encoded) {
        return encoded;
    }

    /** Whether the server has behavioural fault {@code q}. */
    default boolean has(Quirk q) {
        return false;
    }

    /** MS-WMSP: a request as the server will read it; change it in place (a Pragma token missed...). */
    default void request(HttpRequest request) {
    }

    /** MS-WMSP: an HTTP response head about to be written; change it in place (status, version, headers). */
    default void head(HttpResponse response) {
    }

    /** MS-WMSP: a packet of a response body ($H, $D, $E, $C, $M, $P) about to be written. */
    default byte[] frame(MmshPacket packet, byte[] encoded) {
        return encoded;
    }
}
