package org.mmsspec.harness.fuzz.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.SessionPlan;
import org.mmsspec.harness.fuzz.Step;

class SessionGeneratorTest {

    static final String PATH = "sample.asf";
    static final int SESSIONS = 5000;

    private final SessionGenerator gen = new SessionGenerator(7, PATH);

    @Test
    void aSeedAndNumberGiveTheSameBytesWhateverRanBefore() {
        SessionGenerator other = new SessionGenerator(7, PATH);
        for (long n = 2999; n >= 0; n--) {
            assertThat(other.plan(n)).isEqualTo(gen.plan(n));
        }
        assertThat(new SessionGenerator(8, PATH).plan(5).steps()).isNotEqualTo(gen.plan(5).steps());
    }

    @Test
    void differentNumbersGiveDifferentSessions() {
        Set<List<String>> transcripts = new HashSet<>();
        int sameAsBefore = 0;
        List<String> before = List.of();
        for (long n = 0; n < SESSIONS; n++) {
            List<String> t = gen.plan(n).steps().stream().map(s -> s.connection() + Arrays.toString(s.bytes())
                    + s.segmenting()).toList();
            transcripts.add(t);
            sameAsBefore += t.equals(before) ? 1 : 0;
            before = t;
        }
        System.out.printf("%d distinct transcripts in %d sessions%n", transcripts.size(), SESSIONS);
        // the structured families (reorder, repeat, 1-byte writes, extremes) have finitely many forms and come
        // again; the rest are seeded anew each time
        assertThat(sameAsBefore).isLessThan(SESSIONS / 100);
        assertThat(transcripts.size()).isGreaterThan(SESSIONS / 2);
    }

