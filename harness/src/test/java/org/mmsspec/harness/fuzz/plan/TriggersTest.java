package org.mmsspec.harness.fuzz.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;

class TriggersTest {

    private static final SessionPlan.Transport MMST = SessionPlan.Transport.MMST;
    private static final SessionPlan.Transport MMSH = SessionPlan.Transport.MMSH;
    private final MmstPath path = new MmstPath("sample.asf", 1);

    @Test
    void anMmstStepIsItsFirstMessagesMidName() {
        byte[] connect = path.prefix(FuzzState.CONNECTED).get(0).bytes();
        assertThat(trigger(MMST, connect)).isEqualTo("LinkViewerToMacConnect");
        // cut, or followed by another packet, it is still a Connect
        assertThat(trigger(MMST, Arrays.copyOf(connect, 45))).isEqualTo("LinkViewerToMacConnect");
        byte[] two = ByteMutations.concat(connect, CommandPacketCodec.encode(1, LinkViewerToMacPong.of()));
        assertThat(trigger(MMST, two)).isEqualTo("LinkViewerToMacConnect");
        assertThat(trigger(MMST, CommandPacketCodec.encode(1, LinkViewerToMacPong.of())))
                .isEqualTo("LinkViewerToMacPong");
    }

    @Test
    void bytesThatAreNoCommandPacketSaySo() {
        byte[] connect = path.prefix(FuzzState.CONNECTED).get(0).bytes();
        assertThat(trigger(MMST, new byte[0])).isEqualTo("empty write");
        assertThat(trigger(MMST, "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("unframed bytes");
        assertThat(trigger(MMST, Arrays.copyOf(connect, 20))).isEqualTo("short packet");
        byte[] unknown = connect.clone();
        unknown[36] = (byte) 0xEE; // MID 0x000300EE names no message
        assertThat(trigger(MMST, unknown)).isEqualTo("unknown MID");
    }

    @Test
    void anMmshStepIsItsRequestType() {
        assertThat(trigger(MMSH, MmshRequest.describe("/a.asf").bytes())).isEqualTo("MMSH Describe");
        assertThat(trigger(MMSH, MmshRequest.play("/a.asf").bytes())).isEqualTo("MMSH Play");
        assertThat(trigger(MMSH, MmshRequest.log("/a.asf", 5).bytes())).isEqualTo("MMSH Log (POST)");
        assertThat(trigger(MMSH, MmshRequest.stop("/a.asf", 5).bytes())).isEqualTo("MMSH Stop (POST)");
        assertThat(trigger(MMSH, MmshRequest.selectStream("/a.asf", 5).bytes())).isEqualTo("MMSH SelectStream (GET)");
        assertThat(trigger(MMSH, "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MMSH malformed request line");
        assertThat(trigger(MMSH, "PUT /a HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("MMSH invalid method");
    }

    @Test
    void stateBeforeWalksTheValidSequenceAndStopsAtTheFirstOddStep() {
        List<Step> streaming = path.prefix(FuzzState.STREAMING);
        for (int k = 0; k <= streaming.size(); k++) {
            assertThat(Triggers.stateBefore(MMST, streaming, k)).isEqualTo(MmstPath.reached(k, FuzzState.STREAMING));
        }
        assertThat(Triggers.stateBefore(MMST, path.prefix(FuzzState.END_OF_STREAM), 7))
                .isEqualTo(FuzzState.END_OF_STREAM);
        assertThat(Triggers.stateBefore(MMST, path.prefix(FuzzState.PLAYING), 7)).isEqualTo(FuzzState.PLAYING);

        // OpenFile before Connect: nothing valid was reached
        List<Step> swapped = new ArrayList<>(path.prefix(FuzzState.OPENED));
        swapped.add(0, swapped.remove(3));
        assertThat(Triggers.stateBefore(MMST, swapped, 4)).isEqualTo(FuzzState.START);
        // a damaged ConnectFunnel stops the walk at CONNECTED
        List<Step> damaged = new ArrayList<>(path.prefix(FuzzState.OPENED));
        damaged.set(2, damaged.get(2).withBytes(Arrays.copyOf(damaged.get(2).bytes(), 50)));
        assertThat(Triggers.stateBefore(MMST, damaged, 4)).isEqualTo(FuzzState.CONNECTED);
        // other connections do not move connection 0
        List<Step> other = new ArrayList<>();
        for (Step s : path.prefix(FuzzState.OPENED)) {
            other.add(new Step(1, s.bytes(), s.segmenting(), s.await(), s.note()));
        }
        assertThat(Triggers.stateBefore(MMST, other, 4)).isEqualTo(FuzzState.START);
    }

    @Test
    void mmshStateBeforeCountsTheValidDescribeAndPlay() {
        MmshAttacks a = new MmshAttacks("sample.asf", new byte[0]);
        for (FuzzState s : MmshAttacks.STATES) {
            List<Step> steps = new ArrayList<>(a.prefix(s));
            steps.add(new Step(steps.size(), new byte[] {1}, Step.Segmenting.WHOLE, Step.Await.NOTHING, "x"));
            assertThat(Triggers.stateBefore(MMSH, steps, steps.size() - 1)).isEqualTo(s);
        }
    }

    private static String trigger(SessionPlan.Transport t, byte[] b) {
        return Triggers.trigger(t, new Step(0, b, Step.Segmenting.WHOLE, Step.Await.NOTHING, "test"));
    }
}
