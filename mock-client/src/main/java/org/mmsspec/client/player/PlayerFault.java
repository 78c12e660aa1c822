package org.mmsspec.client.player;

/**
 * What the {@link ReferencePlayer} can be told to do wrong, one rule each: the client-side twin of the server
 * mutants. Each constant is named by what the player then does and says which section it breaks; a client case
 * proves itself by catching the fault that breaks its rule. None is on unless asked for.
 */
public enum PlayerFault {

    // ---- TcpMessageHeader (MS-MMSP 2.2.3) on every command packet the player sends

    /** Sends rep 0x02 instead of 0x01 (2.2.3), from its second packet on (the first opens the session). */
    WRONG_REP,
    /** Sends sessionId 0xB00BFACF instead of 0xB00BFACE (2.2.3), from its second packet on. */
    WRONG_SESSION_ID,
    /** Sends version 0x01 and versionMinor 0x01 instead of 0x00 (2.2.3). */
    WRONG_VERSION,
    /** Sends seal "MMS!" instead of "MMS " (2.2.3). */
    WRONG_SEAL,
    /** Sends MID 0x000300FF, a type no message has, from its second packet on (2.2.4). */
    WRONG_MID,
    /** Sends each message's chunkLen one unit more than the message's size (2.2.4). */
    WRONG_CHUNK_LEN,
    /** Fills the padding after OpenFile's last field with 0xFF instead of zeros (2.2.4). */
    MESSAGE_PADDING_NON_ZERO,
    /** Numbers its packets from 1 instead of 0 (2.2.3 seq). */
    SEQ_FROM_ONE,
    /** Counts seq up by 2 per packet, skipping numbers (2.2.3 seq). */
    SEQ_SKIPS,
    /** Sends MBZ 0x0001 (2.2.3). */
    MBZ_NON_ZERO,
    /** Sends chunkCount as the spec's literal words read, (messageLength + 16) / 8, not messageLength / 8 (2.2.3). */
    CHUNK_COUNT_LITERAL,
    /** Sends chunkCount one more than messageLength / 8 (2.2.3). */
    CHUNK_COUNT_WRONG,
    /** Sends messageLength 8 more than the bytes that follow offset 16 (2.2.3), from its second packet on. */
    MESSAGE_LENGTH_LIES,
    /** Sends the header's padding byte 0x01 (2.2.3, SHOULD be 0). */
    PADDING_NON_ZERO,
    /** Sends FunnelInfo first and Connect second (3.1.5.1: Connect opens the session). */
    FUNNEL_INFO_BEFORE_CONNECT,
    /** Puts the first two messages of the session (Connect and FunnelInfo) in one packet (3.1.5.1 forbids combining). */
    COMBINES_MESSAGES,

    // ---- LinkViewerToMacConnect (2.2.4.17) and the funnel (2.2.4.18, 2.2.4.19)

    /** Writes the GUID of subscriberName with 0x prefixes, as VLC does ({0x3300ad50-0x2c39-...}) (2.2.4.17). */
    GUID_WITH_0X,
    /** Leaves the GUID out of subscriberName (2.2.4.17). */
    NO_GUID,
    /** Takes a new GUID on every reconnect (redirect, rollover, TCP retry) instead of one per player (2.2.4.17). */
    NEW_GUID_PER_RECONNECT,
    /** Names itself NSPlayer/5.0.0.1, a version the section's table does not list (2.2.4.17). */
    WRONG_PLAYER_VERSION,
    /** Sends MacToViewerProtocolRevision 0x0004000A and ViewerToMacProtocolRevision 0x0003001B (2.2.4.17). */
    WRONG_REVISIONS,
    /** Sends Connect's playIncarnation 0 instead of 0xF0F0F0EF (2.2.4.17, SHOULD). */
    WRONG_CONNECT_INCARNATION,
    /** Sends FunnelInfo with playIncarnation 0x00F0F0F0, as FFmpeg does (2.2.4.19). */
    FUNNEL_INFO_INCARNATION_WRONG,
    /** Sends ConnectFunnel with funnelMode 1 (2.2.4.18). */
    WRONG_FUNNEL_MODE,
    /** Sends ConnectFunnel's SHOULD fields otherwise: playIncarnation 1, maxBlockBytes 0x8000, maxFunnelBytes 1,
     *  maxBitRate 0 (2.2.4.18). */
    FUNNEL_SHOULD_FIELDS_WRONG,
    /** Names the UDP funnel for an mmst:// URL (3.1.5.3: Data over TCP). */
    UDP_FUNNEL_FOR_MMST,
    /** Sends OpenFile right after ReportConnectedEX, with no funnel (3.1.5.3). */
    OPEN_FILE_WITHOUT_FUNNEL,
    /** Sends FunnelInfo, ConnectFunnel and OpenFile back to back, each before the previous reply (3.1.5.3). */
    PIPELINES_REQUESTS,
    /** Sends FunnelInfo again after ReportConnectedFunnel, before OpenFile (3.1.5.6). */
    EXTRA_FUNNEL_INFO,
    /** Skips FunnelInfo: Connect, then ConnectFunnel at once (3.1.5.1 sequence). */
    NO_FUNNEL_INFO,
    /** Names the funnel {@code \\127.0.0.1\TCP} without a port (2.2.4.18 funnelName grammar). */
    MALFORMED_FUNNEL_NAME,
    /** After ReportDisconnectedFunnel for its UDP funnel gives up instead of retrying over TCP (3.1.5.5). */
    NO_TCP_RETRY,

