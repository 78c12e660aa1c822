package org.mmsspec.server.mmsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.mmsh.MmshChange;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.MmshPacketPair;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.asf.AsfPacketRewriter;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

class MmshServerTest {

    static final AsfFile SAMPLE = AsfFile.sample();
    static final String PLAYER = "NSPlayer/7.0.0.1956";
    static final String BOTH = "stream-switch-entry=ffff:1:0 ffff:2:0 ";

    static Scenario.Builder fast() {
        return Scenario.builder().pacing(Pacing.FAST).media(SAMPLE);
    }

    static long clientId(MmshLoopback.Response r) {
        return r.all("Pragma").stream().filter(p -> p.startsWith("client-id=")).map(p -> Long.parseLong(p.substring(10)))
                .findFirst().orElseThrow();
    }

    static byte[] headerOf(List<MmshPacket> ps) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ps.stream().filter(p -> p instanceof MmshHeader).map(p -> ((MmshHeader) p).packet().Payload().toArray())
                .forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void describeAnswersWithCougarHeadersAndPacketPairThenHeader() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "no-cache,rate=1.000,stream-time=0",
                    "packet-pair-experiment=1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Server")).isEqualTo("Cougar/4.01.00.3928");
            assertThat(r.header("Content-Type")).isEqualTo("application/vnd.ms.wms-hdr.asfv1");
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(r.all("Pragma")).contains("no-cache", "features=\"seekable,stridable\"", "timeout=60000",
                    "packet-pair-experiment=1");
            assertThat(clientId(r)).isBetween(1L, 0xFFFF_FFFFL);
            assertThat(Integer.parseInt(r.header("Content-Length"))).isEqualTo(r.body().length);
            List<MmshPacket> ps = r.packets();
            assertThat(ps).hasSize(4);
            for (int i = 0; i < 3; i++) {
                assertThat(ps.get(i)).isInstanceOfSatisfying(MmshPacketPair.class,
                        p -> assertThat(p.Reason()).isEqualTo(Math.min(504, r.headerBytes())));
            }
            MmshHeader h = (MmshHeader) ps.get(3);
            assertThat(h.packet().AFFlags()).isEqualTo(0x0C);
            assertThat(h.packet().LocationId()).isZero();
            assertThat(headerOf(ps)).isEqualTo(SAMPLE.mmsHeader());
        }
    }

    @Test
    void describeWithoutPacketPairRequestHasNoP() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            List<MmshPacket> ps = s.get("/sample.asf", PLAYER, "no-cache").packets();
            assertThat(ps).singleElement().isInstanceOf(MmshHeader.class);
        }
    }

    @Test
    void metadataGoesOnlyFromCougar9ToClient9() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().serverVersion("9.1.1.3814").build())) {
            MmshLoopback.Response nine = s.get("/sample.asf", "NSPlayer/9.0.0.2980", "no-cache");
            assertThat(nine.header("Server")).isEqualTo("Cougar/9.01.01.3814");
            assertThat(nine.packets()).hasSize(2).first().isInstanceOfSatisfying(MmshMetadata.class,
                    m -> assertThat(new String(m.packet().Payload().toArray()))
                            .startsWith("1, broadcast-id=0, features=\"seekable,stridable\"").endsWith("\0"));
            assertThat(s.get("/sample.asf", PLAYER, "no-cache").packets()).singleElement()
                    .isInstanceOf(MmshHeader.class);
        }
    }

    @Test
    void aSessionIdlePastTheIdleTimeoutIsForgotten() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().idleTimeout(java.time.Duration.ofMillis(200)).build())) {
            long id = clientId(s.get("/sample.asf", PLAYER, "no-cache"));
            MmshLoopback.Response soon = s.get("/sample.asf", PLAYER, "no-cache,client-id=" + id);
            assertThat(soon.all("Pragma")).noneMatch(p -> p.contains("xResetStrm"));
            Thread.sleep(400);
            s.get("/sample.asf", PLAYER, "no-cache"); // a new session's arrival sweeps the idle ones
            MmshLoopback.Response late = s.get("/sample.asf", PLAYER, "no-cache,client-id=" + id);
            assertThat(late.all("Pragma")).contains("xResetStrm=1");
        }
    }

    @Test
    void describeWithUnknownClientIdStartsANewSessionWithResetStream() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "no-cache,client-id=12345");
            assertThat(r.all("Pragma")).contains("xResetStrm=1");
            assertThat(clientId(r)).isNotEqualTo(12345L);
        }
    }

    @Test
    void playWithoutChunkingSendsHeaderEveryDataPacketAndEnd() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            long id = clientId(s.get("/sample.asf", PLAYER, "no-cache"));
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "no-cache,xPlayStrm=1,client-id=" + id,
                    "stream-switch-count=2", BOTH);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.statusLine()).startsWith("HTTP/1.0");
            assertThat(r.header("Content-Type")).isEqualTo("application/x-mms-framed");
            assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(r.header("Transfer-Encoding")).isNull();
            assertPlayBody(r.packets(), SAMPLE.packetCount());
            assertThat(s.events.events(e -> e.what() == ConnectionEvent.What.STREAMING)).hasSize(1);
        }
    }

    static void assertPlayBody(List<MmshPacket> ps, int packets) {
        assertThat(ps.get(0)).isInstanceOf(MmshHeader.class);
        List<MmshData> data = ps.stream().filter(p -> p instanceof MmshData).map(p -> (MmshData) p).toList();
        assertThat(data).hasSize(packets);
        for (int i = 0; i < data.size(); i++) {
            assertThat(data.get(i).packet().AFFlags()).as("AFFlags of $D %d", i).isEqualTo(i & 0xFF);
            assertThat(data.get(i).packet().LocationId()).isEqualTo(i);
            // padding stripped as MS-WMSP 2.2.3.3 asks; every stream was selected
            assertThat(data.get(i).packet().Payload().toArray())
                    .isEqualTo(AsfPacketRewriter.allStreams().rewrite(SAMPLE.packet(i)).orElseThrow());
        }
        assertThat(ps.get(ps.size() - 1)).isInstanceOfSatisfying(MmshEnd.class,
                e -> assertThat(e.Reason()).isZero());
    }

    @Test
    void playIsChunkedWhenVersion11Enabled() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "no-cache,xPlayStrm=1", "version11-enabled=1",
                    BOTH);
            assertThat(r.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(r.endedWithZeroChunk()).isTrue();
            assertPlayBody(r.packets(), SAMPLE.packetCount());
        }
    }

    @Test
    void chunkingOffInTheScenarioMeansConnectionClose() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().mmshChunked(false).build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "xPlayStrm=1", "version11-enabled=1", BOTH);
            assertThat(r.header("Transfer-Encoding")).isNull();
            assertPlayBody(r.packets(), SAMPLE.packetCount());
        }
    }

    @Test
    void withoutStreamSwitchEntryNoDataIsSent() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            List<MmshPacket> ps = s.get("/sample.asf", PLAYER, "no-cache,xPlayStrm=1").packets();
            assertThat(ps).noneMatch(p -> p instanceof MmshData);
            assertThat(ps).first().isInstanceOf(MmshHeader.class);
            assertThat(ps).last().isInstanceOf(MmshEnd.class);
            assertThat(s.server.requests().get(0).attributes().get("selection")).contains("none");
        }
    }

    @Test
    void streamNumberRadixIsRecorded() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            s.get("/sample.asf", PLAYER, "xPlayStrm=1", BOTH);
            assertThat(s.server.requests().get(0).attributes().get("selection")).contains("ambiguous");
            assertThat(s.events.events(e -> e.what() == ConnectionEvent.What.REQUEST).get(0).detail())
                    .contains("stream numbers: ambiguous").contains("PLAY");
        }
    }

    @Test
    void packetNumStartsLater() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            List<MmshData> data = s.get("/sample.asf", PLAYER, "xPlayStrm=1,stream-time=0,packet-num=3", BOTH)
                    .packets().stream().filter(p -> p instanceof MmshData).map(p -> (MmshData) p).toList();
            assertThat(data).hasSize(SAMPLE.packetCount() - 3);
            assertThat(data.get(0).packet().LocationId()).isEqualTo(3);
            assertThat(data.get(0).packet().AFFlags()).isZero();
        }
    }

    @Test
    void burstBitMarksDataSentBackToBack() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().mmshBurstBit(true).build())) {
            List<MmshData> data = s.get("/sample.asf", PLAYER, "xPlayStrm=1", BOTH).packets().stream()
                    .filter(p -> p instanceof MmshData).map(p -> (MmshData) p).toList();
            assertThat(data.subList(0, data.size() - 1)).allMatch(d -> d.framing().B() == 1);
            assertThat(data.get(data.size() - 1).framing().B()).isZero();
        }
    }

    @Test
    void playlistChangesEntryWithEndOneChangeAndNewHeader() throws Exception {
        Scenario sc = Scenario.builder().pacing(Pacing.FAST).media("list", SAMPLE, SAMPLE).build();
        try (MmshLoopback s = new MmshLoopback(sc)) {
            MmshLoopback.Response r = s.get("/list", PLAYER, "xPlayStrm=1", BOTH);
            assertThat(r.all("Pragma")).contains("features=\"seekable,stridable,playlist\"");
            List<String> kinds = r.packets().stream().map(p -> p.type().name()).toList();
            int n = SAMPLE.packetCount();
            assertThat(kinds).hasSize(2 * n + 5);
            assertThat(kinds.get(0)).isEqualTo("H");
            assertThat(kinds.subList(n + 1, n + 4)).containsExactly("E", "C", "H");
            List<MmshPacket> ps = r.packets();
            assertThat(((MmshEnd) ps.get(n + 1)).Reason()).isEqualTo(1);
            assertThat(((MmshChange) ps.get(n + 2)).Reason()).isZero();
            assertThat(((MmshEnd) ps.get(ps.size() - 1)).Reason()).isZero();
            assertThat(((MmshData) ps.get(n + 4)).packet().AFFlags()).isEqualTo(n & 0xFF);
        }
    }

    @Test
    void webBrowserGetsAnAsxPointer() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            MmshLoopback.Response r = s.get("/sample.asf", "Mozilla/5.0");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("video/x-ms-asf");
            assertThat(new String(r.body())).contains(
                    "<ASX version=\"3.0\"><Entry><Ref href=\"mms://127.0.0.1:" + s.port + "/sample.asf\"/>");
        }
    }

    @Test
    void redirectIs302WithLocation() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().redirect("mms://elsewhere/x.asf").build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "no-cache");
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("Location")).isEqualTo("mms://elsewhere/x.asf");
        }
    }

    @Test
    void unknownPathIs404AndLogged() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            assertThat(s.get("/nothing.asf", PLAYER, "no-cache").status()).isEqualTo(404);
            assertThat(s.events.events(e -> e.what() == ConnectionEvent.What.ERROR_REPLY)).hasSize(1);
        }
    }

    @Test
    void listenerErrorBehaviourAnswers503() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().behaviour(Protocol.MMSH, Behaviour.ERROR).build())) {
            assertThat(s.get("/sample.asf", PLAYER, "no-cache").status()).isEqualTo(503);
        }
    }

    @Test
    void aMalformedPercentEscapeInTheUriIsABadRequestNotAServerBug() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            // before: QueryStringDecoder threw, the exception reached exceptionCaught and the connection closed
            assertThat(s.get("/%zz", PLAYER, "no-cache").status()).isEqualTo(400);
            assertThat(s.get("/sample.asf", PLAYER, "no-cache").status()).isEqualTo(200);
        }
    }

    @Test
    void keepAliveAndLogNeedAKnownClientId() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            long id = clientId(s.get("/sample.asf", PLAYER, "no-cache"));
            Map<String, String> ua = Map.of("User-Agent", PLAYER);
            assertThat(s.send("POST", "/sample.asf", ua, List.of("xKeepAliveInPause=1", "client-id=" + id), "")
                    .status()).isEqualTo(200);
            assertThat(s.send("POST", "/sample.asf", ua, List.of("xKeepAliveInPause=1"), "").status())
                    .isEqualTo(400);
            assertThat(s.send("POST", "/sample.asf", Map.of("User-Agent", PLAYER, "Content-Type",
                    "application/x-wms-LogStats"), List.of("client-id=" + id), "<XML>log</XML>").status())
                    .isEqualTo(200);
            assertThat(s.send("POST", "/sample.asf", ua, List.of("client-id=" + id,
                    "log-line=a b c"), "").status()).isEqualTo(200);
            List<RecordedRequest> reqs = s.server.requests();
            assertThat(reqs).extracting(RecordedRequest::type).containsExactly(RequestType.DESCRIBE,
                    RequestType.KEEPALIVE, RequestType.KEEPALIVE, RequestType.LOG, RequestType.LOG);
            assertThat(reqs.get(3).body()).isEqualTo("<XML>log</XML>");
            assertThat(reqs.get(4).pragma().get("log-line")).contains("a b c");
        }
    }

    @Test
    void headerLastFlagFaultAndDroppedData() throws Exception {
        Faults f = new Faults(Map.of(), java.util.Set.of("$D"), List.of(), false, false, null, "$H", 0x08);
        try (MmshLoopback s = new MmshLoopback(fast().faults(f).build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "xPlayStrm=1", BOTH);
            byte[] body = r.body();
            // 16 bytes of garbage follow the $H: cut them out before framing the rest
            int h = 4 + SAMPLE.mmsHeaderSize() + 8;
            assertThat(body[h]).isEqualTo((byte) 0xEE);
            byte[] clean = new byte[body.length - FrameWriter.GARBAGE];
            System.arraycopy(body, 0, clean, 0, h);
            System.arraycopy(body, h + FrameWriter.GARBAGE, clean, h, body.length - h - FrameWriter.GARBAGE);
            var frames = new MmshLoopback.Response(r.statusLine(), r.headers(), clean, 0, false).frames();
            assertThat(frames).hasSize(2);
            assertThat(((MmshHeader) frames.get(0).decoded().value()).packet().AFFlags()).isEqualTo(0x08);
            // a lone piece flagged "last" is what the fault is for: the codec must call it out
            assertThat(frames.get(0).decoded().violations()).extracting(v -> v.field()).containsExactly("LocationId");
            assertThat(frames.get(1).decoded().value()).isInstanceOf(MmshEnd.class);
        }
    }

    @Test
    void oneByteSegmentsFaultSendsTheWholeResponseInSmallPiecesThatStillDecode() throws Exception {
        Faults f = new Faults(Map.of(), java.util.Set.of(), List.of(), true, false, null, null, 0x0C);
        try (MmshLoopback s = new MmshLoopback(fast().faults(f).build())) {
            MmshLoopback.Raw raw = s.raw("GET", "/sample.asf", Map.of("User-Agent", PLAYER),
                    List.of("xPlayStrm=1", BOTH), null);
            MmshLoopback.Response r = raw.response();
            assertThat(r.status()).isEqualTo(200);
            assertPlayBody(r.packets(), SAMPLE.packetCount());
            // written one byte per flush, the ~100 KB arrive in far more reads than the ~packet-sized writes
            // of a normal response would give; a mean read of 256 bytes still leaves room for coalescing
            assertThat(raw.reads()).as("reads for %d bytes", raw.bytes().length)
                    .isGreaterThan(raw.bytes().length / 256);
        }
    }

    @Test
    void withoutTheFaultTheSameResponseComesInFewReads() throws Exception {
        try (MmshLoopback s = new MmshLoopback(fast().build())) {
            MmshLoopback.Raw raw = s.raw("GET", "/sample.asf", Map.of("User-Agent", PLAYER),
                    List.of("xPlayStrm=1", BOTH), null);
            assertPlayBody(raw.response().packets(), SAMPLE.packetCount());
            // the control for the test above: its threshold is not reached by an ordinary response
            assertThat(raw.reads()).isLessThanOrEqualTo(raw.bytes().length / 256);
        }
    }

    @Test
    void closeMidFrameCutsTheFirstData() throws Exception {
        Faults f = new Faults(Map.of(), java.util.Set.of(), List.of(), false, false, "$D", null, 0x0C);
        try (MmshLoopback s = new MmshLoopback(fast().faults(f).build())) {
            MmshLoopback.Response r = s.get("/sample.asf", PLAYER, "xPlayStrm=1", BOTH);
            int h = 4 + SAMPLE.mmsHeaderSize() + 8;
            assertThat(r.body().length - h).isBetween(1, 4 + 8 + SAMPLE.packetSize() - 1);
            assertThat(s.events.await(e -> e.detail().contains("closeMidMessage $D"), java.time.Duration.ofSeconds(5)))
                    .isNotNull();
        }
    }

    @Test
    void realtimePacingTakesTheContentsSendTimeSpan() throws Exception {
        long span = SAMPLE.sendTime(SAMPLE.packetCount() - 1) - SAMPLE.sendTime(0);
        try (MmshLoopback s = new MmshLoopback(Scenario.builder().pacing(Pacing.REALTIME).media(SAMPLE).build())) {
            long t0 = System.nanoTime();
            List<MmshPacket> ps = s.get("/sample.asf", PLAYER, "xPlayStrm=1", BOTH).packets();
            long took = (System.nanoTime() - t0) / 1_000_000;
            assertPlayBody(ps, SAMPLE.packetCount());
            // packets may leave up to the lead before their send time, never more (FrameWriter.LEAD_NANOS)
            assertThat(took).isGreaterThanOrEqualTo(span - java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(
                    FrameWriter.LEAD_NANOS));
        }
    }
}
