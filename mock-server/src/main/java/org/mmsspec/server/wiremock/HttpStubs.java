package org.mmsspec.server.wiremock;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * The embedded WireMock server of one running mock server ({@code ServerOptions.withWireMock()}): user-scripted HTTP
 * on the MMSH listener, and WireMock's request journal holding every MMSH request. It listens on an ephemeral
 * loopback port of its own; clients never see that port, the MMSH listener relays to it.
 */
public final class HttpStubs implements AutoCloseable {

    /** WireMock's journal keeps as many requests as the MMSH journal does. */
    static final int MAX_JOURNAL = 10_000;

    private final WireMockServer wireMock;
    private final RequestJournalStore journal;
    private final WireMockRelay relay;

    private HttpStubs(WireMockServer wireMock, Duration relayTimeout) {
        this.wireMock = wireMock;
        this.journal = wireMock.getOptions().getStores().getRequestJournalStore();
        this.relay = new WireMockRelay(wireMock.port(), relayTimeout);
    }

    /** Starts WireMock on 127.0.0.1 at an ephemeral port; a relayed request gets 504 after {@code relayTimeout}. */
    public static HttpStubs start(Duration relayTimeout) {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .maxRequestJournalEntries(MAX_JOURNAL));
        wm.start();
        return new HttpStubs(wm, relayTimeout);
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /**
     * Whether WireMock would answer {@code request} from a stub now: a stub's request pattern matches it exactly
     * and, for a stub in a WireMock scenario, the scenario is in the state the stub requires.
     */
    public boolean stubs(Request request) {
        Map<String, String> states = wireMock.getAllScenarios().getScenarios().stream()
                .collect(Collectors.toMap(Scenario::getName, Scenario::getState, (a, b) -> a));
        for (StubMapping s : wireMock.getStubMappings()) {
            boolean stateFits = s.getRequiredScenarioState() == null
                    || s.getRequiredScenarioState().equals(states.getOrDefault(s.getScenarioName(),
                            Scenario.STARTED));
            if (stateFits && s.getRequest().match(request).isExactMatch()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a request MMSH answered to WireMock's journal, so that {@code verify} and {@code findAll} see it. It goes
     * in as a request no stub matched (a stub did not answer it), straight into the journal's store: WireMock has no
     * public call that journals a request without serving it.
     */
    public void journal(Request request) {
        journal.add(new ServeEvent(UUID.randomUUID(), LoggedRequest.createFrom(request), null,
                ResponseDefinition.notConfigured(), null, false, null, new ConcurrentLinkedQueue<>()));
        // WireMock trims its journal only when it serves a request itself.
        if (journal.getAllKeys().count() > MAX_JOURNAL && journal instanceof
                com.github.tomakehurst.wiremock.store.InMemoryRequestJournalStore m) {
            m.removeLast();
        }
    }

    /** Sends {@code request} to WireMock; the answer (or a 502/504) completes on {@code loop}. */
    public CompletableFuture<FullHttpResponse> relay(FullHttpRequest request, EventLoop loop) {
        return relay.send(request, loop);
    }

    /** {@code req} as WireMock's matchers see it, as it arrived at the MMSH listener on {@code localPort}. */
    public static Request request(FullHttpRequest req, InetSocketAddress remote, int localPort) {
        String host = req.headers().get("Host");
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + localPort;
        }
        HttpHeaders headers = new HttpHeaders(req.headers().names().stream()
                .map(n -> new HttpHeader(n, req.headers().getAll(n))).toList());
        byte[] body = new byte[req.content().readableBytes()];
        req.content().getBytes(req.content().readerIndex(), body);
        return ImmutableRequest.create().withAbsoluteUrl("http://" + host + originForm(req.uri()))
                .withMethod(RequestMethod.fromString(req.method().name())).withProtocol(req.protocolVersion().text())
                .withClientIp(remote.getAddress() == null ? remote.getHostString()
                        : remote.getAddress().getHostAddress())
                .withHeaders(headers).withBody(body).build();
    }

    /** The path and query of a request target, also where a client sent the absolute form. */
    static String originForm(String uri) {
        if (uri.startsWith("/")) {
            return uri;
        }
        try {
            URI u = URI.create(uri);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/" + uri;
        }
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
