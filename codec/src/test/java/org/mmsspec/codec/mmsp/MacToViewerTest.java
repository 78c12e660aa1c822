package org.mmsspec.codec.mmsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.gen.MacToViewerGenerators;
import org.mmsspec.codec.gen.MessageGenerator;

class MacToViewerTest {

    static final int SEEDS = 200;

    @Test
    void everyServerMessageTypeHasAGeneratorInSectionOrder() {
        assertThat(MacToViewer.TYPES).hasSize(14);
        assertThat(MacToViewerGenerators.ALL).extracting(MessageGenerator::type).isEqualTo(MacToViewer.TYPES);
        for (int i = 0; i < 14; i++) {
            assertThat(MacToViewer.TYPES.get(i).section().toString()).isEqualTo("MS-MMSP 2.2.4." + (i + 1));
        }
    }

    @TestFactory
    Stream<DynamicTest> generatedMessagesRoundTripWithoutViolations() {
        return MacToViewerGenerators.ALL.stream().map(g -> DynamicTest.dynamicTest(g.type().name(), () -> {
            for (long seed = 0; seed < SEEDS; seed++) {
                MmsMessage m = g.generate(new SplittableRandom(seed));
                assertThat(m.type()).isEqualTo(g.type());
                byte[] wire = CommandPacketCodec.encode((int) seed & 0xFFFF, m);
                Decoded<CommandPacket> d = CommandPacketCodec.decode(wire, Direction.S2C, DecodeOptions.STRICT);
                String at = g.type().name() + " seed " + seed;
                assertThat(d.violations()).as(at).isEmpty();
                assertThat(d.value().messages()).as(at).containsExactly(m);
                assertThat(CommandPacketCodec.encode(d.value())).as(at).isEqualTo(wire);
            }
        }));
    }

    static List<Violation> decode(MmsMessage m) {
        return CommandPacketCodec.decode(CommandPacketCodec.encode(0, m), Direction.S2C, DecodeOptions.LENIENT)
                .violations();
    }

    static List<String> fields(MmsMessage m) {
        return decode(m).stream().map(v -> v.level() + " " + v.field()).toList();
    }

    @Test
    void connectedFunnelNeedsTheGodsAndHrZero() {
        assertThat(fields(new LinkMacToViewerReportConnectedFunnel(0, 0, 0, "Funnel Of The ")))
                .containsExactly("MUST funnelName");
        assertThat(fields(new LinkMacToViewerReportConnectedFunnel(1, 7, 9, "Funnel Of The Gods")))
                .containsExactly("MUST hr", "SHOULD playIncarnation", "SHOULD packetPayloadSize");
    }

    @Test
    void funnelInfoCarriesPacketPairBytesOnlyForF0AndF1() {
        Bytes pair = Bytes.ofHex("0102030405060708");
        assertThat(fields(LinkMacToViewerReportFunnelInfo.of(0, 0xF0F0F0F1L, 5, pair))).isEmpty();
        assertThat(fields(LinkMacToViewerReportFunnelInfo.of(0, 0xF0F0F0EFL, 5, pair)))
                .containsExactly("MUST packetPairPacket");
        assertThat(fields(LinkMacToViewerReportFunnelInfo.of(0, 0xF0F0F901L, 5, Bytes.EMPTY))).isEmpty();
        assertThat(fields(LinkMacToViewerReportFunnelInfo.of(0, 0xF0F0F0F2L, 5, Bytes.EMPTY)))
                .containsExactly("MUST playIncarnation");
        assertThat(fields(new LinkMacToViewerReportFunnelInfo(0, 0xF0F0F0EFL, 9, 2, 0x8000, 5, 1, 2, 1, 1,
                Bytes.EMPTY))).containsExactly("MUST transportMask", "MUST nBlockFragments", "MUST fragmentBytes",
                        "MUST failedCubs", "MUST nDisks", "MUST decluster", "MUST cubddDatagramSize");
    }

    @Test
    void openFileJudgesAttributesBlocksAndUnusedBytes() {
        var ok = LinkMacToViewerReportOpenFile.of(1, 1, LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSEEK,
                12.5, 1500, 100, 128_000, 5000);
        assertThat(ok.fileBlocks()).isEqualTo(13);
        assertThat(fields(ok)).isEmpty();
        byte[] junk = new byte[36];
        junk[35] = 1;
        var bad = new LinkMacToViewerReportOpenFile(0, 1, 1, 3, 1, 0x00000001L, 12.5, 12, ok.unused1(), 1500, 100,
                128_000, 5000, Bytes.copyOf(junk));
        assertThat(fields(bad)).containsExactly("SHOULD padding", "MUST fileName", "MUST fileAttributes",
                "MUST fileBlocks", "MUST unused2");
        assertThat(fields(LinkMacToViewerReportOpenFile.of(1, 1, 0, -1.0, 1, 0, 0, 0)))
                .containsExactly("MUST fileDuration");
    }

