package org.mmsspec.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * VLC, MPlayer and xine play the sample to its end over mms:// (MMS over TCP) and mmsh://, and mediainfo (libmms)
 * reads its duration and streams. A player's exit status alone proves little (all three exit 0 on a stream that
 * breaks off), so each test also checks on the server side that the whole file went out.
 */
@Tag("peers")
class PlayerPeerTest {

    static final AsfFile SAMPLE = AsfFile.sample();
    static final Scenario FAST = Scenario.builder().pacing(Pacing.FAST).build();

    @TempDir
    Path dir;

    /** MMST: the session was handed every packet, and the client then ended it. */
    static void assertMmstPlayedThrough(PeerServer s, String client) throws InterruptedException {
        long c = s.assertStreamed(Protocol.MMST);
        assertThat(s.mmstSessionsThatSentAll(SAMPLE)).as(client + "\n" + s.log()).isEqualTo(1);
        // CloseFile (VLC) or a close in state READY, i.e. after ReportEndOfStream (MPlayer, xine)
        ConnectionEvent end = s.events().await(e -> e.connection() == c && (e.what() == What.CLOSED_BY_SERVER
                || e.what() == What.CLOSED_BY_CLIENT), Duration.ofSeconds(5));
        assertThat(end).as(client + "\n" + s.log()).isNotNull();
        assertThat(end.detail()).as(s.log()).isIn("CloseFile", "in state READY");
        assertThat(s.events().events(e -> e.what() == What.PROTOCOL_ERROR)).as(s.log()).isEmpty();
    }

    /** MMSH: the server sent the whole body, to $E. */
    static void assertMmshPlayedThrough(PeerServer s, String client) throws InterruptedException {
        long c = s.assertStreamed(Protocol.MMSH);
        assertThat(s.events().await(e -> e.connection() == c && e.what() == What.CLOSED_BY_SERVER
                && e.detail().equals("end of stream"), Duration.ofSeconds(5))).as(client + "\n" + s.log())
                .isNotNull();
        assertThat(s.events().events(e -> e.what() == What.PROTOCOL_ERROR)).as(s.log()).isEmpty();
    }

    PeerClient.Result vlc(String url) {
        PeerClient vlc = PeerClient.requireAsMmsUser("cvlc");
        PeerClient.Result r = vlc.run(dir, 40, "-I", "dummy", "--play-and-exit", "--vout", "dummy", "--aout",
                "dummy", url);
        assertThat(r.exit()).as(r.toString()).isZero();
        // VLC plays in real time: a run much shorter than the file means it gave up early
        assertThat(r.took()).as(r.toString()).isGreaterThan(Duration.ofMillis((long) (SAMPLE.properties().durationSeconds() * 1000) - 1000));
        return r;
    }