    // ---- OpenFile, ReadBlock, StreamSwitch, StartPlaying (2.2.4.21-2.2.4.28, 3.1.5.x)

    /** Percent-encodes every byte of the OpenFile path outside [A-Za-z0-9/_~-], dots too (2.2.4.21). */
    PERCENT_ENCODED_PATH,
    /** Sends OpenFile with playIncarnation 0 (2.2.4.21: 1 to 0xFE). */
    OPEN_FILE_INCARNATION_ZERO,
    /** Sends OpenFile's fileName without its UTF-16 NUL, the padding filled with 'X' (2.2.4.21). */
    OPEN_FILE_NO_NUL,
    /** Sends OpenFile with spare 1 (2.2.4.21, SHOULD 0). */
    OPEN_FILE_SPARE_NON_ZERO,
    /** Sends OpenFile with a token offset but no credentials (2.2.4.21: token and cbtoken 0). */
    OPEN_FILE_TOKEN_WITHOUT_CREDENTIALS,
    /** Sends ReadBlock right after OpenFile, before ReportOpenFile, with openFileId 1 (3.1.5.6). */
    READ_BLOCK_BEFORE_OPEN_REPLY,
    /** Sends StreamSwitch (streams 1 and 2, guessed) before it has the header (3.1.4.2). */
    STREAM_SWITCH_BEFORE_HEADER,
    /** Uses openFileId 1 whatever ReportOpenFile said, as FFmpeg, VLC, MPlayer and libmms do (2.2.4.23, 2.2.4.25). */
    ASSUMES_OPEN_FILE_ID_1,
    /** Sends ReadBlock flags 0 instead of 0xFFFFFFFF, as MPlayer does (2.2.4.23). */
    READ_BLOCK_FLAGS_ZERO,
    /** Sends ReadBlock offset 1 (2.2.4.23: 0). */
    READ_BLOCK_OFFSET_NON_ZERO,
    /** Sends ReadBlock length 0xFFFF, as WMS NT4/2000 do (2.2.4.23, SHOULD 0x8000). */
    READ_BLOCK_LENGTH_WRONG,
    /** Sends ReadBlock padding 1 (2.2.4.23, SHOULD 0). */
    READ_BLOCK_PADDING_NON_ZERO,
    /** Sends ReadBlock playIncarnation 0 (2.2.4.23: 1 to 0xFE). */
    READ_BLOCK_INCARNATION_ZERO,
    /** Sends ReadBlock tDeadline 0.0 instead of 3600.0 (2.2.4.23). */
    READ_BLOCK_WRONG_DEADLINE,
    /** Sends no StreamSwitch before StartPlaying (3.1.5.x; the server then selects no stream). */
    NO_STREAM_SWITCH,
    /** Leaves the header's last stream out of StreamSwitch (2.2.4.28: every stream must be listed). */
    STREAM_SWITCH_MISSES_STREAM,
    /** Sends StartPlaying first and StreamSwitch after it (3.1.5.x order). */
    START_BEFORE_STREAM_SWITCH,
    /** Sends StreamSwitch whose cStreamEntries is one more than its entries (2.2.4.28). */
    STREAM_SWITCH_COUNT_WRONG,
    /** Sends the last StreamSwitch entry with thinning level 3 (2.2.4.28: 0, 1 or 2). */
    STREAM_SWITCH_BAD_THINNING,
    /** Turns the last stream off the FFmpeg way, src=stream dst=0xFFFF... as src 0xFFFF, dst stream, thinning 2. */
    STREAM_SWITCH_OFF_AS_FFMPEG,
    /** Sends StartPlaying with padding 0x0001FFFF, as FFmpeg does (2.2.4.25, SHOULD 0). */
    START_PLAYING_PADDING,
    /** Sends StartPlaying frameOffset 1000, a stop after 1 s, instead of 0 (to the end) (2.2.4.25). */
    START_PLAYING_FRAME_OFFSET,
    /** While streaming, sends a second StartPlaying (from 0) without StopPlaying first (3.1.4.6). */
    RESTARTS_WHILE_STREAMING,
    /** While streaming, sends FunnelInfo, a message streaming does not allow (3.1.5.15). */
    FUNNEL_INFO_WHILE_STREAMING,
    /** Sends StopPlaying before its first StartPlaying (3.1.4.5). */
    STOP_PLAYING_BEFORE_START,
    /** Sends StartPlaying with playIncarnation 0 (2.2.4.25: 1 to 0xFE). */
    START_PLAYING_INCARNATION_ZERO,
    /** Sends StartPlaying position NaN (2.2.4.25: seconds, or DBL_MAX). */
    START_PLAYING_BAD_POSITION,

