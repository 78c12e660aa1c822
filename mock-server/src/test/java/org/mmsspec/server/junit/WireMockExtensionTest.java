package org.mmsspec.server.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/** The extension hands out the server's WireMock, as a field accessor and as a test parameter. */
class WireMockExtensionTest {

    // [wiremock-extension]
    @RegisterExtension
    static MockMmsServerExtension mms = MockMmsServerExtension.with(Scenario.builder().pacing(Pacing.FAST).build(),
            ServerOptions.defaults().withWireMock());

    @Test
    void aStubAnswersOnTheMmshPort(WireMockServer wireMock, MockMmsServer server) throws Exception {
        wireMock.stubFor(get("/playlist.asx").willReturn(ok("<ASX version=\"3.0\"><Entry><Ref href=\""
                + server.mmsUrl("sample.asf") + "\"/></Entry></ASX>")));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port(Protocol.MMSH) + "/playlist.asx"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("mms://127.0.0.1:");
        wireMock.verify(1, getRequestedFor(urlEqualTo("/playlist.asx")));
    }
    // [wiremock-extension]

    @Test
    void theFieldAndTheParameterAreTheSameWireMock(WireMockServer wireMock) {
        assertThat(mms.wireMock()).isSameAs(wireMock).isSameAs(mms.server().wireMock());
        assertThat(wireMock.isRunning()).isTrue();
    }
}
