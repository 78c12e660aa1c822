package org.mmsspec.server.mmsh;

import io.netty.handler.codec.http.HttpMethod;

/** The request types of MS-WMSP 2.2.2, told apart by method, Pragma tokens and Content-Type. */
public enum RequestType {
    DESCRIBE, PLAY, PLAY_NEXT_ENTRY, SELECT_STREAM, KEEPALIVE, LOG, STOP, GET_CONTENT_INFO, PIPELINE, SEND_EVENT,
    /** Fits none of them: a wrong method, an unknown POST. */
    INVALID;

    public static RequestType of(HttpMethod method, PragmaTokens p, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (method.equals(HttpMethod.GET)) {
            if (p.flag(PragmaTokens.XPLAYSTRM)) {
                return PLAY;
            }
            if (p.flag(PragmaTokens.XPLAYNEXTENTRY)) {
                return PLAY_NEXT_ENTRY;
            }
            if (p.flag(PragmaTokens.PIPELINE_REQUEST)) {
                return PIPELINE;
            }
            return p.has(PragmaTokens.STREAM_SWITCH_ENTRY) ? SELECT_STREAM : DESCRIBE;
        }
        if (method.equals(HttpMethod.POST)) {
            if (p.flag(PragmaTokens.XKEEPALIVEINPAUSE)) {
                return KEEPALIVE;
            }
            if (p.has(PragmaTokens.LOG_LINE) || ct.startsWith("application/x-wms-logstats")) {
                return LOG;
            }
            if (p.flag(PragmaTokens.XSTOPSTRM)) {
                return STOP;
            }
            if (ct.startsWith("application/x-wms-getcontentinfo")) {
                return GET_CONTENT_INFO;
            }
            if (ct.startsWith("application/x-wms-sendevent")) {
                return SEND_EVENT;
            }
            return p.has(PragmaTokens.STREAM_SWITCH_ENTRY) ? SELECT_STREAM : INVALID;
        }
        return method.equals(HttpMethod.OPTIONS) ? KEEPALIVE : INVALID;
    }

    /** May come without client-id (3.2.5.1); KeepAlive only as OPTIONS, which this non-pipelined server refuses. */
    boolean needsNoClientId() {
        return this == DESCRIBE || this == PLAY || this == GET_CONTENT_INFO || this == SEND_EVENT;
    }
}
