package org.mmsspec.codec.mmsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Violation;

/** MS-WMSP 2.2.3: single packets, and a response body cut into them. */
class MmshFrameCodecTest {

    static final byte[] FILL = new Random(11).ints(2000).collect(ByteArrayOutputStream::new,
            (o, i) -> o.write(i), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();
    static final int HTTP_HEADER = 300;

    /** A Describe-then-Play body: three $P, $M, $H in two pieces, $D packets, $E, $C, and the next entry's $H. */
    static List<MmshPacket> body() {
        List<MmshPacket> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(MmshPacketPair.of(i, HTTP_HEADER, FILL));
        }
        out.add(MmshMetadata.of(DataPacket.of(0, 0, 0x0C, Bytes.copyOf("1, broadcast-id=0, features=\"\"\0"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
        out.add(MmshHeader.of(DataPacket.of(0, 0, 0x04, Bytes.view(FILL, 0, 400))));
        out.add(MmshHeader.of(DataPacket.of(1, 0, 0x08, Bytes.view(FILL, 400, 309))));
        for (int i = 0; i < 6; i++) {
            MmshData d = MmshData.of(DataPacket.of(i, 0, i, Bytes.view(FILL, i * 100, 320)));
            out.add(i % 2 == 0 ? new MmshData(d.framing().withB(), d.packet()) : d);
        }
        out.add(MmshEnd.of(MmshEnd.S_FALSE));
        out.add(MmshChange.of(0));
        out.add(MmshHeader.of(DataPacket.of(0, 1, 0x0C, Bytes.view(FILL, 0, 709))));
        out.add(MmshEnd.of(MmshEnd.S_OK));
        out.add(MmshTest.of());
        return out;
    }

    static byte[] encode(List<MmshPacket> ps) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ps.forEach(p -> o.writeBytes(MmshFrameCodec.encode(p)));
        return o.toByteArray();
    }

    @Test
    void everyPacketOfTheBodyIsConformingAndRoundTrips() {
        for (MmshPacket p : body()) {
            byte[] b = MmshFrameCodec.encode(p);
            Decoded<MmshPacket> d = MmshFrameCodec.decode(b, DecodeOptions.STRICT);
            assertThat(d.violations()).as("%s", p).isEmpty();
            assertThat(d.value()).isEqualTo(p);
            assertThat(MmshFrameCodec.encode(d.value())).isEqualTo(b);
        }
    }

    @Test
    void thePacketPairSizesSumTo2080WhateverTheHeader() {
        for (int header : new int[] {0, 1, 300, 503, 504, 505, 4000}) {
            int sum = 0;
            for (int i = 0; i < 3; i++) {
                MmshPacketPair p = MmshPacketPair.of(i, header, FILL);
                sum += MmshFrameCodec.encode(p).length;
                assertThat(MmshFrameCodec.decode(MmshFrameCodec.encode(p), DecodeOptions.STRICT).violations())
                        .isEmpty();
            }
            assertThat(sum).isEqualTo(2080);
        }
    }

    @Test
    void theFrameByteKeepsBApartFromFrame() {
        byte[] b = MmshFrameCodec.encode(new MmshTest(MmshTest.of().framing().withB()));
        assertThat(b[0]).isEqualTo((byte) 0xA4);
        MmshPacket p = MmshFrameCodec.decode(b, DecodeOptions.STRICT).value();
        assertThat(p.framing().B()).isEqualTo(1);
        assertThat(p.framing().Frame()).isEqualTo(0x24);
    }

    @Test
    void anUnknownPacketIdIsMalformed() {
        byte[] b = MmshFrameCodec.encode(MmshTest.of());
        b[1] = 'Z';
        assertThatThrownBy(() -> MmshFrameCodec.decode(b, DecodeOptions.LENIENT))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("unknown PacketID");
    }

    @Test
    void headerPiecesAreJudgedByAfFlagsAndLocationId() {
        var bad = MmshHeader.of(DataPacket.of(2, 0, 0x04, Bytes.view(FILL, 0, 10)));
        var d = MmshFrameCodec.decode(MmshFrameCodec.encode(bad), DecodeOptions.STRICT);
        assertThat(d.violations()).extracting(Violation::field).containsExactly("LocationId");
        assertThat(d.violations().get(0).offset()).isEqualTo(4);
        // $D AFFlags are a sequence number: any value is fine alone
        var data = MmshData.of(DataPacket.of(2, 0, 0x77, Bytes.view(FILL, 0, 10)));
        assertThat(MmshFrameCodec.decode(MmshFrameCodec.encode(data), DecodeOptions.STRICT).violations()).isEmpty();
    }

    @Test
    void everyTruncationThrowsOnlyMalformedInputOrReportsPacketLength() {
        for (MmshPacket p : body()) {
            byte[] b = MmshFrameCodec.encode(p);
            for (int n = 0; n < b.length; n++) {
                try {
                    var d = MmshFrameCodec.decode(b, 0, n, DecodeOptions.LENIENT);
                    // a cut second $P can look exactly like a first one, so alone it may pass
                    if (!(p instanceof MmshPacketPair)) {
                        assertThat(d.violations()).as("%s cut to %d", p, n).isNotEmpty();
                    }
                } catch (MalformedInputException expected) {
                    assertThat(expected.getMessage()).contains("MS-WMSP");
                }
            }
        }
    }

    static List<String> frame(byte[] body, int... cuts) {
        MmshStreamFramer f = new MmshStreamFramer(DecodeOptions.STRICT);
        List<MmshStreamFramer.Unit> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            f.feed(body, from, cut - from, out::add);
            from = cut;
        }
        f.feed(body, from, body.length - from, out::add);
        f.finish();
        return out.stream().map(u -> u instanceof MmshStreamFramer.Frame fr
                ? u.offset() + "+" + u.length() + " " + fr.decoded().violations() + " " + fr.decoded().value()
                : u.toString()).toList();
    }

    @Test
    void theBodyFramesIntoItsPacketsUnderEverySplit() {
        List<MmshPacket> packets = body();
        byte[] body = encode(packets);
        List<String> whole = frame(body);
        assertThat(whole).hasSize(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            assertThat(whole.get(i)).as("packet %d", i).contains(" [] ").endsWith(packets.get(i).toString());
        }
        for (int cut = 0; cut <= body.length; cut++) {
            assertThat(frame(body, cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        int[] ones = new int[body.length - 1];
        java.util.Arrays.setAll(ones, i -> i + 1);
        assertThat(frame(body, ones)).isEqualTo(whole);
        for (long seed = 0; seed < 100; seed++) {
            Random r = new Random(seed);
            int[] cuts = r.ints(r.nextInt(30), 0, body.length + 1).sorted().toArray();
            assertThat(frame(body, cuts)).as("seed %d", seed).isEqualTo(whole);
        }
    }

    @Test
    void anUnknownPacketIsReportedAndTheBodyGoesOn() {
        byte[] odd = MmshFrameCodec.encode(MmshEnd.of(0));
        odd[1] = 'Q';
        byte[] body = encode(List.of(MmshTest.of()));
        byte[] all = java.util.Arrays.copyOf(odd, odd.length + body.length);
        System.arraycopy(body, 0, all, odd.length, body.length);
        List<MmshStreamFramer.Unit> units = new MmshStreamFramer(DecodeOptions.STRICT).feed(all);
        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isInstanceOf(MmshStreamFramer.Undecodable.class);
        assertThat(units.get(1)).isInstanceOf(MmshStreamFramer.Frame.class);
    }

    @Test
    void truncationIsReportedByFinishAndAnOversizedPairLosesTheStream() {
        byte[] b = MmshFrameCodec.encode(MmshEnd.of(0));
        MmshStreamFramer f = new MmshStreamFramer(DecodeOptions.STRICT);
        f.feed(b, 0, b.length - 1, u -> { });
        assertThatThrownBy(f::finish).isInstanceOf(MalformedInputException.class);

        // a third $P whose Reason claims 4 GB minus a bit is rejected before any allocation
        MmshStreamFramer g = new MmshStreamFramer(DecodeOptions.STRICT);
        g.feed(encode(List.of(MmshPacketPair.of(0, 504, FILL), MmshPacketPair.of(1, 504, FILL))));
        byte[] third = {0x24, 'P', 0x18, 0x04, (byte) 0xF4, 0x01, 0x00, 0x00};
        assertThat(g.feed(third)).isEmpty();
        byte[] huge = {0x24, 'P', 0x18, 0x04, (byte) 0xF4, 0x01, 0x00, 0x00};
        // Reason 500 is in range, so the third $P is sized 8 + 1048 + 500: fine; a bound of 1000 rejects it
        MmshStreamFramer small = new MmshStreamFramer(DecodeOptions.STRICT.withMaxMessageSize(1000));
        small.feed(encode(List.of(MmshPacketPair.of(0, 504, FILL), MmshPacketPair.of(1, 504, FILL))));
        assertThatThrownBy(() -> small.feed(huge)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("exceeds the bound");
        assertThat(small.pendingBytes()).isZero();
    }
}
