package org.mmsspec.server.junit;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mmsspec.server.EventLog;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.scenario.ScenarioFile;

/**
 * A running mock MMS server for a JUnit 5 test class, as WireMock's extension gives one for HTTP. As a static
 * {@code @RegisterExtension} field it runs for the whole class; as an instance field, for each test. Test methods may
 * take a {@link MockMmsServer} or its {@link EventLog} as a parameter, and, where the options ask for WireMock
 * ({@link ServerOptions#withWireMock()}), its {@link WireMockServer}. {@link MockMmsServerTest} is the annotation
 * form, for a bundled scenario.
 *
 * <pre>{@code
 * @RegisterExtension
 * static MockMmsServerExtension mms = MockMmsServerExtension.with(Scenario.builder().pacing(Pacing.FAST));
 * }</pre>
 */
public final class MockMmsServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Scenario scenario;
    private final ServerOptions options;
    private MockMmsServer server;
    private boolean perClass;

    private MockMmsServerExtension(Scenario scenario, ServerOptions options) {
        this.scenario = scenario;
        this.options = options;
    }

    /** For {@link MockMmsServerTest}: the scenario comes from the annotation. */
    public MockMmsServerExtension() {
        this(null, ServerOptions.defaults());
    }

    public static MockMmsServerExtension with(Scenario scenario) {
        return new MockMmsServerExtension(scenario, ServerOptions.defaults());
    }

    public static MockMmsServerExtension with(Scenario.Builder scenario) {
        return with(scenario.build());
    }

    public static MockMmsServerExtension with(Scenario scenario, ServerOptions options) {
        return new MockMmsServerExtension(scenario, options);
    }

    /** A bundled scenario ({@link ScenarioFile#BUNDLED}). */
    public static MockMmsServerExtension bundled(String name) {
        return with(ScenarioFile.bundled(name));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void start(ExtensionContext context) {
        Scenario s = scenario != null ? scenario
                : context.getTestClass().map(c -> c.getAnnotation(MockMmsServerTest.class))
                        .map(a -> ScenarioFile.bundled(a.scenario())).orElseGet(() -> Scenario.builder().build());
        server = MockMmsServer.start(s, options);
    }

    private void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The running server; only between the extension's start and stop. */
    public MockMmsServer server() {
        if (server == null) {
            throw new IllegalStateException("the mock MMS server runs only while a test of its class runs");
        }
        return server;
    }

    public String url(Protocol p, String path) {
        return server().url(p, path);
    }

    public String mmsUrl(String path) {
        return server().mmsUrl(path);
    }

    public List<String> urls() {
        return server().urls();
    }

    public int port(Protocol p) {
        return server().port(p);
    }

    public EventLog events() {
        return server().events();
    }

    /** The server's embedded WireMock; see {@link MockMmsServer#wireMock()}. */
    public WireMockServer wireMock() {
        return server().wireMock();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        return t == MockMmsServer.class || t == EventLog.class || (t == WireMockServer.class && options.wireMock());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        return t == EventLog.class ? events() : t == WireMockServer.class ? wireMock() : server();
    }
}
