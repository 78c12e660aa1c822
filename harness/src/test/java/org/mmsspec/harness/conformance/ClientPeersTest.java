package org.mmsspec.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

import org.mmsspec.cases.Verdict;
import org.mmsspec.harness.client.CommandLauncher;
import org.mmsspec.harness.client.CommandWords;

/**
 * The real MMS clients of a Debian machine, each graded by every client case, and each held to its baseline
 * {@code baselines/client-<peer>.json} (a report.json): a case whose verdict moves either way, or that appears or
 * disappears, fails that peer's test, so the baselines say what each client does. Reports go to
 * {@code target/mmsspec-peers/<peer>/}, and a peer matrix over the peers that ran to
 * {@code target/mmsspec-peers/matrix.html}.
 *
 * <p>{@code -Dmmsspec.peers.update=true} rewrites the baselines of the peers that ran from their new reports;
 * {@code -Dmmsspec.peers=ffmpeg-mmst,vlc} runs only those. A peer whose program is missing skips (.ci/run installs
 * all of them); VLC runs as the user mmsuser, as it refuses root.
 */
@Tag("peers")
class ClientPeersTest {

    static final Path OUT = Path.of("target", "mmsspec-peers");
    static final Path SOURCE_BASELINES = Path.of("src", "test", "resources", "baselines");
    static final String UPDATE = "mmsspec.peers.update";

    /**
     * Cases at once per peer. Each case has its own server and ports, and the clients mostly wait on the network (the
     * slowest cases wait out a silent server), so twice the cores is safe; verdicts held at 4 on 2 loaded cores.
     */
    static final int PARALLEL = 4;
    static final String FFMPEG = "ffmpeg -nostdin -v error -i {url} -c copy -f null -";

    /** One real client: how it is started, the one scheme it takes (none: each case's own), the user it runs as. */
    record Peer(String name, String command, Optional<String> scheme, Optional<String> user) {

        Peer(String name, String command, String scheme) {
            this(name, command, Optional.ofNullable(scheme), Optional.empty());
        }

        String program() {
            return CommandWords.split(command).get(0);
        }

        String baseline() {
            return "/baselines/client-" + name + ".json";
        }
    }

    static final List<Peer> PEERS = List.of(
            // FFmpeg takes no mms:// and never rolls over: one column per scheme it speaks
            new Peer("ffmpeg-mmst", FFMPEG, "mmst"),
            new Peer("ffmpeg-mmsh", FFMPEG, "mmsh"),
            // played at 1x, VLC reads no faster than it plays and ignores TERM for seconds; into a null file it reads
            // at network speed and exits by itself at the end (vlc://quit)
            new Peer("vlc", "cvlc -I dummy --no-video --play-and-exit --sout=#std{access=file,mux=dummy,"
                    + "dst=/dev/null} {url} vlc://quit", Optional.empty(), Optional.of("mmsuser")),
            new Peer("mplayer", "mplayer -really-quiet -nosound -vo null {url}", null),
            new Peer("xine", "aaxine -driver stdout -kbddriver stdin -A none -N -q {url}", "mms"),
            new Peer("mediainfo", "mediainfo {url}", "mms"));

    /**
     * Cases whose verdict for a peer turns on a race the case cannot settle, left out of the comparison (the reports
     * still show them). MPlayer reads whatever answer comes and writes its next command regardless: where the server
     * answers Connect with an error hr and closes, whether its second write after that close meets the peer's RST
     * (death by SIGPIPE, a FAIL) or it first reads the end of the stream and rolls over (a WARN or PASS) is a matter
     * of microseconds on loopback. VLC takes what one read returns for a whole reply: with the server's bytes in
     * one-byte segments, whether several have piled up by its first read depends on the load.
     */
    static final Map<String, Set<String>> RACY = Map.of("mplayer", Set.of("C-MMSP-1.6-03", "C-MMSP-1.6-09"),
            "vlc", Set.of("C-MMSP-3.1.5.2-02"),
            // a real-time two-entry playlist: PASS in 5 runs, FAIL (left before the end) once in a fully loaded build
            "xine", Set.of("C-MMSP-3.1.5.19-01"));

