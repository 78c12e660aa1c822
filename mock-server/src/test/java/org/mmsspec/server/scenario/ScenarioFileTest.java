package org.mmsspec.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;

class ScenarioFileTest {

    static final List<String> BUNDLED = ScenarioFile.BUNDLED;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void bundledScenarioLoadsAndRoundTrips(String name) {
        Scenario s = ScenarioFile.bundled(name);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.media()).extracting(MediaEntry::path).containsExactly("sample.asf");
        String yaml = ScenarioFile.toYaml(s);
        assertThat(ScenarioFile.parse(yaml, null, "again")).isEqualTo(s);
        assertThat(yaml).contains("bundled:sample.asf");
    }

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void bundledScenarioStartsWithASocketForEveryProtocolThatDoesNotRefuse(String name) {
        Scenario s = ScenarioFile.bundled(name);
        try (MockMmsServer server = MockMmsServer.start(s)) {
            for (Protocol p : Protocol.values()) {
                assertThat(server.isListening(p)).as(p.name())
                        .isEqualTo(s.listener(p).behaviour() != Behaviour.REFUSE);
            }
        }
    }

    @Test
    void everyBundledFileIsListed() throws URISyntaxException, IOException {
        Path scenarios = Path.of(ScenarioFile.class.getResource("/org/mmsspec/server/scenarios/").toURI());
        try (var files = Files.list(scenarios)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(BUNDLED);
        }
    }

    @Test
    void profilesBehaveAsTheirServers() {
        assertThat(ScenarioFile.bundled("wms41").listener(Protocol.RTSP).behaviour()).isEqualTo(Behaviour.REFUSE);
        assertThat(ScenarioFile.bundled("wms41").listener(Protocol.MMST).behaviour()).isEqualTo(Behaviour.SERVE);
        Scenario wms9 = ScenarioFile.bundled("wms9");
        assertThat(wms9.listener(Protocol.RTSP)).isEqualTo(new ListenerSpec(Protocol.RTSP, 0, Behaviour.ERROR, 461));
        assertThat(wms9.listener(Protocol.MMST).behaviour()).isEqualTo(Behaviour.ERROR);
        assertThat(wms9.listener(Protocol.MMSH).behaviour()).isEqualTo(Behaviour.SERVE);
        Scenario wms2008 = ScenarioFile.bundled("wms2008");
        assertThat(wms2008.listener(Protocol.MMST).behaviour()).isEqualTo(Behaviour.REFUSE);
        assertThat(wms2008.listener(Protocol.MMSU).behaviour()).isEqualTo(Behaviour.REFUSE);
    }

    @Test
    void everyFieldSurvivesAFileRoundTrip() throws IOException {
        Path media = dir.resolve("clip.asf");
        Files.write(media, AsfFile.sample().bytes());
        AsfFile clip = AsfFile.read(media);
        Faults faults = new Faults(Map.of("LinkMacToViewerReportOpenFile", Duration.ofMillis(1500)),
                Set.of("LinkMacToViewerPing"),
                List.of(new Faults.FieldOverride("LinkMacToViewerReportOpenFile", "filePacketSize", 4096L),
                        new Faults.FieldOverride("LinkMacToViewerReportConnectedEX", "ServerVersionInfo", "x")),
                true, true, "LinkMacToViewerReportReadBlock", "LinkMacToViewerReportOpenFile", 0x08);
        Scenario s = Scenario.builder().name("everything").media("list", clip, clip)
                .listener(new ListenerSpec(Protocol.RTSP, 5554, Behaviour.ERROR, 0xC00D1B74L))
                .listener(Protocol.MMST, 1755, Behaviour.SILENT).behaviour(Protocol.MMSU, Behaviour.RESET)
                .behaviour(Protocol.MMSH, Behaviour.ACCEPT_AND_CLOSE).credentials("user", "secret")
                .pingInterval(Duration.ofSeconds(12)).idleTimeout(Duration.ofMinutes(20)).pacing(Pacing.FAST)
                .openFileId(7).serverVersion("9.1.1.3814").redirect("mms://elsewhere/x.asf").packetPair(false)
                .mmshBurstBit(true).mmshChunked(false).faults(faults).build();
        Path file = dir.resolve("everything.yaml");
        ScenarioFile.write(s, file);
        Scenario back = ScenarioFile.read(file);
        assertThat(ScenarioFile.toYaml(back)).isEqualTo(ScenarioFile.toYaml(s));
        assertThat(back.media().get(0).files()).hasSize(2)
                .allSatisfy(f -> assertThat(f.bytes()).isEqualTo(clip.bytes()));
        assertThat(back.toBuilder().media("list", clip, clip).build()).isEqualTo(s);
        assertThat(Files.readString(file)).contains("error: 0xC00D1B74", "pingInterval: 12s", "idleTimeout: 20m",
                "behaviour: accept-and-close", "headerLastFlag: 0x08");
    }

    @Test
    void keysLeftOutTakeTheBuildersDefaults() {
        Scenario s = ScenarioFile.parse("name: tiny\nlisteners:\n  mmst: refuse\n", null, "tiny.yaml");
        Scenario d = Scenario.builder().build();
        assertThat(s.listener(Protocol.MMST).behaviour()).isEqualTo(Behaviour.REFUSE);
        assertThat(s.listener(Protocol.MMSH)).isEqualTo(d.listener(Protocol.MMSH));
        assertThat(s.pingInterval()).isEqualTo(d.pingInterval());
        assertThat(s.serverVersion()).isEqualTo(d.serverVersion());
        assertThat(s.faults()).isEqualTo(Faults.NONE);
        assertThat(s.media().get(0).files().get(0).name()).isEqualTo("sample.asf");
    }

    @Test
    void errorsNameTheFileAndTheKey() {
        assertThatThrownBy(() -> ScenarioFile.parse("name: x\npingIntervall: 3s\n", null, "a.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("a.yaml: pingIntervall: unknown key");
        assertThatThrownBy(() -> ScenarioFile.parse("listeners:\n  mmst: {behaviour: sulk}\n", null, "b.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("b.yaml: listeners.mmst.behaviour: 'sulk' is not one of");
        assertThatThrownBy(() -> ScenarioFile.parse("pingInterval: soon\n", null, "c.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessage("c.yaml: pingInterval: cannot read 'soon'");
        assertThatThrownBy(() -> ScenarioFile.parse("media:\n  - path: x\n    files: [x.asf]\n", null, "d.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("only name bundled: media");
        assertThatThrownBy(() -> ScenarioFile.parse("faults: {headerLastFlag: 0x04}\n", null, "e.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("e.yaml: faults: headerLastFlag");
        assertThatThrownBy(() -> ScenarioFile.parse("listeners: {mmst: {port: 70000}}\n", null, "f.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("not a port");
        assertThatThrownBy(() -> ScenarioFile.bundled("wms3")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("wms41");
    }

    @Test
    void durationsReadInShortAndIsoForms() {
        assertThat(ScenarioFile.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ScenarioFile.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ScenarioFile.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(ScenarioFile.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ScenarioFile.duration(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(ScenarioFile.duration(Duration.ofSeconds(3600))).isEqualTo("1h");
    }
}
