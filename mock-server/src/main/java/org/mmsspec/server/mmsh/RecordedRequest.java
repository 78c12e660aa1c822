package org.mmsspec.server.mmsh;

import java.util.List;
import java.util.Map;

/**
 * One request as the server received it, for a test to verify afterwards, like WireMock's request journal.
 *
 * @param connection the connection it came on
 * @param headers    every header line in order, names as sent
 * @param attributes what the server made of it: the client-id, the stream-number radix, the start position
 */
public record RecordedRequest(long connection, String method, String uri, String version,
        List<Map.Entry<String, String>> headers, PragmaTokens pragma, RequestType type, String body,
        Map<String, String> attributes) {

    public RecordedRequest {
        headers = List.copyOf(headers);
        attributes = Map.copyOf(attributes);
    }

    /** The first header of this name, without case, or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** One line for the event log. */
    public String line() {
        StringBuilder b = new StringBuilder().append(method).append(' ').append(uri).append(' ').append(type);
        String ua = header("User-Agent");
        if (ua != null) {
            b.append(" UA=").append(ua);
        }
        b.append(" pragma=[").append(pragma).append(']');
        new java.util.TreeMap<>(attributes).forEach((k, v) -> b.append("; ").append(k).append(": ").append(v));
        return b.toString().replace('\r', ' ').replace('\n', ' ');
    }
}
