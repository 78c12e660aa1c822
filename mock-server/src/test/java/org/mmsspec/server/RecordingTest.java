package org.mmsspec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.server.mmsh.MmshServer;
import org.mmsspec.server.mmsp.MmstServer;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Recording;
import org.mmsspec.server.scenario.Scenario;

/** What a server keeps of connections that are over: everything by default, a bounded tail or nothing on request. */
@Timeout(120)
class RecordingTest {

    static final int SESSIONS = 1_500;

    @Test
    void boundedRecordingKeepsATailHoweverManySessionsRun() throws IOException {
        try (MockMmsServer s = run(Recording.BOUNDED)) {
            assertThat(s.events().recorded()).isGreaterThan(Recording.BOUNDED.events());
            assertThat(s.events().events()).hasSize(Recording.BOUNDED.events());
            assertThat(mmst(s).transcripts()).hasSize(Recording.BOUNDED.transcripts());
            assertThat(mmsh(s).requests()).hasSize(Recording.BOUNDED.requests());
        }
    }

    @Test
    void recordingOffKeepsNothingButCountsEverything() throws IOException {
        try (MockMmsServer s = run(Recording.OFF)) {
            // the last connection's close is counted on the server's event loop, a moment after the client's close
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (s.events().recorded() < 3 * SESSIONS && System.nanoTime() - deadline < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertThat(s.events().recorded()).isGreaterThanOrEqualTo(3 * SESSIONS);
            assertThat(s.events().events()).isEmpty();
            assertThat(mmst(s).transcripts()).isEmpty();
            assertThat(mmsh(s).requests()).isEmpty();
        }
    }

    @Test
    void byDefaultEveryEventIsKept() throws IOException {
        try (MockMmsServer s = run(null)) {
            assertThat(s.scenario().recording()).isEqualTo(Recording.FULL);
            assertThat((long) s.events().events().size()).isEqualTo(s.events().recorded());
            assertThat(mmsh(s).requests()).hasSize(SESSIONS / 2);
            assertThat(mmst(s).transcripts().get(0).messageNames()).containsExactly("LinkViewerToMacConnect");
        }
    }

    /** Half MMST sessions (Connect, its reply, close), half MMSH Describes, one after the other. */
    static MockMmsServer run(Recording recording) throws IOException {
        Scenario.Builder b = Scenario.builder().pacing(Pacing.FAST);
        if (recording != null) {
            b.recording(recording);
        }
        MockMmsServer s = MockMmsServer.start(b.build());
        for (int i = 0; i < SESSIONS / 2; i++) {
            try (RawMmst c = new RawMmst(s.port(Protocol.MMST))) {
                c.send(LinkViewerToMacConnect.of(RawMmst.PLAYER)).read();
            }
            try (Socket h = new Socket("127.0.0.1", s.port(Protocol.MMSH))) {
                h.setSoTimeout(10_000);
                OutputStream out = h.getOutputStream();
                out.write(("GET /sample.asf HTTP/1.0\r\nUser-Agent: NSPlayer/9.0.0.2980\r\n"
                        + "Pragma: xClientGUID={3300AD50-2C39-46C0-AE0A-3300AD502C39}\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = h.getInputStream();
                while (in.read(new byte[4096]) >= 0) {
                    // the Describe answer, up to the server's close
                }
            }
        }
        return s;
    }

    static MmstServer mmst(MockMmsServer s) {
        return (MmstServer) s.options().servers().get(Protocol.MMST);
    }

    static MmshServer mmsh(MockMmsServer s) {
        return (MmshServer) s.options().servers().get(Protocol.MMSH);
    }
}
