package org.mmsspec.cases.client;

import static org.mmsspec.client.player.PlayerFault.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mmsspec.client.player.PlayerFault;

/**
 * Which fault of the reference player each client case catches: the proof that the case can fail. A case writer adds
 * the line for each new case; {@link ClientCaseProofTest} runs it.
 */
final class ClientFaults {

    private static final Map<String, PlayerFault> TABLE = new LinkedHashMap<>();
    /**
     * Cases the player cannot prove yet, with the reason: the proof reports them instead of failing, and the
     * conformant run lets them SKIP. Each line is a to-do for the case's writer.
     */
    private static final Map<String, String> UNPROVEN = Map.of();

    static {
        // MS-MMSP 2.2.3 TcpMessageHeader
        TABLE.put("C-MMSP-2.2.3-01", WRONG_REP);
        TABLE.put("C-MMSP-2.2.3-02", WRONG_VERSION);
        TABLE.put("C-MMSP-2.2.3-03", PADDING_NON_ZERO);
        TABLE.put("C-MMSP-2.2.3-04", WRONG_SESSION_ID);
        TABLE.put("C-MMSP-2.2.3-05", MESSAGE_LENGTH_LIES);
        TABLE.put("C-MMSP-2.2.3-06", WRONG_SEAL);
        TABLE.put("C-MMSP-2.2.3-07", CHUNK_COUNT_WRONG);
        TABLE.put("C-MMSP-2.2.3-08", SEQ_FROM_ONE);
        TABLE.put("C-MMSP-2.2.3-09", SEQ_SKIPS);
        TABLE.put("C-MMSP-2.2.3-10", MBZ_NON_ZERO);
        // 2.2.4 messages
        TABLE.put("C-MMSP-2.2.4-01", WRONG_CHUNK_LEN);
        TABLE.put("C-MMSP-2.2.4-02", WRONG_MID);
        TABLE.put("C-MMSP-2.2.4-03", MESSAGE_PADDING_NON_ZERO);
        // 2.2.4.16 CloseFile
        TABLE.put("C-MMSP-2.2.4.16-01", WRONG_CLOSE_FILE_ID);
        TABLE.put("C-MMSP-2.2.4.16-02", CLOSE_FILE_INCARNATION);
        // 2.2.4.17 Connect
        TABLE.put("C-MMSP-2.2.4.17-01", FUNNEL_INFO_BEFORE_CONNECT);
        TABLE.put("C-MMSP-2.2.4.17-02", WRONG_REVISIONS);
        TABLE.put("C-MMSP-2.2.4.17-03", WRONG_CONNECT_INCARNATION);
        TABLE.put("C-MMSP-2.2.4.17-04", GUID_WITH_0X);
        TABLE.put("C-MMSP-2.2.4.17-05", WRONG_PLAYER_VERSION);
        TABLE.put("C-MMSP-2.2.4.17-06", NEW_GUID_PER_RECONNECT);
        // 2.2.4.18 ConnectFunnel, 2.2.4.19 FunnelInfo
        TABLE.put("C-MMSP-2.2.4.18-01", WRONG_FUNNEL_MODE);
        TABLE.put("C-MMSP-2.2.4.18-02", MALFORMED_FUNNEL_NAME);
        TABLE.put("C-MMSP-2.2.4.18-03", FUNNEL_SHOULD_FIELDS_WRONG);
        TABLE.put("C-MMSP-2.2.4.18-04", FUNNEL_SHOULD_FIELDS_WRONG);
        TABLE.put("C-MMSP-2.2.4.18-05", FUNNEL_SHOULD_FIELDS_WRONG);
        TABLE.put("C-MMSP-2.2.4.18-06", FUNNEL_SHOULD_FIELDS_WRONG);
        TABLE.put("C-MMSP-2.2.4.19-01", FUNNEL_INFO_INCARNATION_WRONG);
        // 2.2.4.20 Logging
        TABLE.put("C-MMSP-2.2.4.20-01", LOGGING_BAD_LAYOUT);
        TABLE.put("C-MMSP-2.2.4.20-02", LOGGING_WRONG_SOURCE_ID);
        TABLE.put("C-MMSP-2.2.4.20-03", NO_LOGGING);
        // 2.2.4.21 OpenFile
        TABLE.put("C-MMSP-2.2.4.21-01", OPEN_FILE_INCARNATION_ZERO);
        TABLE.put("C-MMSP-2.2.4.21-02", OPEN_FILE_SPARE_NON_ZERO);
        TABLE.put("C-MMSP-2.2.4.21-03", OPEN_FILE_TOKEN_WITHOUT_CREDENTIALS);
        TABLE.put("C-MMSP-2.2.4.21-04", PERCENT_ENCODED_PATH);
        TABLE.put("C-MMSP-2.2.4.21-05", PERCENT_ENCODED_PATH);
        TABLE.put("C-MMSP-2.2.4.21-06", OPEN_FILE_NO_NUL);
        // 2.2.4.23 ReadBlock
        TABLE.put("C-MMSP-2.2.4.23-01", ASSUMES_OPEN_FILE_ID_1);
        TABLE.put("C-MMSP-2.2.4.23-02", READ_BLOCK_OFFSET_NON_ZERO);
        TABLE.put("C-MMSP-2.2.4.23-03", READ_BLOCK_LENGTH_WRONG);
        TABLE.put("C-MMSP-2.2.4.23-04", READ_BLOCK_FLAGS_ZERO);
        TABLE.put("C-MMSP-2.2.4.23-05", READ_BLOCK_PADDING_NON_ZERO);
        TABLE.put("C-MMSP-2.2.4.23-06", READ_BLOCK_WRONG_DEADLINE);
        TABLE.put("C-MMSP-2.2.4.23-07", READ_BLOCK_INCARNATION_ZERO);
        // 2.2.4.25 StartPlaying, 2.2.4.27 StopPlaying, 2.2.4.28 StreamSwitch
        TABLE.put("C-MMSP-2.2.4.25-01", ASSUMES_OPEN_FILE_ID_1);
        TABLE.put("C-MMSP-2.2.4.25-02", START_PLAYING_PADDING);
        TABLE.put("C-MMSP-2.2.4.25-03", START_PLAYING_BAD_POSITION);
        TABLE.put("C-MMSP-2.2.4.25-04", START_PLAYING_INCARNATION_ZERO);
        TABLE.put("C-MMSP-2.2.4.25-05", START_PLAYING_FRAME_OFFSET);
        TABLE.put("C-MMSP-2.2.4.27-01", STOP_PLAYING_WRONG_INCARNATION);
        TABLE.put("C-MMSP-2.2.4.27-02", ASSUMES_OPEN_FILE_ID_1);
        TABLE.put("C-MMSP-2.2.4.28-01", STREAM_SWITCH_COUNT_WRONG);
        TABLE.put("C-MMSP-2.2.4.28-02", STREAM_SWITCH_BAD_THINNING);
        TABLE.put("C-MMSP-2.2.4.28-03", STREAM_SWITCH_MISSES_STREAM);
        TABLE.put("C-MMSP-2.2.4.28-04", STREAM_SWITCH_OFF_AS_FFMPEG);
        // 3.1.4.x sequencing
        TABLE.put("C-MMSP-3.1.4.2-01", STREAM_SWITCH_BEFORE_HEADER);
        TABLE.put("C-MMSP-3.1.4.2-02", NO_STREAM_SWITCH);
        TABLE.put("C-MMSP-3.1.4.2-03", START_BEFORE_STREAM_SWITCH);
        TABLE.put("C-MMSP-3.1.4.2-04", START_PLAYING_INCARNATION_ZERO);
        TABLE.put("C-MMSP-3.1.4.5-01", STOP_PLAYING_BEFORE_START);
        TABLE.put("C-MMSP-3.1.4.6-01", RESTARTS_WHILE_STREAMING);
        TABLE.put("C-MMSP-3.1.4.6-02", FUNNEL_INFO_WHILE_STREAMING);
        TABLE.put("C-MMSP-3.1.4.5-02", NO_LOGGING);
        TABLE.put("C-MMSP-3.1.4.8-01", NO_CLOSE_FILE);
        TABLE.put("C-MMSP-3.1.4.8-02", NO_STOP_PLAYING);
        // 3.1.5.x
        TABLE.put("C-MMSP-3.1.5.1-01", COMBINES_MESSAGES);
        TABLE.put("C-MMSP-3.1.5.3-01", NO_FUNNEL_INFO);
        TABLE.put("C-MMSP-3.1.5.3-02", OPEN_FILE_WITHOUT_FUNNEL);
        TABLE.put("C-MMSP-3.1.5.3-03", FUNNEL_INFO_INCARNATION_WRONG);
        TABLE.put("C-MMSP-3.1.5.3-04", UDP_FUNNEL_FOR_MMST);
        TABLE.put("C-MMSP-3.1.5.3-05", PIPELINES_REQUESTS);
        TABLE.put("C-MMSP-3.1.5.3-06", PIPELINES_REQUESTS);
        TABLE.put("C-MMSP-3.1.5.6-01", EXTRA_FUNNEL_INFO);
        TABLE.put("C-MMSP-3.1.5.6-02", PERCENT_ENCODED_PATH);
        TABLE.put("C-MMSP-3.1.5.6-03", READ_BLOCK_BEFORE_OPEN_REPLY);
        // 3.1 client details and 3.1.5.x: what the client does with the server's messages
        TABLE.put("C-MMSP-3.1-01", IGNORES_HR_ERRORS);
        TABLE.put("C-MMSP-3.1-02", IGNORES_HR_ERRORS);
        TABLE.put("C-MMSP-3.1-03", IGNORES_HR_ERRORS);
        TABLE.put("C-MMSP-3.1-04", IGNORES_HR_ERRORS);
        TABLE.put("C-MMSP-3.1-05", IGNORES_HR_ERRORS);
        TABLE.put("C-MMSP-3.1-06", HANGS_ON_ERROR);
        TABLE.put("C-MMSP-3.1-07", HANGS_ON_ERROR);
        TABLE.put("C-MMSP-3.1-08", RESYNCS_PAST_GARBAGE);
        TABLE.put("C-MMSP-3.1.5.2-01", BREAKS_ON_INTERLEAVED_DATA);
        TABLE.put("C-MMSP-3.1.5.2-02", BREAKS_ON_SEGMENTS);
        TABLE.put("C-MMSP-3.1.5.2-03", BREAKS_ON_COMBINED_MESSAGES);
        TABLE.put("C-MMSP-3.1.5.5-01", RETRIES_UDP_FUNNEL);
        TABLE.put("C-MMSP-3.1.5.5-02", OPENS_FILE_AFTER_REFUSED_FUNNEL);
        TABLE.put("C-MMSP-3.1.5.5-03", NO_TCP_RETRY);
        TABLE.put("C-MMSP-3.1.5.7-01", IGNORES_REDIRECT);
        TABLE.put("C-MMSP-3.1.5.7-02", REDIRECT_KEEPS_OLD_PATH);
        TABLE.put("C-MMSP-3.1.5.8-01", IGNORES_CHALLENGE);
        TABLE.put("C-MMSP-3.1.5.8-02", BASIC_TOKEN_PLAIN);
        TABLE.put("C-MMSP-3.1.5.8-03", ROLLS_OVER_ON_AUTH_FAILURE);
        TABLE.put("C-MMSP-3.1.5.12-01", REJECTS_HEADER_END_08);
        TABLE.put("C-MMSP-3.1.5.12-02", IGNORES_HEADER_END_0C);
        TABLE.put("C-MMSP-3.1.5.12-03", UDP_HEADER_TIMER_IGNORES_08);
        TABLE.put("C-MMSP-3.1.5.13-01", NO_PONG);
        TABLE.put("C-MMSP-3.1.5.18-01", EOS_1_AS_END);
        TABLE.put("C-MMSP-3.1.5.18-02", SENDS_AFTER_CLOSE_FILE);
        TABLE.put("C-MMSP-3.1.5.19-01", STREAM_CHANGE_WRONG_TRANSPORT_RULE);
        TABLE.put("C-MMSP-3.1.5.19-02", STREAM_CHANGE_WRONG_TRANSPORT_RULE);
        // MS-WMSP
        TABLE.put("C-WMSP-2.2.1.4.23-01", REQUEST_CONTEXT_ZERO);
        TABLE.put("C-WMSP-2.2.1.4.23-02", REQUEST_CONTEXT_NOT_COUNTING);
        TABLE.put("C-WMSP-2.2.1.4.28-01", STREAM_TIME_NOT_DECIMAL);
        TABLE.put("C-WMSP-2.2.1.4.33-01", GUID_WITH_0X);
        TABLE.put("C-WMSP-2.2.1.8-01", WRONG_USER_AGENT);
        TABLE.put("C-WMSP-2.2.1.8-02", WRONG_PLAYER_VERSION);
        TABLE.put("C-WMSP-3.1.4.2.1-01", PLAY_WITHOUT_DESCRIBE);
        TABLE.put("C-WMSP-3.1.4.2.1-02", WRONG_HTTP_VERSION);
        TABLE.put("C-WMSP-3.1.4.2.1-03", NO_PRAGMA_NO_CACHE);
        TABLE.put("C-WMSP-3.1.4.2.1-04", HOST_WITHOUT_PORT);
        TABLE.put("C-WMSP-3.1.4.3.1-01", NO_PLAY_AFTER_DESCRIBE);
        TABLE.put("C-WMSP-3.1.4.3.1-02", STREAM_SWITCH_MISSES_STREAM);
        TABLE.put("C-WMSP-3.1.4.3.1-03", DECIMAL_STREAM_NUMBERS);
        TABLE.put("C-WMSP-3.1.4.3.1-04", STREAM_SWITCH_ENTRY_SHARES_LINE);
        TABLE.put("C-WMSP-3.1.4.3.1-05", STREAM_SWITCH_COUNT_WRONG);
        TABLE.put("C-WMSP-3.1.4.3.1-06", NO_PRAGMA_NO_CACHE);
        TABLE.put("C-WMSP-3.1.5.1-01", NO_USER_AGENT);
        TABLE.put("C-WMSP-3.1.5.1-02", NO_CLIENT_GUID);
        TABLE.put("C-WMSP-3.1.5.1-03", UNSTABLE_CLIENT_GUID);
        TABLE.put("C-WMSP-3.1.5.1-04", NO_CLIENT_ID);
        TABLE.put("C-WMSP-3.1.5.3-01", ACCEPTS_NON_COUGAR);
        TABLE.put("C-WMSP-3.1.5.3-02", ACCEPTS_NON_COUGAR);
        TABLE.put("C-WMSP-3.1.5.8-01", REJECTS_HEADER_END_08);
        TABLE.put("C-WMSP-3.1.5.12-01", MMSH_STOPS_EARLY);
        TABLE.put("C-WMSP-3.1.5.12-02", REJECTS_B_BIT);
        TABLE.put("C-WMSP-3.1.5.12-03", REJECTS_CHUNKED);
        TABLE.put("C-WMSP-3.1.5.12-04", REJECTS_UNCHUNKED);
        TABLE.put("C-WMSP-3.1.5.13-01", IGNORES_MMSH_END);
        TABLE.put("C-WMSP-3.1.5.14-01", IGNORES_MMSH_CHANGE);
        // 1.6 rollover
        TABLE.put("C-MMSP-1.6-01", NO_ROLLOVER);
        TABLE.put("C-MMSP-1.6-02", NO_ROLLOVER);
        TABLE.put("C-MMSP-1.6-03", NO_ROLLOVER);
        TABLE.put("C-MMSP-1.6-04", NO_TCP_RETRY);
        TABLE.put("C-MMSP-1.6-05", NO_ROLLOVER_AFTER_UDP_SILENCE);
        TABLE.put("C-MMSP-1.6-06", ROLLS_OVER_ON_SPECIFIC_SCHEME);
        TABLE.put("C-MMSP-1.6-07", ROLLS_OVER_ON_SPECIFIC_SCHEME);
        TABLE.put("C-MMSP-1.6-08", ROLLS_OVER_ON_AUTH_FAILURE);
        TABLE.put("C-MMSP-1.6-09", ROLLS_OVER_ON_SESSION_LIMIT);
        TABLE.put("C-MMSP-1.6-10", DESCRIBES_OVER_MMSH_FIRST);
    }

    private ClientFaults() {
    }

    static Optional<PlayerFault> of(String caseId) {
        return Optional.ofNullable(TABLE.get(caseId));
    }

    static Optional<String> unproven(String caseId) {
        return Optional.ofNullable(UNPROVEN.get(caseId));
    }

    static Map<String, PlayerFault> table() {
        return Map.copyOf(TABLE);
    }
}
