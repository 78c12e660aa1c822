package org.mmsspec.harness.fuzz.plan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One MMSH request (MS-WMSP 2.2.2) as parts an attack can change one at a time: request line, header lines, body,
 * and the line ending. Built fresh for each session; {@link #bytes()} is what goes on the wire.
 */
final class MmshRequest {

    /** The User-Agent of Windows Media Player 9: the version that turns on the WMSP rules servers look for. */
    static final String USER_AGENT = "NSPlayer/9.0.0.2980";
    static final String CLIENT_GUID = "{3300AD50-2C39-46c0-AE0A-60B0A5A8D8FC}";
    /** Both streams of the sample, as players write them. */
    static final String BOTH_STREAMS = "ffff:1:0 ffff:2:0 ";
    static final String LOG_TYPE = "application/x-wms-Logstats";

    String method;
    String uri;
    String version = "HTTP/1.0";
    /** Header lines as name and value; a null name writes the value as the whole line. */
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];
    String eol = "\r\n";
    /** False leaves the blank line that ends the head out. */
    boolean ended = true;

    private MmshRequest(String method, String uri) {
        this.method = method;
        this.uri = uri;
        header("Accept", "*/*");
        header("User-Agent", USER_AGENT);
        header("Host", "127.0.0.1");
    }

    /** A Describe (2.2.2.1): GET without xPlayStrm, answered by the ASF header. */
    static MmshRequest describe(String uri) {
        return new MmshRequest("GET", uri)
                .header("Pragma", "no-cache,rate=1.000,stream-time=0,stream-offset=0:0,request-context=1,"
                        + "max-duration=0")
                .header("Pragma", "xClientGUID=" + CLIENT_GUID);
    }

    /** A Play (2.2.2.6) of both streams from the start. */
    static MmshRequest play(String uri) {
        return new MmshRequest("GET", uri)
                .header("Pragma", "no-cache,rate=1.000,stream-time=0,stream-offset=4294967295:4294967295,"
                        + "request-context=2,max-duration=0")
                .header("Pragma", "xPlayStrm=1")
                .header("Pragma", "xClientGUID=" + CLIENT_GUID)
                .header("Pragma", "stream-switch-count=2")
                .header("Pragma", "stream-switch-entry=" + BOTH_STREAMS);
    }

    /** A stream selection during play (2.2.2.5): GET naming the session's client-id. */
    static MmshRequest selectStream(String uri, long clientId) {
        return new MmshRequest("GET", uri)
                .header("Pragma", "client-id=" + clientId + ",request-context=3")
                .header("Pragma", "stream-switch-count=1")
                .header("Pragma", "stream-switch-entry=ffff:1:2 ");
    }

    /** A KeepAlive (2.2.2.3) as a POST in pause. */
    static MmshRequest keepAlive(String uri, long clientId) {
        return post(uri, null, new byte[0])
                .header("Pragma", "xKeepAliveInPause=1,client-id=" + clientId);
    }

    /** A Log (2.2.2.4): the play statistics as a POST body. */
    static MmshRequest log(String uri, long clientId) {
        byte[] line = ("1 127.0.0.1 - 2024-01-01 00:00:00 - mms://127.0.0.1" + uri + " 0 4 1 200 "
                + CLIENT_GUID + " 9.0.0.2980 en-US - - - 1 - - -").getBytes(StandardCharsets.ISO_8859_1);
        return post(uri, LOG_TYPE, line).header("Pragma", "client-id=" + clientId);
    }

    /** A stop (2.2.2.9): POST with xStopStrm. */
    static MmshRequest stop(String uri, long clientId) {
        return post(uri, null, new byte[0]).header("Pragma", "xStopStrm=1,client-id=" + clientId);
    }

    private static MmshRequest post(String uri, String contentType, byte[] body) {
        MmshRequest q = new MmshRequest("POST", uri);
        if (contentType != null) {
            q.header("Content-Type", contentType);
        }
        q.body = body;
        return q.header("Content-Length", Integer.toString(body.length));
    }

    MmshRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Indexes of the headers named {@code name}, without case. */
    List<Integer> indexes(String name) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i)[0] != null && headers.get(i)[0].equalsIgnoreCase(name)) {
                at.add(i);
            }
        }
        return at;
    }

    byte[] bytes() {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(uri);
        if (!version.isEmpty()) {
            sb.append(' ').append(version);
        }
        sb.append(eol);
        for (String[] h : headers) {
            sb.append(h[0] == null ? h[1] : h[0] + ": " + h[1]).append(eol);
        }
        if (ended) {
            sb.append(eol);
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        return body.length == 0 ? head : ByteMutations.concat(head, body);
    }
}