    // ---- what the player does with the server's messages (3.1.5.x)

    /** Never answers a Ping (2.2.4.22, 3.1.5.x). */
    NO_PONG,
    /** Answers a Ping only after 3 s. */
    LATE_PONG,
    /** Gives up an mms:// play when no UDP data comes, instead of rolling over (3.1.6.1 header timer). */
    NO_ROLLOVER_AFTER_UDP_SILENCE,
    /** Takes a header Data packet with AFFlags 0x08 for a broken header and stops (deployed servers send it). */
    REJECTS_HEADER_END_08,
    /** Stops at a command packet carrying more than one message (2.2.3 "zero or more"; servers MAY combine). */
    BREAKS_ON_COMBINED_MESSAGES,
    /** Stops at a command packet that came in several TCP segments (TCP is a byte stream). */
    BREAKS_ON_SEGMENTS,
    /** Stops where a Data packet comes while a reply is awaited, or a command other than EndOfStream among data. */
    BREAKS_ON_INTERLEAVED_DATA,
    /** Takes ReportEndOfStream hr 1 (a playlist entry ends, StreamChange follows) for the end (3.1.5.18). */
    EOS_1_AS_END,
    /** On ReportRedirect, stops instead of connecting to the new URL (3.1.5.7). */
    IGNORES_REDIRECT,
    /** Does not answer a BASIC SecurityChallenge: goes on with ReadBlock as if the file were open (3.1.5.8). */
    IGNORES_CHALLENGE,
    /** Answers a BASIC challenge with the credentials not NUL-terminated (2.2.4.24). */
    BASIC_TOKEN_NOT_TERMINATED,
    /** Answers a BASIC challenge with user:password in plain text, not base64 (2.2.4.24 basic-credentials). */
    BASIC_TOKEN_PLAIN,
    /** Rolls over to another protocol (MMSH where none is next) after an authentication failure, even from a
     *  protocol-specific scheme (the rollover rules forbid it). */
    ROLLS_OVER_ON_AUTH_FAILURE,
    /** Skips bytes it cannot frame up to the next sessionId 0xB00BFACE and reads on, instead of stopping (3.1:
     *  a malformed message stops the client; 3.1.5.2). */
    RESYNCS_PAST_GARBAGE,
    /** Goes on after an error hr as if it were 0 (3.1: an error stops the client). */
    IGNORES_HR_ERRORS,
    /** After an error, keeps the connection open and waits until stopped instead of ending (3.1). */
    HANGS_ON_ERROR,
    /** After ReportDisconnectedFunnel asks for the UDP funnel again, never for TCP (3.1.5.5). */
    RETRIES_UDP_FUNNEL,
    /** After ReportDisconnectedFunnel goes on to OpenFile on the refused funnel (3.1.5.5). */
    OPENS_FILE_AFTER_REFUSED_FUNNEL,
    /** Follows a redirect to its host and port but opens the original path (3.1.5.7). */
    REDIRECT_KEEPS_OLD_PATH,
    /** Takes only AFFlags 0x08 for the header's end and waits past a 0x0C (2.2.2, 3.1.5.12). */
    IGNORES_HEADER_END_0C,
    /** Over UDP, lets the header timer fire after a header ended by 0x08: CancelReadBlock and ReadBlock again. */
    UDP_HEADER_TIMER_IGNORES_08,
    /** Swaps the stream-change rule: ReadBlock over TCP, waiting without ReadBlock over UDP (3.1.5.19). */
    STREAM_CHANGE_WRONG_TRANSPORT_RULE,
    /** Sends a Pong after its CloseFile (3.1.4.8: nothing after CloseFile). */
    SENDS_AFTER_CLOSE_FILE,
    /** Dies by "SIGSEGV" where an hr reports an error, instead of a clean stop (3.1: report and stop). */
    CRASHES_ON_HR_ERROR,
    /** Stopped while streaming, closes without StopPlaying (3.1.4.5, 3.1.4.8). */
    NO_STOP_PLAYING,
    /** Sends StopPlaying with the last StartPlaying's playIncarnation + 1 (2.2.4.27). */
    STOP_PLAYING_WRONG_INCARNATION,
    /** Sends no Logging after an end of stream or a StopPlaying (3.1.4.5, 3.1.5.18). */
    NO_LOGGING,
    /** Sends Logging whose CLIENT_LOG names szProto "http" and cbSize 0 (2.2.1.1). */
    LOGGING_BAD_LAYOUT,
    /** Sends Logging with dwSourceId openFileId + 1 (2.2.1.1). */
    LOGGING_WRONG_SOURCE_ID,
    /** Sends CloseFile with openFileId + 1 (2.2.4.16). */
    WRONG_CLOSE_FILE_ID,
    /** Closes the TCP connection without CloseFile at the end (3.1.5.x finish). */
    NO_CLOSE_FILE,
    /** Sends CloseFile with playIncarnation 0x1234 (2.2.4.16, SHOULD 0). */
    CLOSE_FILE_INCARNATION,