    /** The reports of the peers that ran, in column order. */
    private static final Map<String, Path> REPORTS = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> peersKeepTheirBaselineVerdicts() {
        List<String> only = Arrays.stream(System.getProperty("mmsspec.peers", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return PEERS.stream().filter(p -> only.isEmpty() || only.contains(p.name()))
                .map(p -> DynamicTest.dynamicTest(p.name() + ": " + p.command(), () -> grade(p)));
    }

    static void grade(Peer peer) throws Exception {
        assumeTrue(CommandLauncher.onPath(peer.program()), peer.program() + " is not installed: .ci/run installs it");
        if (peer.user().isPresent()) {
            assumeTrue(CommandLauncher.onPath("runuser"), "runuser is not installed");
            assumeTrue(PeerHost.isRoot(), peer.name() + " runs as user " + peer.user().get()
                    + ", which needs root to switch to: .ci/run runs the build as root");
            assumeTrue(PeerHost.userExists(peer.user().get()), "user " + peer.user().get()
                    + " does not exist: .ci/run creates it (useradd -m " + peer.user().get() + ")");
        }
        boolean update = Boolean.getBoolean(UPDATE);
        Optional<Path> baseline = baselineFile(peer);
        assertThat(baseline.isPresent() || update).as("no baseline " + peer.baseline()
                + " on the test class path: make it with -D" + UPDATE + "=true").isTrue();

        Path dir = OUT.resolve(peer.name());
        Properties p = new Properties();
        p.setProperty("client", peer.command());
        peer.scheme().ifPresent(s -> p.setProperty("client.scheme", s));
        peer.user().ifPresent(u -> p.setProperty("client.user", u));
        p.setProperty("parallel", Integer.toString(PARALLEL));
        baseline.ifPresent(b -> p.setProperty("baseline", b.toString()));
        ClientRunOptions options = ClientRunOptions.from(p, dir);
        RunReport report;
        try (ClientRun run = ClientRun.prepare(options, new CommandLauncher(options.command(), options.user()))) {
            report = run.runAll(r -> { });
        }
        report.write(dir, false);
        synchronized (REPORTS) {
            REPORTS.put(peer.name(), dir.resolve(ReportJson.FILE));
        }
        System.out.println(peer.name() + ": " + report.summaryLine());

        if (update) {
            Files.createDirectories(SOURCE_BASELINES);
            Files.copy(dir.resolve(ReportJson.FILE), SOURCE_BASELINES.resolve("client-" + peer.name() + ".json"),
                    StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        Set<String> racy = RACY.getOrDefault(peer.name(), Set.of());
        Map<String, Verdict> now = report.verdicts();
        Map<String, Verdict> before = new TreeMap<>(report.baseline());
        now.keySet().removeAll(racy);
        before.keySet().removeAll(racy);
        String changes = changes(now, before);
        assertThat(changes).as(peer.name() + " (" + peer.command() + ") against " + peer.baseline() + "; report in "
                + dir.toAbsolutePath() + "; if the change is right, rerun with -D" + UPDATE + "=true").isEmpty();
    }

    /** Every case whose verdict differs from the baseline's, with both; empty where none does. */
    static String changes(Map<String, Verdict> now, Map<String, Verdict> before) {
        StringBuilder b = new StringBuilder();
        TreeSet<String> ids = new TreeSet<>(now.keySet());
        ids.addAll(before.keySet());
        for (String id : ids) {
            Verdict was = before.get(id);
            Verdict is = now.get(id);
            if (was != is) {
                b.append(id).append(": baseline ").append(was == null ? "(no such case)" : was).append(", now ")
                        .append(is == null ? "(not run)" : is).append('\n');
            }
        }
        return b.toString();
    }

    static Optional<Path> baselineFile(Peer peer) throws URISyntaxException {
        URL url = ClientPeersTest.class.getResource(peer.baseline());
        return url == null ? Optional.empty() : Optional.of(Path.of(url.toURI()));
    }

    /** The matrix over the peers that ran, cases as rows and peers as columns. */
    @AfterAll
    static void writeMatrix() throws IOException {
        if (REPORTS.isEmpty()) {
            return;
        }
        Map<String, Path> columns = new LinkedHashMap<>();
        PEERS.stream().filter(p -> REPORTS.containsKey(p.name()))
                .forEach(p -> columns.put(p.name(), REPORTS.get(p.name())));
        Path page = PeerMatrix.read(columns).write(OUT.resolve(PeerMatrix.FILE));
        System.out.println("peer matrix: " + page.toAbsolutePath());
    }
}
