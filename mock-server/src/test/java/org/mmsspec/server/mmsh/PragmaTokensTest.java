package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mmsspec.server.asf.AsfFile;

class PragmaTokensTest {

    @Test
    void splitsCommasButNotInsideQuotesAndKeepsEntryLinesWhole() {
        PragmaTokens p = PragmaTokens.parse(List.of(
                "no-cache,rate=1.000,stream-time=0,stream-offset=0:0,packet-num=4294967295,max-duration=0",
                "features=\"seekable,stridable\"", "stream-switch-entry=ffff:1:0 ffff:2:0 ", "xClientGUID={3300AD50-2C39-46c0-AE0A-60CE5C7F0A1B}"));
        assertThat(p.has("no-cache")).isTrue();
        assertThat(p.get("features")).contains("seekable,stridable");
        assertThat(p.get("stream-switch-entry")).contains("ffff:1:0 ffff:2:0");
        assertThat(p.u32("packet-num")).contains(4294967295L);
        assertThat(p.u32("rate")).isEmpty();
        assertThat(p.get("xclientguid")).contains("{3300AD50-2C39-46c0-AE0A-60CE5C7F0A1B}");
    }

    @Test
    void boundsTheTokenCount() {
        String many = "a,".repeat(10_000);
        assertThat(PragmaTokens.parse(List.of(many)).tokens()).hasSize(PragmaTokens.MAX_TOKENS);
    }

    @Test
    void streamNumbersAreHexDecimalOrAmbiguous() {
        assertThat(StreamSelection.parse("ffff:1:0 ffff:2:0", Set.of(1, 2)).orElseThrow().radix())
                .isEqualTo(StreamSelection.Radix.AMBIGUOUS);
        StreamSelection dec = StreamSelection.parse("ffff:10:0 ffff:11:0 ", Set.of(10, 11)).orElseThrow();
        assertThat(dec.radix()).isEqualTo(StreamSelection.Radix.DECIMAL);
        assertThat(dec.selected()).containsExactly(10, 11);
        StreamSelection hex = StreamSelection.parse("ffff:10:0", Set.of(16)).orElseThrow();
        assertThat(hex.radix()).isEqualTo(StreamSelection.Radix.HEX);
        assertThat(hex.selected()).containsExactly(16);
        assertThat(StreamSelection.parse("ffff:a:0 ffff:2:2", Set.of(10, 2)).orElseThrow())
                .satisfies(s -> assertThat(s.radix()).isEqualTo(StreamSelection.Radix.HEX))
                .satisfies(s -> assertThat(s.selected()).containsExactly(10));
        assertThat(StreamSelection.parse("ffff:1", Set.of(1))).isEmpty();
        assertThat(StreamSelection.parse("ffff:1:7", Set.of(1))).isEmpty();
        assertThat(StreamSelection.parse("  ", Set.of(1))).isEmpty();
    }

    @Test
    void startPositionFollowsThePrecedence() {
        assertThat(StartPosition.of(PragmaTokens.parse(List.of("stream-time=1500,packet-num=3,stream-offset=0:0"))))
                .isEqualTo(new StartPosition.StreamTime(1500));
        assertThat(StartPosition.of(PragmaTokens.parse(List.of("stream-time=0,packet-num=3,stream-offset=0:0"))))
                .isEqualTo(new StartPosition.PacketNum(3));
        assertThat(StartPosition.of(PragmaTokens.parse(List.of(
                "stream-time=4294967295,packet-num=4294967295,stream-offset=1:2"))))
                .isEqualTo(new StartPosition.StreamOffset(1L << 32 | 2));
        assertThat(StartPosition.of(PragmaTokens.parse(List.of(
                "stream-time=0,packet-num=4294967295,stream-offset=4294967295:4294967295"))))
                .isEqualTo(StartPosition.START);
    }

    @Test
    void startPositionsMapToPackets() {
        AsfFile f = AsfFile.sample();
        assertThat(new StartPosition.StreamOffset(f.packetOffset(2)).firstPacket(f)).isEqualTo(2);
        assertThat(new StartPosition.PacketNum(1_000_000).firstPacket(f)).isEqualTo(f.packetCount());
        long last = f.sendTime(f.packetCount() - 1);
        assertThat(last).isPositive();
        assertThat(new StartPosition.StreamTime(last).firstPacket(f)).isEqualTo(f.packetForTime(last / 1000.0))
                .isGreaterThan(0);
    }

    @Test
    void userAgentTellsWmspClientsFromWebClients() {
        assertThat(ClientVersion.parse("NSPlayer/7.0.0.1956")).contains(new ClientVersion("NSPlayer", 7, 0));
        assertThat(ClientVersion.parse("NSServer/4.1; via WMCacheProxy")).contains(new ClientVersion("NSServer", 4, 1));
        assertThat(ClientVersion.parse("Mozilla/5.0")).isEmpty();
        assertThat(ClientVersion.parse(null)).isEmpty();
        assertThat(MmshServer.serverHeader("9.1.1.3814")).isEqualTo("Cougar/9.01.01.3814");
    }
}
