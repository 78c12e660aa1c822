package org.mmsspec.cases.server;

import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.CaseResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmsspec.cases.Verdict;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;

/**
 * How {@link CaseRunner} turns what a script does into a verdict, with tiny cases against a tiny server socket that
 * accepts, sends what the test gives it, and then keeps silent.
 */
class CaseRunnerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final RunSettings SETTINGS = new RunSettings(TIMEOUT, Profile.DEPLOYED, false);
    private static final RunSettings STRICT = new RunSettings(TIMEOUT, Profile.DEPLOYED, true);
    private static final Section SECTION = Section.mmsp("3.2.5.3");

    private FakeServer server;

    /** Accepts every connection, writes {@code greeting} on it and reads until the client goes. */
    static final class FakeServer implements AutoCloseable {
        final ServerSocket socket;
        final List<Socket> accepted = new CopyOnWriteArrayList<>();

        FakeServer(byte[] greeting) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = socket.accept();
                        accepted.add(s);
                        s.getOutputStream().write(greeting);
                        Thread drain = new Thread(() -> {
                            try (InputStream in = s.getInputStream()) {
                                in.transferTo(OutputStreamSink.INSTANCE);
                            } catch (IOException e) {
                                // the client went
                            }
                        });
                        drain.setDaemon(true);
                        drain.start();
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }, "fake-server");
            t.setDaemon(true);
            t.start();
        }

        Target target() {
            return new Target("fake", "127.0.0.1", socket.getLocalPort(), socket.getLocalPort(), "sample.asf",
                    Optional.empty(), Optional.empty(), Optional.empty(), false);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Discards what the client writes. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Target silent() throws IOException {
        server = new FakeServer(new byte[0]);
        return server.target();
    }

    static ServerCase fake(Section section, Level level, CaseScript script, String... tags) {
        CaseGroup g = CaseGroup.mmsp(section.number(), "fake");
        g.add(1, level, "a fake case").tags(tags).run(script);
        return g.cases().get(0);
    }

    static ServerCase fake(Level level, CaseScript script) {
        return fake(SECTION, level, script);
    }

    static CaseResult run(Target t, RunSettings s, ServerCase c) {
        return new CaseRunner(t, s).run(c);
    }

    @Test
    void keptRulesPass() throws IOException {
        CaseResult r = run(silent(), SETTINGS, fake(Level.MUST, ctx -> {
            ctx.mmst();
            ctx.must(true, "kept");
            ctx.mustEqual("hr", 0L, 0);
            ctx.should(true, "kept");
        }));
        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
        assertThat(r.message()).isEmpty();
        assertThat(r.findings()).isEmpty();
        assertThat(r.transcripts()).hasSize(1);
    }

    @Test
    void aBrokenMustFailsAndEndsTheCase() throws IOException {
        boolean[] after = {false};
        CaseResult r = run(silent(), SETTINGS, fake(Level.MUST, ctx -> {
            ctx.mmst();
            ctx.mustEqual("hr of the reply", 0L, 5L);
            after[0] = true;
        }));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(after[0]).as("nothing after a broken MUST runs").isFalse();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.section()).isEqualTo(SECTION);
            assertThat(f.level()).isEqualTo(Level.MUST);
            assertThat(f.expected()).isEqualTo("0");
            assertThat(f.actual()).isEqualTo("5");
        });
        assertThat(r.message()).contains("hr of the reply").contains("expected 0, actual 5");
    }

    @Test
    void aBrokenShouldWarnsAndTheCaseGoesOn() throws IOException {
        boolean[] after = {false};
        CaseResult r = run(silent(), SETTINGS, fake(Level.SHOULD, ctx -> {
            ctx.mmst();
            ctx.should(false, "a recommended field");
            after[0] = true;
        }));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(after[0]).isTrue();
        assertThat(r.findings()).singleElement().extracting(f -> f.level()).isEqualTo(Level.SHOULD);
    }

    @Test
    void aBrokenMustOutweighsAnEarlierShould() throws IOException {
        CaseResult r = run(silent(), SETTINGS, fake(Level.MUST, ctx -> {
            ctx.should(false, "first");
            ctx.must(false, "second");
        }));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.findings()).extracting(f -> f.message()).containsExactly("first", "second");
    }

    @Test
    void strictTurnsAWarnIntoAFail() throws IOException {
        CaseScript script = ctx -> ctx.shouldEqual("playIncarnation", 1L, 2L);
        Target t = silent();
        assertThat(run(t, SETTINGS, fake(Level.SHOULD, script)).verdict()).isEqualTo(Verdict.WARN);
        assertThat(run(t, STRICT, fake(Level.SHOULD, script)).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aMissingReplyIsAFindingAtTheCasesLevel() throws IOException {
        CaseScript script = ctx -> ctx.mmst().expect(LinkMacToViewerReportConnectedEX.class);
        Target t = silent();
        CaseResult must = run(t, SETTINGS, fake(Level.MUST, script));
        assertThat(must.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(must.message()).contains("LinkMacToViewerReportConnectedEX");
        assertThat(must.durationMs()).as("bounded by the timeout").isLessThan(5_000);
        assertThat(run(t, SETTINGS, fake(Level.SHOULD, script)).verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void aCodecViolationOfTheCasesOwnSectionFails() throws IOException {
        var ok = LinkMacToViewerReportConnectedEX.of("9.0.0.1", "");
        var bad = new LinkMacToViewerReportConnectedEX(ok.hr(), 0x1234, ok.MacToViewerProtocolRevision(),
                ok.ViewerToMacProtocolRevision(), ok.blockGroupPlayTime(), ok.blockGroupBlocks(), ok.nMaxOpenFiles(),
                ok.nBlockMaxBytes(), ok.maxBitRate(), ok.cbServerVersionInfo(), ok.cbVersionInfo(),
                ok.cbVersionUrl(), ok.cbAuthenPackage(), ok.ServerVersionInfo(), ok.VersionInfo(), ok.VersionUrl(),
                ok.AuthenPackage());
        server = new FakeServer(CommandPacketCodec.encode(0, bad));
        CaseScript script = ctx -> ctx.mmst().expect(LinkMacToViewerReportConnectedEX.class);
        // the reply's own section (2.2.4.2) is judged; another section's case does not see it
        CaseResult own = run(server.target(), SETTINGS, fake(Section.mmsp("2.2.4.2"), Level.MUST, script));
        assertThat(own.verdict()).as(own.message()).isEqualTo(Verdict.FAIL);
        assertThat(own.message()).contains("playIncarnation").contains("0x1234");
        CaseResult other = run(server.target(), SETTINGS, fake(SECTION, Level.MUST, script));
        assertThat(other.verdict()).as(other.message()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aMissingOfferingSkips() throws IOException {
        CaseResult r = run(silent(), SETTINGS, fake(Level.MUST, ctx -> ctx.requireAuth()));
        assertThat(r.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(r.message()).contains("no credentials");
        assertThat(run(server.target(), SETTINGS, fake(Level.MUST, ctx -> ctx.skip("no UDP"))).message())
                .isEqualTo("no UDP");
    }

    @Test
    void anUnreachableTargetIsAnError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Target nobody = new Target("nobody", "127.0.0.1", port, port, "sample.asf", Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        CaseResult r = run(nobody, SETTINGS, fake(Level.MUST, ctx -> ctx.handshake().connect()));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).startsWith("target unreachable: cannot connect");
        assertThat(run(nobody, STRICT, fake(Level.SHOULD, ctx -> ctx.mmst())).verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void aConnectionLostAfterTheFirstIsAFindingNotAnError() throws IOException {
        Target t = silent();
        CaseResult r = run(t, SETTINGS, fake(Level.MUST, ctx -> {
            ctx.mmst();
            server.close(); // the server goes away: no fresh session
            ctx.mmst();
        }));
        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("connection failed");
        server = null;
    }

    @Test
    void aBrokenCaseIsAnError() throws IOException {
        CaseResult r = run(silent(), SETTINGS, fake(Level.MUST, ctx -> {
            throw new IllegalStateException("a bug in the case");
        }));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("the case broke").contains("a bug in the case");
    }

    @Test
    void aCaseRunningPastItsDeadlineIsCutOffAsAnError() throws IOException {
        Target t = silent();
        long start = System.nanoTime();
        CaseResult r = run(t, SETTINGS, fake(Level.MUST, ctx -> {
            MmstClient c = ctx.mmst();
            // every read is bounded, but the script goes on reading until the watchdog closes the connection
            for (int i = 0; i < 10_000 && c.receive() instanceof Outcome.Timeout; i++) {
                assertThat(i).as("the watchdog never cut the case off").isLessThan(1_000);
            }
        }));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("did not finish within its deadline of "
                + SETTINGS.caseDeadline().toMillis() + " ms");
        assertThat(ms).isBetween(SETTINGS.caseDeadline().toMillis(), SETTINGS.caseDeadline().toMillis() + 3_000);
    }
}
