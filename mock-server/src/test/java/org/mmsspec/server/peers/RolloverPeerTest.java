package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.scenario.ScenarioFile;

/**
 * Rollover by real clients, judged from the event log. A refused connect never reaches the server, so it cannot be
 * logged: the test makes each step observable instead. With MMS over TCP "refused" (scenario mmst-refused), the
 * mms:// URL names the MMSH port, so a client's MMST attempts land on the HTTP listener, which recognises them by
 * their first bytes, logs them and resets them — as a refusal would end them — before the client moves on.
 */
@Tag("peers")
class RolloverPeerTest {

    static final AsfFile SAMPLE = AsfFile.sample();

    @TempDir
    Path dir;

    /** Each connection's first telling event: its REQUEST, or the PROTOCOL_ERROR that named what it spoke. */
    static List<String> attempts(PeerServer s) {
        return s.events().events(e -> e.what() == What.REQUEST || e.what() == What.PROTOCOL_ERROR).stream()
                .map(e -> e.protocol() + " :" + e.port()).toList();
    }

    @Test
    void vlcMmsFallsBackToMmshOnTheSamePortAndPlays() throws Exception {
        PeerClient vlc = PeerClient.requireAsMmsUser("cvlc");
        Scenario scenario = ScenarioFile.bundled("mmst-refused").toBuilder().pacing(Pacing.FAST).build();
        try (PeerServer s = PeerServer.start(scenario)) {
            int port = s.server.port(Protocol.MMSH);
            String url = s.server.mmsUrl("sample.asf");
            assertThat(url).contains(":" + port + "/");
            PeerClient.Result r = vlc.run(dir, 40, "-I", "dummy", "--play-and-exit", "--vout", "dummy", "--aout",
                    "dummy", url);
            assertThat(r.exit()).as(r.toString()).isZero();
            long c = s.assertStreamed(Protocol.MMSH);
            // VLC's order is MMST, MMSU (whose control connection is MMS over TCP too, so it looks the same here),
            // then MMSH: Describe, then Play; every step on the URL's port
            assertThat(attempts(s)).as(s.log()).containsExactly("MMST :" + port, "MMST :" + port, "MMSH :" + port,
                    "MMSH :" + port);
            assertThat(s.events().events(e -> e.what() == What.RESET)).as(s.log()).hasSize(2);
            assertThat(s.events().await(e -> e.connection() == c && e.what() == What.CLOSED_BY_SERVER
                    && e.detail().equals("end of stream"), java.time.Duration.ofSeconds(5))).as(s.log()).isNotNull();
        }
    }

    @Test
    void libmmsTriesMmshFirstOnTheMmsPortThenMmst() throws Exception {
        PeerClient mediainfo = PeerClient.require("mediainfo");
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.FAST).build())) {
            int port = s.server.port(Protocol.MMST);
            PeerClient.Result r = mediainfo.run(dir, 30, s.server.mmsUrl("sample.asf"));
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.stdout()).as(r.toString()).contains("WMV2");
            // the HTTP request on the MMS-only port is recognised, logged and reset; libmms then speaks MMS/TCP
            assertThat(attempts(s)).as(s.log()).containsExactly("MMSH :" + port, "MMST :" + port);
            List<ConnectionEvent> first = s.of(s.events().events(e -> e.what() == What.PROTOCOL_ERROR).get(0)
                    .connection());
            assertThat(first).extracting(ConnectionEvent::what).contains(What.RESET);
            s.assertStreamed(Protocol.MMST);
        }
    }

    @Test
    void libmmsPlaysOverMmshAtOnceWhenMmstIsRefused() throws Exception {
        PeerClient mediainfo = PeerClient.require("mediainfo");
        Scenario scenario = ScenarioFile.bundled("mmst-refused").toBuilder().pacing(Pacing.FAST).build();
        try (PeerServer s = PeerServer.start(scenario)) {
            int port = s.server.port(Protocol.MMSH);
            PeerClient.Result r = mediainfo.run(dir, 30, s.server.mmsUrl("sample.asf"));
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(r.stdout()).as(r.toString()).contains("WMV2").contains("WMA");
            // MMSH comes first for libmms, so it never needs MMS/TCP here
            assertThat(attempts(s)).as(s.log()).allMatch(a -> a.equals("MMSH :" + port)).isNotEmpty();
            assertThat(s.events().events(e -> e.what() == What.PROTOCOL_ERROR)).as(s.log()).isEmpty();
        }
    }
}
