package org.mmsspec.harness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.mmsspec.cases.Verdict;
import org.mmsspec.cases.server.CaseResult;
import org.mmsspec.cases.server.CaseRunner;
import org.mmsspec.cases.server.RunSettings;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.ServerCases;
import org.mmsspec.cases.server.Target;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.harness.conformance.WireRelay.Mutator;
import org.mmsspec.harness.conformance.WireRelay.Phase;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.reference.ReferenceServers;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Scenario;

/**
 * Each framing case (MmspFramingCases) against a reference that breaks the case's rule: the case must then give
 * FAIL (WARN for a SHOULD). Faults in reply fields come from the scenario; faults in the framing bytes (seal, seq,
 * LocationId, AFFlags ...) from a {@link WireRelay} between the case and the reference. A few controls show that a
 * conformant change (a header split in two fragments) still passes.
 */
class FramingFaultsTest {

    private static final long MID_OPEN_FILE = 0x00040006L;
    private static final long MID_CONNECTED_EX = 0x00040001L;

    /** One fault and the case that must catch it. */
    record Mutant(String caseId, String fault, Verdict expected, Profile profile,
            UnaryOperator<Scenario.Builder> scenario, Supplier<Mutator> wire, WireRelay.UdpMutator udp) {

        Mutant(String caseId, String fault, Verdict expected, Profile profile,
                UnaryOperator<Scenario.Builder> scenario, Supplier<Mutator> wire) {
            this(caseId, fault, expected, profile, scenario, wire, null);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFramingCaseCatchesItsFault() {
        return mutants().stream().map(m -> DynamicTest.dynamicTest(m.caseId() + " under " + m.fault(),
                () -> assertThat(run(m).verdict()).as(m.caseId() + " under " + m.fault()).isEqualTo(m.expected())));
    }

    private static CaseResult run(Mutant m) throws Exception {
        ServerCase c = ServerCases.all().stream().filter(x -> x.id().equals(m.caseId())).findFirst().orElseThrow();
        try (ReferenceServers ref = ReferenceServers.start(m.scenario());
                WireRelay relay = new WireRelay(ref.mmsPort(), m.wire(), m.udp())) {
            Target t = new Target("faulty reference", "127.0.0.1", relay.port(), ref.httpPort(),
                    ReferenceServers.MEDIA, Optional.empty(), Optional.of(new Target.Endpoint("127.0.0.1",
                            relay.port(), ref.httpPort(), ReferenceServers.PLAYLIST)), Optional.empty(), false);
            CaseResult r = new CaseRunner(t, new RunSettings(RunSettings.DEFAULT_TIMEOUT, m.profile(), false)).run(c);
            System.out.println(m.caseId() + " under " + m.fault() + ": " + r.verdict() + " " + r.message());
            return r;
        }
    }

    static List<Mutant> mutants() {
        List<Mutant> l = new ArrayList<>();
        // 2.2 and 2.2.3: the header of every reply
        wire(l, "MMSP-2.2-01", "MID of ReportEndOfStream written big-endian",
                commandWhere(WireRelay.MID_END_OF_STREAM, b -> reverse(b, 36, 4)));
        wire(l, "MMSP-2.2.3-01", "rep 0x02", everyCommand(b -> b[0] = 2));
        wire(l, "MMSP-2.2.3-02", "version 0x01", everyCommand(b -> b[1] = 1));
        wire(l, "MMSP-2.2.3-03", "versionMinor 0x01", everyCommand(b -> b[2] = 1));
        l.add(new Mutant("MMSP-2.2.3-04", "padding 0x01", Verdict.WARN, Profile.DEPLOYED, UnaryOperator.identity(),
                everyCommand(b -> b[3] = 1)));
        wire(l, "MMSP-2.2.3-05", "sessionId 0xB00BFACF", everyCommand(b -> WireRelay.putU32(b, 4, 0xB00BFACFL)));
        wire(l, "MMSP-2.2.3-06", "ReportOpenFile messageLength 8 more than its messages",
                () -> (u, cmd, s) -> List.of(cmd && s.lastMid == MID_OPEN_FILE ? grow(u, 8, false) : u));
        wire(l, "MMSP-2.2.3-07", "seal \"MMS!\"", everyCommand(b -> b[15] = '!'));
        wire(l, "MMSP-2.2.3-08", "chunkCount + 1",
                everyCommand(b -> WireRelay.putU32(b, 16, WireRelay.u32(b, 16) + 1)));
        scenario(l, "MMSP-2.2.3-08", "none, judged under --profile literal", Profile.LITERAL, UnaryOperator.identity());
        wire(l, "MMSP-2.2.3-09", "seq counted from 1", everyCommand(b -> WireRelay.putU16(b, 20, seq(b) + 1)));
        wire(l, "MMSP-2.2.3-10", "seq skips one after the third reply",
                () -> (u, cmd, s) -> {
                    if (cmd && s.commands > 3) {
                        WireRelay.putU16(u, 20, seq(u) + 1);
                    }
                    return List.of(u);
                });
        wire(l, "MMSP-2.2.3-11", "MBZ 0x0001", everyCommand(b -> WireRelay.putU16(b, 22, 1)));
        wire(l, "MMSP-2.2.3-12", "ReportOpenFile message area 4 bytes past a multiple of 8",
                () -> (u, cmd, s) -> List.of(cmd && s.lastMid == MID_OPEN_FILE ? grow(u, 4, false) : u));
        // 2.2.4: chunkLen and MID
        wire(l, "MMSP-2.2.4-01", "ReportConnectedEX chunkLen one more than the packet holds",
                commandWhere(MID_CONNECTED_EX, b -> WireRelay.putU32(b, 32, WireRelay.u32(b, 32) + 1)));
        // more padding than needed is legal: the codec's SHOULD warns, the MUST holds
        l.add(new Mutant("MMSP-2.2.4-01", "ReportConnectedEX chunkLen one more, 8 pad bytes appended (control)",
                Verdict.WARN, Profile.DEPLOYED, UnaryOperator.identity(),
                () -> (u, cmd, s) -> List.of(cmd && s.lastMid == MID_CONNECTED_EX ? grow(u, 8, true) : u)));
        wire(l, "MMSP-2.2.4-02", "ReportOpenFile chunkLen one less",
                commandWhere(MID_OPEN_FILE, b -> WireRelay.putU32(b, 32, WireRelay.u32(b, 32) - 1)));
        wire(l, "MMSP-2.2.4-03", "ReportEndOfStream MID 0x0004001F",
                commandWhere(WireRelay.MID_END_OF_STREAM, b -> WireRelay.putU32(b, 36, 0x0004001FL)));
        udp(l, "MMSP-2.2.4-04", "a LinkMacToViewerPing command packet sent as a datagram after the header",
                (d, i) -> i == 0 ? List.of(d, CommandPacketCodec.encode(0, LinkMacToViewerPing.of())) : List.of(d));
        wire(l, "MMSP-2.2.4.5-01", "ReportEndOfStream MID 0x0004001F",
                commandWhere(WireRelay.MID_END_OF_STREAM, b -> WireRelay.putU32(b, 36, 0x0004001FL)));
        // 2.2.2: Data packets
        wire(l, "MMSP-2.2.2-01", "header LocationId + 1", data(Phase.HEADER, (b, s) -> WireRelay.putU32(b, 0, 1)));
        wire(l, "MMSP-2.2.2-02", "header in two fragments, both LocationId 0", () -> splitHeader(0x04, 0));
        l.add(new Mutant("MMSP-2.2.2-02", "header in two fragments (conformant control)", Verdict.PASS,
                Profile.DEPLOYED, UnaryOperator.identity(), () -> splitHeader(0x04, 1)));
        wire(l, "MMSP-2.2.2-03", "content LocationId + 1",
                data(Phase.CONTENT, (b, s) -> WireRelay.putU32(b, 0, WireRelay.u32(b, 0) + 1)));
        wire(l, "MMSP-2.2.2-04", "third content packet repeats the second's LocationId", data(Phase.CONTENT,
                (b, s) -> {
                    if (s.content == 2) {
                        WireRelay.putU32(b, 0, WireRelay.u32(b, 0) - 1);
                    }
                }));
        wire(l, "MMSP-2.2.2-06", "content playIncarnation 0x00", data(Phase.CONTENT, (b, s) -> b[4] = 0));
        wire(l, "MMSP-2.2.2-07", "content AFFlags + 1", data(Phase.CONTENT, (b, s) -> b[5]++));
        wire(l, "MMSP-2.2.2-08", "content AFFlags skip one from the sixth packet", data(Phase.CONTENT, (b, s) -> {
            if (s.content >= 5) {
                b[5]++;
            }
        }));
        l.add(new Mutant("MMSP-2.2.2-09", "no restart at 0x00 after 0xFE", Verdict.WARN, Profile.DEPLOYED,
                UnaryOperator.identity(), FramingFaultsTest::noRestartAfterFe));
        wire(l, "MMSP-2.2.2-10", "header in two fragments, the first AFFlags 0x00", () -> splitHeader(0x00, 1));
        l.add(new Mutant("MMSP-2.2.2-10", "header in two fragments (conformant control)", Verdict.PASS,
                Profile.DEPLOYED, UnaryOperator.identity(), () -> splitHeader(0x04, 1)));
        wire(l, "MMSP-2.2.2-12", "fourth content packet's PacketSize 4 more than its bytes",
                data(Phase.CONTENT, (b, s) -> {
                    if (s.content == 3) {
                        WireRelay.putU16(b, 6, b.length + 4);
                    }
                }));
        udp(l, "MMSP-2.2.2-13", "PacketSize of the third datagram 1 more than its length", (d, i) -> {
            if (i == 2) {
                WireRelay.putU16(d, 6, d.length + 1);
            }
            return List.of(d);
        });
        l.add(new Mutant("MMSP-2.2.2-13", "datagrams passed unchanged through the UDP relay (control)", Verdict.PASS,
                Profile.DEPLOYED, UnaryOperator.identity(), FramingFaultsTest::unchanged, (d, i) -> List.of(d)));
        scenario(l, "MMSP-2.2.2-05", "ReportOpenFile filePacketCount 10", Profile.DEPLOYED,
                override("LinkMacToViewerReportOpenFile", "filePacketCount", 10));
        scenario(l, "MMSP-2.2.2-11", "headerLastFlag 0x08, judged under --profile literal", Profile.LITERAL,
                b -> b.faults(faults(List.of(), Set.of(), 0x08)));
        // 2.2.4.5 and 3.2.4.1: the end of the stream
        scenario(l, "MMSP-2.2.4.5-02", "ReportEndOfStream playIncarnation 0x77", Profile.DEPLOYED,
                override("LinkMacToViewerReportEndOfStream", "playIncarnation", 0x77));
        scenario(l, "MMSP-2.2.4.5-03", "ReportEndOfStream playIncarnation 0x77", Profile.DEPLOYED,
                override("LinkMacToViewerReportEndOfStream", "playIncarnation", 0x77));
        scenario(l, "MMSP-3.2.4.1-01", "ReportEndOfStream dropped", Profile.DEPLOYED,
                b -> b.faults(faults(List.of(), Set.of("LinkMacToViewerReportEndOfStream"), 0x0C)));
        for (String id : List.of("MMSP-3.2.4.1-02", "MMSP-3.2.4.1-03", "MMSP-3.2.4.1-04")) {
            scenario(l, id, "ReportEndOfStream hr 5", Profile.DEPLOYED,
                    override("LinkMacToViewerReportEndOfStream", "hr", 5));
        }
        wire(l, "MMSP-3.2.4.1-05", "the last content packet again after ReportEndOfStream", () -> {
            byte[][] last = new byte[1][];
            return (u, cmd, s) -> {
                if (!cmd && s.phase == Phase.CONTENT) {
                    last[0] = u;
                }
                return cmd && s.lastMid == WireRelay.MID_END_OF_STREAM && last[0] != null ? List.of(u, last[0])
                        : List.of(u);
            };
        });
        l.add(new Mutant("MMSP-3.2.4.1-06", "ReportEndOfStream hr 1 and ReportStreamChange in one packet",
                Verdict.WARN, Profile.DEPLOYED, UnaryOperator.identity(), FramingFaultsTest::mergeAfterEndOfEntry));
        scenario(l, "MMSP-3.2.4.1-07", "ReportStartedPlaying hr 0x80004005", Profile.DEPLOYED,
                override("LinkMacToViewerReportStartedPlaying", "hr", 0x80004005L));
        // 3.2.5.8.1: the header's Data packets
        scenario(l, "MMSP-3.2.5.8.1-01", "ReportOpenFile fileHeaderSize 700", Profile.DEPLOYED,
                override("LinkMacToViewerReportOpenFile", "fileHeaderSize", 700));
        wire(l, "MMSP-3.2.5.8.1-02", "a byte of the Data Object GUID changed",
                data(Phase.HEADER, (b, s) -> b[b.length - 50 + 3] ^= 0x55));
        wire(l, "MMSP-3.2.5.8.1-03", "header playIncarnation 1 (OpenFile's)", data(Phase.HEADER, (b, s) -> b[4] = 1));
        scenario(l, "MMSP-3.2.5.8.1-04", "ReportOpenFile filePacketSize 512", Profile.DEPLOYED,
                override("LinkMacToViewerReportOpenFile", "filePacketSize", 512));
        wire(l, "MMSP-3.2.5.8.1-05", "header Data packets dropped",
                () -> (u, cmd, s) -> !cmd && s.phase == Phase.HEADER ? List.of() : List.of(u));
        scenario(l, "MMSP-3.2.5.8.1-06", "MMSU silent: no Data packet over UDP", Profile.DEPLOYED,
                b -> b.behaviour(Protocol.MMSU, Behaviour.SILENT));
        wire(l, "MMSP-3.2.5.8.1-07", "a Data packet right after the header", () -> (u, cmd, s) -> {
            if (!cmd && s.phase == Phase.HEADER && s.plays == 0 && ((u[5] & 0xFF) == 0x0C)) {
                byte[] extra = u.clone();
                extra[5] = 0;
                return List.of(u, extra);
            }
            return List.of(u);
        });
        scenario(l, "MMSP-3.2.5.8.1-08", "ReportReadBlock hr 0x80004005", Profile.DEPLOYED,
                override("LinkMacToViewerReportReadBlock", "hr", 0x80004005L));
        // 3.2.5.11.1: the content's Data packets
        scenario(l, "MMSP-3.2.5.11.1-01", "ReportOpenFile filePacketSize 512", Profile.DEPLOYED,
                override("LinkMacToViewerReportOpenFile", "filePacketSize", 512));
        wire(l, "MMSP-3.2.5.11.1-02", "LocationId + 1 in the second play", data(Phase.CONTENT, (b, s) -> {
            if (s.plays == 2) {
                WireRelay.putU32(b, 0, WireRelay.u32(b, 0) + 1);
            }
        }));
        wire(l, "MMSP-3.2.5.11.1-03", "AFFlags restarts at 0 on every play",
                data(Phase.CONTENT, (b, s) -> b[5] = (byte) s.content));
        wire(l, "MMSP-3.2.5.11.1-04", "the new entry's header fragment takes an AFFlags number",
                data(Phase.CONTENT, (b, s) -> {
                    if (s.entriesEnded > 0) {
                        b[5]++;
                    }
                }));
        wire(l, "MMSP-3.2.5.11.1-05", "content playIncarnation 2 (ReadBlock's)", data(Phase.CONTENT, (b, s) -> b[4] = 2));
        wire(l, "MMSP-3.2.5.11.1-06", "content Data packets dropped",
                () -> (u, cmd, s) -> !cmd && s.phase == Phase.CONTENT ? List.of() : List.of(u));
        scenario(l, "MMSP-3.2.5.11.1-07", "MMSU silent: no Data packet over UDP", Profile.DEPLOYED,
                b -> b.behaviour(Protocol.MMSU, Behaviour.SILENT));
        scenario(l, "MMSP-3.2.5.11.1-08", "ReportStreamSwitch hr 0x80004005", Profile.DEPLOYED,
                override("LinkMacToViewerReportStreamSwitch", "hr", 0x80004005L));
        return l;
    }

    // ---- building mutants

    private static void wire(List<Mutant> l, String id, String fault, Supplier<Mutator> m) {
        l.add(new Mutant(id, fault, Verdict.FAIL, Profile.DEPLOYED, UnaryOperator.identity(), m));
    }

    private static void udp(List<Mutant> l, String id, String fault, WireRelay.UdpMutator m) {
        l.add(new Mutant(id, fault, Verdict.FAIL, Profile.DEPLOYED, UnaryOperator.identity(),
                FramingFaultsTest::unchanged, m));
    }

    private static Mutator unchanged() {
        return (u, cmd, s) -> List.of(u);
    }

    private static void scenario(List<Mutant> l, String id, String fault, Profile p,
            UnaryOperator<Scenario.Builder> change) {
        l.add(new Mutant(id, fault, Verdict.FAIL, p, change, FramingFaultsTest::unchanged));
    }

    private static UnaryOperator<Scenario.Builder> override(String message, String field, Object value) {
        return b -> b.faults(faults(List.of(new Faults.FieldOverride(message, field, value)), Set.of(), 0x0C));
    }

    private static Faults faults(List<Faults.FieldOverride> o, Set<String> drop, int headerLastFlag) {
        return new Faults(Map.of(), drop, o, false, false, null, null, headerLastFlag);
    }

    private static Supplier<Mutator> everyCommand(Consumer<byte[]> change) {
        return () -> (u, cmd, s) -> {
            if (cmd) {
                change.accept(u);
            }
            return List.of(u);
        };
    }

    private static Supplier<Mutator> commandWhere(long mid, Consumer<byte[]> change) {
        return () -> (u, cmd, s) -> {
            if (cmd && s.lastMid == mid) {
                change.accept(u);
            }
            return List.of(u);
        };
    }

    private interface DataChange {
        void apply(byte[] b, WireRelay.State s);
    }

    private static Supplier<Mutator> data(Phase phase, DataChange change) {
        return () -> (u, cmd, s) -> {
            if (!cmd && s.phase == phase) {
                change.apply(u, s);
            }
            return List.of(u);
        };
    }

    private static int seq(byte[] b) {
        return (b[20] & 0xFF) | (b[21] & 0xFF) << 8;
    }

    private static void reverse(byte[] b, int at, int n) {
        for (int i = 0; i < n / 2; i++) {
            byte t = b[at + i];
            b[at + i] = b[at + n - 1 - i];
            b[at + n - 1 - i] = t;
        }
    }

    /**
     * The packet with {@code n} zero bytes appended, messageLength and chunkCount grown to match; with
     * {@code chunkLen} the first message's chunkLen claims them too.
     */
    private static byte[] grow(byte[] u, int n, boolean chunkLen) {
        byte[] b = Arrays.copyOf(u, u.length + n);
        long messageLength = WireRelay.u32(b, 8) + n;
        WireRelay.putU32(b, 8, messageLength);
        WireRelay.putU32(b, 16, messageLength / 8);
        if (chunkLen) {
            WireRelay.putU32(b, 32, WireRelay.u32(b, 32) + n / 8);
        }
        return b;
    }

    /** The one header Data packet cut in two: the first with {@code firstFlags}, the second with LocationId {@code secondLocation}. */
    private static Mutator splitHeader(int firstFlags, long secondLocation) {
        return (u, cmd, s) -> {
            if (cmd || s.phase != Phase.HEADER || u.length < 16) {
                return List.of(u);
            }
            int payload = u.length - 8;
            int half = payload / 2;
            byte[] a = new byte[8 + half];
            byte[] b = new byte[8 + payload - half];
            System.arraycopy(u, 0, a, 0, 8 + half);
            System.arraycopy(u, 0, b, 0, 8);
            System.arraycopy(u, 8 + half, b, 8, payload - half);
            a[5] = (byte) firstFlags;
            WireRelay.putU16(a, 6, a.length);
            WireRelay.putU32(b, 0, secondLocation);
            WireRelay.putU16(b, 6, b.length);
            return List.of(a, b);
        };
    }

    /** After a play ending on AFFlags 0xFE, the next play's first packet carries 0xFF instead of 0x00. */
    private static Mutator noRestartAfterFe() {
        int[] last = {-1};
        int[] play = {0};
        return (u, cmd, s) -> {
            if (!cmd && s.phase == Phase.CONTENT) {
                if (s.content == 0 && play[0] != s.plays && last[0] == 0xFE) {
                    u[5] = (byte) 0xFF;
                }
                play[0] = s.plays;
                last[0] = u[5] & 0xFF;
            }
            return List.of(u);
        };
    }

    /** ReportEndOfStream hr 1 held back and sent in one packet with the command after it. */
    private static Mutator mergeAfterEndOfEntry() {
        byte[][] held = new byte[1][];
        return (u, cmd, s) -> {
            if (cmd && s.lastMid == WireRelay.MID_END_OF_STREAM && WireRelay.u32(u, 40) == 1) {
                held[0] = u;
                return List.of();
            }
            if (cmd && held[0] != null) {
                byte[] h = held[0];
                held[0] = null;
                byte[] m = Arrays.copyOf(h, h.length + u.length - 32);
                System.arraycopy(u, 32, m, h.length, u.length - 32);
                long messageLength = m.length - 16;
                WireRelay.putU32(m, 8, messageLength);
                WireRelay.putU32(m, 16, messageLength / 8);
                return List.of(m);
            }
            return List.of(u);
        };
    }
}