    @Test
    void vlcPlaysMms() throws Exception {
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = vlc(s.server.mmsUrl("sample.asf"));
            assertMmstPlayedThrough(s, r.toString());
            assertThat(s.events().requestOrder()).containsExactly(Protocol.MMST);
        }
    }

    @Test
    void vlcPlaysMmsuOverTheUdpFunnel() throws Exception {
        // Real-time pacing: datagrams sent as fast as possible overflow the client's socket and are lost (as they
        // would be from any server), which VLC shows as decoder errors and an early end.
        try (PeerServer s = PeerServer.start(Scenario.builder().pacing(Pacing.REALTIME).build())) {
            PeerClient.Result r = vlc(s.server.url(Protocol.MMSU, "sample.asf"));
            assertMmstPlayedThrough(s, r.toString());
            assertThat(s.events().events(e -> e.what() == What.STREAMING)).as(s.log())
                    .singleElement().satisfies(e -> assertThat(e.detail()).contains("over UDP to port"));
        }
    }

    @Test
    void vlcPlaysMmsh() throws Exception {
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = vlc(s.server.url(Protocol.MMSH, "sample.asf"));
            assertMmshPlayedThrough(s, r.toString());
            // VLC's mmsh access reports the end of the body as "cannot read data 2"; nothing else is an error
            assertThat(r.stderr().lines().filter(l -> l.contains("access_mms") && l.contains("error")))
                    .as(r.toString()).allMatch(l -> l.endsWith("cannot read data 2"));
        }
    }

    PeerClient.Result mplayer(String url) {
        PeerClient mplayer = PeerClient.require("mplayer");
        // MPlayer ends an MMST session only ~10 s after ReportEndOfStream (it never sends CloseFile)
        PeerClient.Result r = mplayer.run(dir, 40, "-really-quiet", "-nolirc", "-vo", "null", "-ao", "null", url);
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void mplayerPlaysMms() throws Exception {
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = mplayer(s.server.mmsUrl("sample.asf"));
            assertMmstPlayedThrough(s, r.toString());
            assertThat(s.events().requestOrder()).containsExactly(Protocol.MMST);
        }
    }

    @Test
    void mplayerPlaysMmsh() throws Exception {
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = mplayer(s.server.url(Protocol.MMSH, "sample.asf"));
            assertMmshPlayedThrough(s, r.toString());
        }
    }

    /**
     * aaxine prints "xine engine error / Unhandled error" at the end of every file, a local one too (it comes from
     * the audio-less aalib front end), so "without errors" means: exit 0, frames drawn, and no stderr line that
     * playing the local file does not print as well.
     */
    PeerClient.Result xine(String url, List<String> baseline) {
        PeerClient xine = PeerClient.require("aaxine");
        PeerClient.Result r = xine.run(dir, 40, "-driver", "stdout", "-kbddriver", "stdin", "-A", "none", "-N", "-q",
                url);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).as("frames drawn").isNotEmpty();
        assertThat(problems(r)).as(r.toString()).isSubsetOf(baseline);
        return r;
    }

    List<String> xineBaseline() throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("sample.asf"), SAMPLE.bytes());
        PeerClient.Result local = PeerClient.require("aaxine").run(dir, 40, "-driver", "stdout", "-kbddriver",
                "stdin", "-A", "none", "-N", "-q", file.toString());
        assertThat(local.exit()).as(local.toString()).isZero();
        return problems(local);
    }

    /** stderr without progress lines. */
    static List<String> problems(PeerClient.Result r) {
        return r.stderr().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.contains("EVENT_PROGRESS"))
                .distinct().toList();
    }

    @Test
    void xinePlaysMms() throws Exception {
        List<String> baseline = xineBaseline();
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = xine(s.server.mmsUrl("sample.asf"), baseline);
            assertMmstPlayedThrough(s, r.toString());
            // xine probes in a session of its own up to StreamSwitch, then reconnects to play
            assertThat(s.events().requestOrder()).as(s.log()).containsOnly(Protocol.MMST).hasSizeGreaterThan(1);
        }
    }

    @Test
    void xinePlaysMmsh() throws Exception {
        List<String> baseline = xineBaseline();
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = xine(s.server.url(Protocol.MMSH, "sample.asf"), baseline);
            assertMmshPlayedThrough(s, r.toString());
        }
    }

    @Test
    void mediainfoReportsTheDurationAndStreams() throws Exception {
        PeerClient mediainfo = PeerClient.require("mediainfo");
        try (PeerServer s = PeerServer.start(FAST)) {
            PeerClient.Result r = mediainfo.run(dir, 30, s.server.mmsUrl("sample.asf"));
            assertThat(r.exit()).as(r.toString()).isZero();
            MediaInfo info = MediaInfo.parse(r.stdout());
            assertThat(info.durationMillis()).as(r.toString())
                    .isCloseTo(SAMPLE.properties().durationSeconds() * 1000, org.assertj.core.data.Offset.offset(100.0));
            assertThat(info.sections()).as(r.toString()).containsExactly("General", "Video", "Audio");
            assertThat(info.format("Video")).isEqualTo("WMV2");
            assertThat(info.format("Audio")).isEqualTo("WMA");
            // libmms first tries MMSH on the MMS port (reset: see RolloverPeerTest), then plays over MMS/TCP
            assertThat(s.events().requestOrder()).as(s.log()).containsExactly(Protocol.MMST);
            s.assertStreamed(Protocol.MMST);
        }
    }

    /** The bits of mediainfo's text report the test needs. */
    record MediaInfo(String text) {
        static MediaInfo parse(String text) {
            return new MediaInfo(text);
        }

        List<String> sections() {
            return text.lines().filter(l -> !l.isBlank() && !l.contains(":")).map(String::strip).toList();
        }

        String field(String section, String name) {
            boolean in = false;
            for (String l : text.lines().toList()) {
                if (!l.isBlank() && !l.contains(":")) {
                    in = l.strip().equals(section);
                } else if (in && l.startsWith(name + " ") && l.contains(":")) {
                    return l.substring(l.indexOf(':') + 1).strip();
                }
            }
            throw new AssertionError("no " + section + "/" + name + " in\n" + text);
        }

        String format(String section) {
            return field(section, "Format");
        }

        /** "4 s 46 ms", "1 min 2 s" as milliseconds. */
        double durationMillis() {
            Matcher m = Pattern.compile("(\\d+)\\s*(min|ms|s|h)").matcher(field("General", "Duration"));
            double ms = 0;
            while (m.find()) {
                long v = Long.parseLong(m.group(1));
                ms += switch (m.group(2)) {
                    case "h" -> v * 3_600_000;
                    case "min" -> v * 60_000;
                    case "s" -> v * 1000;
                    default -> v;
                };
            }
            return ms;
        }
    }
}