    @Test
    void redirectCountsBytesAndAcceptsOnlyMmsSchemes() {
        assertThat(fields(LinkMacToViewerReportRedirect.of(1, "mmst://a.example/b.asf"))).isEmpty();
        assertThat(LinkMacToViewerReportRedirect.of(1, "mms://a").cbLocation()).isEqualTo(16);
        assertThat(fields(LinkMacToViewerReportRedirect.of(2, ""))).isEmpty();
        assertThat(fields(LinkMacToViewerReportRedirect.of(1, ""))).containsExactly("MUST wszLocation");
        assertThat(fields(LinkMacToViewerReportRedirect.of(1, "http://a/b"))).containsExactly("MUST wszLocation");
        assertThat(fields(LinkMacToViewerReportRedirect.of(1, "mms://a/b%20c"))).containsExactly("MUST wszLocation");
        assertThat(fields(new LinkMacToViewerReportRedirect(0, 3, 8, "mms://a")))
                .containsExactly("MUST RedirectType", "MUST cbLocation");
    }

    @Test
    void startedPlayingAndStreamChangeConstants() {
        assertThat(fields(new LinkMacToViewerReportStartedPlaying(0, 1, 1, 0x40000000L, Bytes.ofHex("00".repeat(12)))))
                .isEmpty();
        assertThat(fields(new LinkMacToViewerReportStartedPlaying(0, 1, 1, 1, Bytes.ofHex("01" + "00".repeat(11)))))
                .containsExactly("MUST unused1", "MUST unused2");
        assertThat(fields(new LinkMacToViewerReportStreamChange(1, 0xFE, 1, 1, 1, 5)))
                .containsExactly("MUST hr", "MUST dwTcpHdrIncarnation", "SHOULD dwStreamId");
        assertThat(fields(new LinkMacToViewerReportReadBlock(0, 1, 1))).containsExactly("MUST playSequence");
        assertThat(fields(new LinkMacToViewerReportStartStriding(0, 1, 1))).containsExactly("MUST spare");
        assertThat(fields(new LinkMacToViewerReportDisconnectedFunnel(0x80070005L, 3)))
                .containsExactly("SHOULD playIncarnation");
    }

    @Test
    void securityChallengeReadsABasicRealm() {
        var m = LinkMacToViewerSecurityChallenge.of(1, 2, LinkMacToViewerSecurityChallenge.basicToken("a\"b\\c"));
        assertThat(fields(m)).isEmpty();
        assertThat(m.isNtlm()).isFalse();
        assertThat(m.basicRealm()).contains("a\"b\\c");
        var empty = LinkMacToViewerSecurityChallenge.of(1, 2, LinkMacToViewerSecurityChallenge.basicToken(""));
        assertThat(empty.basicRealm()).contains("");
        // no NUL at the end, and text that is not realm="..."
        var bad = LinkMacToViewerSecurityChallenge.of(1, 2, Bytes.ofHex("41004200"));
        assertThat(fields(bad)).containsExactly("MUST pToken");
        assertThat(bad.basicRealm()).isEmpty();
    }

    @Test
    void securityChallengeParsesNtlmAuthAfterTheTwoZeroBytes() {
        Bytes inner = Bytes.ofHex("4e544c4d5353500002000000aabb");
        var wrapped = LinkMacToViewerSecurityChallenge.of(1, 2, NtlmAuth.of(inner).toToken());
        assertThat(fields(wrapped)).isEmpty();
        assertThat(wrapped.ntlmAuth()).hasValueSatisfying(a -> {
            assertThat(a.NTLMToken()).isEqualTo(inner);
            assertThat(a.NTLMTokenSize()).isEqualTo(14);
        });
        var bare = LinkMacToViewerSecurityChallenge.of(1, 2, LinkMacToViewerSecurityChallenge.ntlmToken(inner));
        assertThat(bare.isNtlm()).isTrue();
        assertThat(bare.ntlmAuth()).isEmpty();
        assertThat(fields(bare)).isEmpty();
        var badAuth = LinkMacToViewerSecurityChallenge.of(1, 2,
                new NtlmAuth(0, 1, 0, 99, 3, 0, inner).toToken());
        assertThat(decode(badAuth)).extracting(v -> v.section().toString() + " " + v.level() + " " + v.field())
                .containsExactly("MS-MMSP 2.2.4.14.1 MUST Two", "MS-MMSP 2.2.4.14.1 MUST NTLMTokenSize");
    }

    @Test
    void securityChallengeNeverTrustsCbToken() {
        var m = new LinkMacToViewerSecurityChallenge(1, 2, 0xFFFFFFF0L, Bytes.ofHex("0000"));
        List<Violation> v = decode(m);
        assertThat(v).extracting(Violation::field).contains("cbToken");
        assertThat(v).allMatch(x -> x.level() == Level.MUST || x.level() == Level.SHOULD);
    }
}