    // ---- MMSH (MS-WMSP)

    /** Sends {@code User-Agent: Mozilla/5.0} (2.2.1.x: NSPlayer/...). */
    WRONG_USER_AGENT,
    /** Sends no User-Agent (2.2.1.x). */
    NO_USER_AGENT,
    /** Leaves no-cache out of the Pragma (2.2.1.4, required in Describe and Play). */
    NO_PRAGMA_NO_CACHE,
    /** Sends no xClientGUID (3.1.5.1). */
    NO_CLIENT_GUID,
    /** Sends request-context=0 on the Describe (2.2.1.4.23: 1 to 4294967295). */
    REQUEST_CONTEXT_ZERO,
    /** Sends request-context=1 on the Play too, not counting up (2.2.1.4.23). */
    REQUEST_CONTEXT_NOT_COUNTING,
    /** Sends the Play's stream-time as {@code 0.000} (2.2.1.4.28: decimal milliseconds). */
    STREAM_TIME_NOT_DECIMAL,
    /** Sends its requests as HTTP/1.2 (3.1.4.2.1: HTTP/1.0 or 1.1). */
    WRONG_HTTP_VERSION,
    /** Sends Host without the URL's port (RFC 2616 14.23). */
    HOST_WITHOUT_PORT,
    /** Ends after the Describe, with no Play (3.1.4.3.1). */
    NO_PLAY_AFTER_DESCRIBE,
    /** Puts stream-switch-count and stream-switch-entry on one Pragma line (2.2.1.4: entry stands alone). */
    STREAM_SWITCH_ENTRY_SHARES_LINE,
    /** Closes the Play response after three $D (3.1.5.12: read to $E). */
    MMSH_STOPS_EARLY,
    /** Stops at a Play response that is not chunked though it offered version11-enabled (3.1.5.12). */
    REJECTS_UNCHUNKED,
    /** Sends a new xClientGUID on Play instead of Describe's (2.2.1.4 xClientGUID). */
    UNSTABLE_CLIENT_GUID,
    /** Writes stream-switch-entry stream numbers in decimal (65535:1:0) instead of hex (ffff:1:0). */
    DECIMAL_STREAM_NUMBERS,
    /** Sends Play without echoing the client-id Describe gave (2.2.1.4.3, MUST once known). */
    NO_CLIENT_ID,
    /** Sends Play without Describe first (3.1.4 sequence). */
    PLAY_WITHOUT_DESCRIBE,
    /** Does not take $E as the end of the play: sends another Play (3.1.5.x $E). */
    IGNORES_MMSH_END,
    /** Does not expect a new header after $C: stops at $C (3.1.5.x $C). */
    IGNORES_MMSH_CHANGE,
    /** Stops at a framing header with the B bit set (0xA4), as FFmpeg, VLC and MPlayer do (2.2.3.1.1). */
    REJECTS_B_BIT,
    /** Stops at a chunked response (HTTP/1.1 transfer coding). */
    REJECTS_CHUNKED,
    /** Plays a response that has no {@code Server: Cougar/...} header (3.1.5.x: not a WMSP server). */
    ACCEPTS_NON_COUGAR,

    // ---- rollover (mms://)

    /** Tries only its first protocol for mms://, no rollover at all. */
    NO_ROLLOVER,
    /** For mms:// first sends a Describe over MMSH, then plays over MMS: two protocols where one serves. */
    DESCRIBES_OVER_MMSH_FIRST,
    /** Tries MMST before MMSU. */
    MMST_BEFORE_MMSU,
    /** Rolls over from a protocol-specific scheme (mmst://, mmsu://, mmsh://) to the other protocols. */
    ROLLS_OVER_ON_SPECIFIC_SCHEME,
    /** Rolls over where the server reports its session limit (NS_E_TOO_MANY_SESS and kin). */
    ROLLS_OVER_ON_SESSION_LIMIT,
    /** Tries MMSH on port 80 instead of the URL's port. */
    MMSH_ON_PORT_80
}
