package org.mmsspec.server.asf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AsfFileTest {

    private static final AsfFile SAMPLE = AsfFile.sample();
    /** The sample's File Properties Object is the Header Object's first child, at offset 30. */
    private static final int MIN_PACKET_SIZE_AT = 30 + 24 + 68;

    @Test
    void sendTimesAreThoseOfThePacketsAndNeverDecrease() {
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            assertThat(SAMPLE.sendTime(i)).isEqualTo(SAMPLE.asfPacket(i).sendTime());
            if (i > 0) {
                assertThat(SAMPLE.sendTime(i)).isGreaterThanOrEqualTo(SAMPLE.sendTime(i - 1));
            }
        }
        assertThat(SAMPLE.sendTime(1)).isEqualTo(46);
        assertThat(SAMPLE.sendTime(3)).isEqualTo(246);
    }

    @Test
    void packetForTimeIsTheFirstPacketSentAtOrAfterThePosition() {
        assertThat(SAMPLE.packetForTime(0)).isZero();
        assertThat(SAMPLE.packetForTime(-1)).isZero();
        assertThat(SAMPLE.packetForTime(Double.NaN)).isZero();
        assertThat(SAMPLE.packetForTime(0.046)).isEqualTo(1);
        assertThat(SAMPLE.packetForTime(0.047)).as("packets 1 and 2 are both sent at 46 ms").isEqualTo(3);
        assertThat(SAMPLE.packetForTime(100)).isEqualTo(SAMPLE.packetCount());
        assertThat(SAMPLE.packetForTime(Double.MAX_VALUE)).isEqualTo(SAMPLE.packetCount());
        for (double t = 0; t < 5; t += 0.05) {
            int k = SAMPLE.packetForTime(t);
            if (k < SAMPLE.packetCount()) {
                assertThat(SAMPLE.sendTime(k)).isGreaterThanOrEqualTo((long) Math.ceil(t * 1000));
            }
            if (k > 0) {
                assertThat((double) SAMPLE.sendTime(k - 1)).isLessThan(t * 1000);
            }
        }
    }

    @Test
    void packetForOffsetIsThePacketHoldingTheByte() {
        for (int i = 0; i < SAMPLE.packetCount(); i++) {
            assertThat(SAMPLE.packetForOffset(SAMPLE.packetOffset(i))).isEqualTo(i);
            assertThat(SAMPLE.packetForOffset(SAMPLE.packetOffset(i) + SAMPLE.packetSize() - 1)).isEqualTo(i);
        }
        assertThat(SAMPLE.packetForOffset(0)).isZero();
        assertThat(SAMPLE.packetForOffset(SAMPLE.packetOffset(SAMPLE.packetCount()))).isEqualTo(SAMPLE.packetCount());
        assertThat(SAMPLE.packetForOffset(Long.MAX_VALUE)).isEqualTo(SAMPLE.packetCount());
    }

    @Test
    void bitRateIsFilePropertiesMaximumWithoutStreamBitrateProperties() {
        assertThat(SAMPLE.bitRate()).isEqualTo(SAMPLE.properties().maxBitrate()).isEqualTo(132_000);
    }

    @Test
    void bitRateIsTheSumOfStreamBitratePropertiesWhereTheHeaderHasThem() {
        ByteBuffer sbp = ByteBuffer.allocate(38).order(ByteOrder.LITTLE_ENDIAN);
        sbp.putLong(AsfFile.STREAM_BITRATE_PROPERTIES.high()).putLong(AsfFile.STREAM_BITRATE_PROPERTIES.low())
                .putLong(38).putShort((short) 2).putShort((short) 1).putInt(90_000).putShort((short) 2)
                .putInt(30_000);
        AsfFile file = AsfFile.of("sbp.asf", withHeaderObject(SAMPLE.bytes(), sbp.array()));
        assertThat(file.bitRate()).isEqualTo(120_000);
        assertThat(file.packetCount()).isEqualTo(SAMPLE.packetCount());
    }

    @Test
    void refusesStreamBitratePropertiesWithMoreRecordsThanBytes() {
        ByteBuffer sbp = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        sbp.putLong(AsfFile.STREAM_BITRATE_PROPERTIES.high()).putLong(AsfFile.STREAM_BITRATE_PROPERTIES.low())
                .putLong(26).putShort((short) 9);
        assertThatThrownBy(() -> AsfFile.of("sbp.asf", withHeaderObject(SAMPLE.bytes(), sbp.array())))
                .isInstanceOf(AsfException.class).hasMessageContaining("9 records");
    }

    @Test
    void refusesVariableSizeDataPackets() {
        byte[] b = SAMPLE.bytes();
        b[MIN_PACKET_SIZE_AT] = 100;
        b[MIN_PACKET_SIZE_AT + 1] = 0;
        assertThatThrownBy(() -> AsfFile.of("variable.asf", b)).isInstanceOf(AsfException.class)
                .hasMessageContaining("variable size");
    }

    @Test
    void refusesAFileWithAMalformedDataPacketNamingThePacket() {
        byte[] b = SAMPLE.bytes();
        b[(int) SAMPLE.packetOffset(5) + 4] = (byte) 0x9D; // Property Flags: stream number length type 10
        assertThatThrownBy(() -> AsfFile.of("bad.asf", b)).isInstanceOf(AsfException.class)
                .hasMessageContaining("data packet 5").hasMessageContaining("Stream Number Length Type");
    }

    /** The file with {@code object} added as the Header Object's first child (size and count updated). */
    static byte[] withHeaderObject(byte[] file, byte[] object) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(file.length + object.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(file, 0, 30).put(object).put(file, 30, file.length - 30);
        out.putLong(16, in.getLong(16) + object.length).putInt(24, in.getInt(24) + 1);
        return out.array();
    }

    @Test
    void wirePacketsAreTheRewriterOutputKeptPerSelection() {
        AsfFile f = AsfFile.sample();
        int video = f.streams().stream().filter(st -> st.kind() == AsfFile.Stream.Kind.VIDEO).findFirst()
                .orElseThrow().number();
        for (int i = 0; i < f.packetCount(); i++) {
            byte[] fresh = AsfPacketRewriter.allStreams().rewrite(f.packet(i)).orElseThrow();
            byte[] first = f.wirePacket(i, null, true);
            assertThat(first).isEqualTo(fresh);
            assertThat(f.wirePacket(i, null, true)).as("kept, not rewritten again").isSameAs(first);
            byte[] onlyVideo = f.wirePacket(i, java.util.Set.of(video), true);
            assertThat(onlyVideo).isEqualTo(new AsfPacketRewriter(java.util.Set.of(video), true).rewrite(f.packet(i))
                    .orElse(null));
        }
        assertThat(f.wirePacket(0, java.util.Set.of(99), true)).as("no payload of stream 99").isNull();
        // past the bounded number of selections, rewrites are still right, just not kept
        for (int s = 100; s < 130; s++) {
            assertThat(f.wirePacket(1, java.util.Set.of(s, video), false)).isEqualTo(
                    new AsfPacketRewriter(java.util.Set.of(s, video), false).rewrite(f.packet(1)).orElse(null));
        }
    }
}
