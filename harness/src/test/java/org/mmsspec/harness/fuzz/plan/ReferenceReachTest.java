package org.mmsspec.harness.fuzz.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;
import org.mmsspec.server.reference.ReferenceServers;

/** The valid prefix of every state really reaches it on the reference server, each step answered as it awaits. */
class ReferenceReachTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static ReferenceServers ref;

    @BeforeAll
    static void start() {
        ref = ReferenceServers.start();
    }

    @AfterAll
    static void stop() {
        ref.close();
    }

    @Test
    void everyMmstPrefixReachesItsState() {
        MmstPath path = new MmstPath(ReferenceServers.MEDIA, 3);
        for (FuzzState state : MmstPath.STATES) {
            try (MmstClient c = MmstClient.connect("127.0.0.1", ref.mmsPort(), TIMEOUT)) {
                for (Step s : path.prefix(state)) {
                    c.sendRaw(s.bytes());
                    answered(c, s);
                }
            }
        }
    }

    /** Reads what {@code s} awaits and checks it is the success reply of the sequence. */
    private static void answered(MmstClient c, Step s) {
        switch (Triggers.trigger(SessionPlan.Transport.MMST, s)) {
            case "LinkViewerToMacConnect" -> assertThat(c.awaitMessage(LinkMacToViewerReportConnectedEX.class).hr())
                    .isZero();
            case "LinkViewerToMacFunnelInfo" -> c.awaitMessage(LinkMacToViewerReportFunnelInfo.class);
            case "LinkViewerToMacConnectFunnel" -> c.awaitMessage(LinkMacToViewerReportConnectedFunnel.class);
            case "LinkViewerToMacOpenFile" -> {
                LinkMacToViewerReportOpenFile o = c.awaitMessage(LinkMacToViewerReportOpenFile.class);
                assertThat(o.hr()).isZero();
                assertThat(o.openFileId()).isEqualTo(MmstPath.OPEN_FILE_ID);
            }
            case "LinkViewerToMacReadBlock" -> {
                assertThat(s.await()).isEqualTo(Step.Await.HEADER);
                c.awaitMessage(LinkMacToViewerReportReadBlock.class);
                assertThat(c.readHeader().streamNumbers()).contains(MmstPath.STREAMS[0], MmstPath.STREAMS[1]);
            }
            case "LinkViewerToMacStreamSwitch" -> c.awaitMessage(LinkMacToViewerReportStreamSwitch.class);
            case "LinkViewerToMacStartPlaying" -> {
                assertThat(c.awaitMessage(LinkMacToViewerReportStartedPlaying.class).hr()).isZero();
                if (s.await() == Step.Await.DATA) {
                    assertThat(c.readUntil(r -> r.dataPacket().isPresent())).isInstanceOf(Outcome.Received.class);
                } else if (s.await() == Step.Await.END) {
                    assertThat(c.awaitMessage(LinkMacToViewerReportEndOfStream.class).hr()).isZero();
                }
            }
            default -> throw new AssertionError("not a step of the sequence: " + s);
        }
    }

    @Test
    void theMmshPrefixesAreAnsweredWithTheHeaderAndTheData() {
        MmshAttacks a = new MmshAttacks(ReferenceServers.MEDIA, new byte[0]);
        List<Step> steps = a.prefix(FuzzState.MMSH_STREAMING);
        try (MmshClient c = new MmshClient("127.0.0.1", ref.httpPort(), TIMEOUT).readAtMost(20, TIMEOUT)) {
            MmshResponse describe = c.raw(steps.get(0).bytes());
            assertThat(describe.status()).isEqualTo(200);
            assertThat(describe.asfHeader()).isNotEmpty();
            MmshResponse play = c.raw(steps.get(1).bytes());
            assertThat(play.status()).isEqualTo(200);
            assertThat(play.data()).isNotEmpty();
        }
    }
}
