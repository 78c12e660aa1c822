package org.mmsspec.cases.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one case's mock server waits for the client, as the placeholders of a client command name it. Every TCP
 * protocol of a case shares one port, because clients keep the URL's port for every rollover step; the UDP funnel
 * binds the same number.
 */
public record ClientUrl(Scheme scheme, String host, int port, String path, int mmsPort, int httpPort, int rtspPort,
        String userInfo) {

    /** A URL without credentials. */
    public ClientUrl(Scheme scheme, String host, int port, String path, int mmsPort, int httpPort, int rtspPort) {
        this(scheme, host, port, path, mmsPort, httpPort, rtspPort, null);
    }

    /** The same URL carrying {@code user:password@} before the host (RFC 3986 userinfo). */
    public ClientUrl withUserInfo(String user, String password) {
        return new ClientUrl(scheme, host, port, path, mmsPort, httpPort, rtspPort, user + ":" + password);
    }

    /** {@code mmst://127.0.0.1:40123/sample.asf}, or {@code mmst://user:pass@127.0.0.1:40123/sample.asf} */
    public String url() {
        return scheme.prefix() + "://" + (userInfo == null ? "" : userInfo + "@") + host + ":" + port + "/" + path;
    }

    /** {@code {url}}, {@code {scheme}}, {@code {host}}, {@code {port}}, {@code {path}}, and the three ports. */
    public Map<String, String> placeholders() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("{url}", url());
        m.put("{scheme}", scheme.prefix());
        m.put("{host}", host);
        m.put("{port}", Integer.toString(port));
        m.put("{path}", path);
        m.put("{mmsPort}", Integer.toString(mmsPort));
        m.put("{httpPort}", Integer.toString(httpPort));
        m.put("{rtspPort}", Integer.toString(rtspPort));
        return m;
    }

    /** {@code word} with every placeholder replaced. */
    public String expand(String word) {
        String out = word;
        for (Map.Entry<String, String> e : placeholders().entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    @Override
    public String toString() {
        return url();
    }
}