    @Test
    void everyStateAndEveryAttackFamilyComesUpEarly() {
        Set<FuzzState> states = EnumSet.noneOf(FuzzState.class);
        Set<String> families = new HashSet<>();
        for (long n = 0; n < 3000; n++) {
            SessionPlan p = gen.plan(n);
            states.add(p.state());
            families.add(p.transport() + " " + p.attack().substring(0, p.attack().indexOf(':')));
        }
        assertThat(states).containsExactlyInAnyOrder(FuzzState.values());
        List<String> all = new ArrayList<>();
        for (MmstAttacks.Family f : MmstAttacks.Family.values()) {
            all.add("MMST " + f.label());
        }
        for (MmshAttacks.Family f : MmshAttacks.Family.values()) {
            all.add("MMSH " + f.label());
        }
        assertThat(families).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theCheapStatesDominateAndTheStreamingOnesStillComeOften() {
        int[] count = new int[FuzzState.values().length];
        for (long n = 0; n < SESSIONS; n++) {
            count[gen.plan(n).state().ordinal()]++;
        }
        int cheap = count[FuzzState.START.ordinal()] + count[FuzzState.CONNECTED.ordinal()]
                + count[FuzzState.FUNNEL.ordinal()] + count[FuzzState.OPENED.ordinal()];
        int streaming = count[FuzzState.PLAYING.ordinal()] + count[FuzzState.STREAMING.ordinal()]
                + count[FuzzState.END_OF_STREAM.ordinal()];
        assertThat(cheap).isGreaterThan(2 * streaming);
        for (FuzzState s : MmstPath.STATES) {
            assertThat(count[s.ordinal()]).as(s.label()).isGreaterThan(SESSIONS / 50);
        }
    }

    /** At least one session in 500 sends each input the reference's planted bugs react to, after a valid prefix. */
    @Test
    void theInputsOfThePlantedBugsComeAtLeastOnceIn500Sessions() {
        int unterminated = sessionsWith(s -> mid(s) == LinkViewerToMacConnect.TYPE.mid() && !nulAfter(s, 52),
                FuzzState.START);
        int lengthZero = sessionsWith(s -> mid(s) == LinkViewerToMacReadBlock.TYPE.mid() && s.length >= 56
                && MmstAttacks.read(s, 52, 4) == 0, FuzzState.OPENED);
        int pong = sessionsWith(s -> mid(s) == LinkViewerToMacPong.TYPE.mid(), FuzzState.CONNECTED);
        System.out.printf("in %d sessions: unterminated subscriberName %d, ReadBlock length 0 %d, Pong %d%n",
                SESSIONS, unterminated, lengthZero, pong);
        assertThat(unterminated).isGreaterThanOrEqualTo(SESSIONS / 500);
        assertThat(lengthZero).isGreaterThanOrEqualTo(SESSIONS / 500);
        assertThat(pong).isGreaterThanOrEqualTo(SESSIONS / 500);
    }

    /** Sessions with a step on connection 0 matching {@code p} sent once its valid steps reached {@code least}. */
    private int sessionsWith(Predicate<byte[]> p, FuzzState least) {
        int n = 0;
        for (long i = 0; i < SESSIONS; i++) {
            SessionPlan plan = gen.plan(i);
            List<Step> steps = plan.steps();
            for (int k = 0; k < steps.size(); k++) {
                if (plan.transport() == SessionPlan.Transport.MMST && steps.get(k).connection() == 0
                        && p.test(steps.get(k).bytes())
                        && Triggers.stateBefore(plan.transport(), steps, k).compareTo(least) >= 0) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static long mid(byte[] b) {
        return b.length < 40 ? -1 : MmstAttacks.read(b, 36, 4);
    }

    /** Whether a NUL code unit follows {@code from} within the first packet. */
    private static boolean nulAfter(byte[] b, int from) {
        int end = (int) Math.min(b.length, 16 + MmstAttacks.read(b, 8, 4));
        for (int i = from; i + 1 < end; i += 2) {
            if (b[i] == 0 && b[i + 1] == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theValidStepsBeforeTheAttackReachThePlansState() {
        for (long n = 0; n < SESSIONS; n++) {
            SessionPlan p = gen.plan(n);
            List<Step> steps = p.steps();
            int guilty = steps.size() - 1;
            if (p.transport() == SessionPlan.Transport.MMST) {
                guilty = 0;
                while (guilty < steps.size() && (steps.get(guilty).connection() != 0
                        || steps.get(guilty).await() != Step.Await.NOTHING
                        && steps.get(guilty).segmenting() == Step.Segmenting.WHOLE)) {
                    guilty++;
                }
            }
            assertThat(Triggers.stateBefore(p.transport(), steps, guilty)).as(p.attack()).isEqualTo(p.state());
        }
    }

    @Test
    void mmshRequestsAreBoundedAndTheValidOnesAreWhatTheyClaim() {
        for (long n = 0; n < SESSIONS; n++) {
            SessionPlan p = gen.plan(n);
            if (p.transport() != SessionPlan.Transport.MMSH) {
                continue;
            }
            for (Step s : p.steps()) {
                assertThat(s.length()).isLessThan(64 * 1024);
                assertThat(s.connection()).isEqualTo(p.steps().indexOf(s)); // one request per connection
                if (s.note().equals("Describe") || s.note().equals("Play")) {
                    assertThat(Triggers.trigger(SessionPlan.Transport.MMSH, s)).isEqualTo("MMSH " + s.note());
                    assertThat(new String(s.bytes(), StandardCharsets.ISO_8859_1)).endsWith("\r\n\r\n");
                }
            }
            if (p.attack().startsWith("pragma:")) {
                // the Pragma tokens change, never the request line
                assertThat(Triggers.trigger(p.transport(), p.steps().get(p.steps().size() - 1)))
                        .startsWith("MMSH ").isNotEqualTo("MMSH malformed request line");
            }
        }
    }

    @Test
    void theProbeIsTheValidSequenceUpToTheHeader() {
        SessionPlan probe = SessionGenerator.probe(PATH);
        assertThat(probe.steps()).extracting(s -> Triggers.trigger(probe.transport(), s)).containsExactly(
                "LinkViewerToMacConnect", "LinkViewerToMacFunnelInfo", "LinkViewerToMacConnectFunnel",
                "LinkViewerToMacOpenFile", "LinkViewerToMacReadBlock");
        assertThat(probe.steps().get(4).await()).isEqualTo(Step.Await.HEADER);
        assertThat(Triggers.stateBefore(probe.transport(), probe.steps(), 5)).isEqualTo(FuzzState.READ_BLOCK);
    }

    /** Prints what a plan costs; the campaign's bench command is where the figure is judged. */
    @Test
    void printsTheCostOfAPlan() {
        long sink = 0;
        for (long n = 0; n < 50_000; n++) {
            sink += gen.plan(n).steps().size(); // warm up, and build the shared mutation pools
        }
        long t = System.nanoTime();
        int n = 100_000;
        for (long i = 0; i < n; i++) {
            sink += gen.plan(1_000_000 + i).steps().size();
        }
        System.out.printf("SessionGenerator: %.2f us per plan (%d steps)%n", (System.nanoTime() - t) / 1e3 / n, sink);
    }
}
