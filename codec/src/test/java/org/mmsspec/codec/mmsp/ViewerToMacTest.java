package org.mmsspec.codec.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.gen.MessageGenerator;
import org.mmsspec.codec.gen.ViewerToMacGenerators;

class ViewerToMacTest {

    static final int SEEDS = 200;

    static Stream<MessageGenerator> generators() {
        return ViewerToMacGenerators.ALL.stream();
    }

    @Test
    void everyClientMessageTypeHasOneGenerator() {
        assertThat(ViewerToMacGenerators.ALL).extracting(MessageGenerator::type)
                .containsExactlyElementsOf(ViewerToMac.TYPES);
        assertThat(ViewerToMac.TYPES).hasSize(14).allSatisfy(t -> assertThat(t.direction()).isEqualTo(Direction.C2S));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void generatedMessagesRoundTripWithoutViolations(MessageGenerator g) {
        for (long seed = 0; seed < SEEDS; seed++) {
            MmsMessage m = g.generate(new SplittableRandom(seed));
            byte[] b = CommandPacketCodec.encode((int) seed & 0xFFFF, m);
            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT);
            String at = g.type().name() + " seed " + seed;
            assertThat(d.violations()).as(at).isEmpty();
            assertThat(d.value().message()).as(at).isEqualTo(m);
            assertThat(CommandPacketCodec.encode(d.value())).as(at).isEqualTo(b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void corruptedMessagesGiveViolationsOrMalformedInputOnly(MessageGenerator g) {
        for (long seed = 0; seed < SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            byte[] b = CommandPacketCodec.encode(0, g.generate(r));
            // flip bytes after the header (lengths and offsets included), then cut anywhere
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                b[32 + r.nextInt(b.length - 32)] = (byte) r.nextInt(256);
            }
            int len = r.nextBoolean() ? b.length : r.nextInt(b.length + 1);
            try {
                CommandPacketCodec.decode(b, 0, len, Direction.C2S, DecodeOptions.LENIENT);
            } catch (MalformedInputException expected) {
                assertThat(expected.getMessage()).as(g.type().name() + " seed " + seed).contains("MS-MMSP");
            }
        }
    }

    static LinkViewerToMacLogging logging(SplittableRandom r) {
        return (LinkViewerToMacLogging) ViewerToMacGenerators.ALL.stream()
                .filter(g -> g.type() == LinkViewerToMacLogging.TYPE).findFirst().orElseThrow().generate(r);
    }

    static List<Violation> decode(MmsMessage m) {
        return CommandPacketCodec.decode(CommandPacketCodec.encode(0, m), Direction.C2S, DecodeOptions.LENIENT)
                .violations();
    }

    static List<String> fields(MmsMessage m) {
        return decode(m).stream().map(v -> v.level() + " " + v.field()).toList();
    }

    @Test
    void loggingIs1498BytesPaddedTo188Chunks() {
        MmsMessage m = logging(new SplittableRandom(1));
        byte[] b = CommandPacketCodec.encode(0, m);
        assertThat(b).hasSize(32 + 188 * 8);
        assertThat(b[32]).isEqualTo((byte) 188);
    }

    @Test
    void loggingStringsAtTheirOffsets() {
        var m = logging(new SplittableRandom(7));
        byte[] b = CommandPacketCodec.encode(0, m);
        int log = 32 + 8;
        assertThat(new String(b, log + 1454, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mms");
        assertThat(b[log + 1454 + 3]).isZero();
        assertThat(new String(b, log + 1462, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(m.log().szTransport());
        // CLIENT_LOG_INFO.rate (i16) sits at 4 + 1104 in CLIENT_LOG
        int rate = (short) ((b[log + 1108] & 0xFF) | b[log + 1109] << 8);
        assertThat(rate).isEqualTo(m.log().info().rate());
    }

    @Test
    void ffmpegFunnelInfoIsTwoViolationsNotAnException() {
        // 0x00F0F0F0 and an extra u32 0x0004000B in the same 16 bytes
        byte[] b = CommandPacketCodec.encode(1, new LinkViewerToMacFunnelInfo(0x00F0F0F0L));
        b[44] = 0x0B;
        b[46] = 0x04;
        var d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT);
        assertThat(d.violations()).extracting(v -> v.level() + " " + v.field() + " " + v.section())
                .containsExactlyInAnyOrder("MUST playIncarnation MS-MMSP 2.2.4.19", "SHOULD padding MS-MMSP 2.2.4");
        assertThat(d.accepted()).isFalse();
    }

    @Test
    void openFileTokenOffsetIsCountedFromFileName() {
        var m = LinkViewerToMacOpenFile.of(1, "abc.asf", Bytes.ofHex("41414100"));
        assertThat(m.token()).isEqualTo(0x10); // the spec's own example
        assertThat(decode(m)).isEmpty();
        assertThat(fields(new LinkViewerToMacOpenFile(1, 0, 0x12, 4, "abc.asf", Bytes.ofHex("41414100"))))
                .contains("MUST token");
        assertThat(fields(LinkViewerToMacOpenFile.of(1, "a%20b.asf", Bytes.EMPTY))).containsExactly("MUST fileName");
        assertThat(fields(LinkViewerToMacOpenFile.of(0xFF, "a.asf", Bytes.EMPTY))).containsExactly("MUST playIncarnation");
        assertThat(fields(new LinkViewerToMacOpenFile(1, 0, 4, 0, "a", Bytes.EMPTY))).containsExactly("MUST token");
    }

    @Test
    void startPlayingOptionalFieldsFollowChunkLen() {
        for (int n : new int[] {0, 2, 3}) {
            var m = new LinkViewerToMacStartPlaying(1, 0, 0.0, 0xFFFFFFFFL, 0xFFFFFFFFL, 0, 9, n, n >= 2 ? 7 : 0,
                    n >= 2 ? 8 : 0, n == 3 ? 9 : 0);
            byte[] b = CommandPacketCodec.encode(0, m);
            assertThat(b[32]).as("chunkLen for %d optional fields", n).isEqualTo((byte) (n == 0 ? 5 : n + 4));
            assertThat(CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT).value().message())
                    .isEqualTo(m);
        }
    }

    @Test
    void startPlayingPositionRules() {
        assertThat(fields(LinkViewerToMacStartPlaying.of(1, Double.MAX_VALUE, 9))).containsExactly("MUST position");
        assertThat(fields(LinkViewerToMacStartPlaying.of(1, -1.0, 9))).containsExactly("MUST position");
        assertThat(fields(LinkViewerToMacStartPlaying.of(1, Double.NaN, 9))).containsExactly("MUST position");
    }

    @Test
    void startStridingNamesOneStartPointAndANonZeroRate() {
        assertThat(fields(LinkViewerToMacStartStriding.of(1, 0.0, 9, 2.0))).isEmpty();
        assertThat(fields(LinkViewerToMacStartStriding.of(1, 0.0, 9, 0.0))).containsExactly("MUST rate");
        assertThat(fields(LinkViewerToMacStartStriding.of(1, 0.0, 9, -5.5))).containsExactly("MUST rate");
        assertThat(fields(new LinkViewerToMacStartStriding(1, 0, 0.0, 100, 0, 0, 9, 1.0)))
                .containsExactly("MUST asfOffset");
        assertThat(fields(new LinkViewerToMacStartStriding(1, 0, Double.MAX_VALUE, 100, 7, 0, 9, 1.0)))
                .containsExactly("MUST locationId");
        assertThat(fields(new LinkViewerToMacStartStriding(1, 0, Double.MAX_VALUE, 0, 7, 0, 9, 1.0))).isEmpty();
    }

    @Test
    void funnelNameGrammar() {
        for (String ok : new String[] {"\\\\192.168.0.129\\TCP\\1037", "\\\\::1\\UDP\\65535",
                "\\\\2001:db8::ffff:10.0.0.1\\TCP\\1", "\\\\1:2:3:4:5:6:7:8\\UDP\\7000"}) {
            assertThat(LinkViewerToMacConnectFunnel.isFunnelName(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"\\\\192.168.0.129\\TCP\\0", "\\\\192.168.0.129\\TCP\\65536",
                "\\\\192.168.0.256\\TCP\\1037", "\\\\192.168.00.1\\TCP\\1037", "\\\\host\\TCP\\1037",
                "\\192.168.0.1\\TCP\\1037", "\\\\192.168.0.1\\tcp\\1037", "\\\\1:2:3:4:5:6:7\\TCP\\1",
                "\\\\1::2::3\\TCP\\1", "\\\\192.168.0.1\\TCP\\123456", ""}) {
            assertThat(LinkViewerToMacConnectFunnel.isFunnelName(bad)).as(bad).isFalse();
        }
        assertThat(fields(new LinkViewerToMacConnectFunnel(0, 0xFFFFFFFFL, 0, 0x00989680L, 1,
                "\\\\192.168.0.1\\TCP\\1242"))).containsExactly("MUST funnelMode");
    }

    @Test
    void loggingStringRules() {
        var m = logging(new SplittableRandom(3));
        ClientLog l = m.log();
        var bad = new ClientLog(l.cbSize(), l.info(), l.dwSourceId(), l.dwIPAddress(), "", l.szOS(),
                l.qwOSVersion(), l.szCPU(), "http", "QUIC", l.dwPacketsLostNet(), l.dwPacketsLostContNet(),
                l.dwResendRequests(), l.dwPacketsRecoveredResent(), l.dwPacketsResent());
        assertThat(decode(new LinkViewerToMacLogging(bad))).extracting(v -> v.section().number() + " " + v.field())
                .containsExactlyInAnyOrder("2.2.1 szComputerDNS", "2.2.1.1 szProto", "2.2.1.1 szTransport");
    }

    @Test
    void loggingBytesAfterAStringsNulAreAShouldViolationNotDropped() {
        byte[] b = CommandPacketCodec.encode(0, logging(new SplittableRandom(5)));
        // the first ANSI field with room after its NUL
        var field = CommandPacketCodec.layout(b, Direction.C2S).messages().get(0).fields().stream()
                .filter(f -> f.kind() == org.mmsspec.codec.FieldSpan.Kind.ANSI && b[f.end() - 2] == 0).findFirst()
                .orElseThrow();
        b[field.end() - 1] = 'x';
        Decoded<CommandPacket> d = CommandPacketCodec.decode(b, Direction.C2S, DecodeOptions.STRICT);
        assertThat(d.violations()).extracting(v -> v.level() + " " + v.field() + " @" + v.offset())
                .containsExactly("SHOULD " + field.name() + " @" + (field.end() - 1));
        assertThat(CommandPacketCodec.encode(d.value())).isNotEqualTo(b); // the byte is lost, hence the violation
    }

    @Test
    void securityResponseLengthBeyondTheMessageIsAViolation() {
        var m = new LinkViewerToMacSecurityResponse(1, 2, 100, Bytes.ofHex("0000aabb"));
        assertThat(decode(m)).extracting(Violation::field).containsExactly("cbToken");
        assertThat(decode(m)).extracting(Violation::level).containsExactly(Level.MUST);
    }

    /** WMS 4.0/4.1 servers name themselves "Spoooon!" (the spec spells it with four and five o's); they keep padding. */
    @Test
    void spoooonNamesWms4InEitherSpelling() {
        assertThat(LinkViewerToMacConnect.of("NSPlayer/7.0.0.1956; {7E667F5D-A661-495E-A512-F55686DDA178}")
                .isSpoooon()).isFalse();
        assertThat(LinkViewerToMacConnect.of("Spoooon!").isSpoooon()).isTrue();
        assertThat(LinkViewerToMacConnect.of("Spooooon!; {00000000-0000-0000-0000-000000000000}").isSpoooon())
                .isTrue();
    }
}
