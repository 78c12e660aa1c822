package org.mmsspec.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** encode() fills its buffer directly, for speed: it must put the very bytes write() does. */
class DataPacketTest {

    @Test
    void encodeWritesWhatWriteWrites() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] payload = new byte[r.nextInt(100)];
            r.nextBytes(payload);
            // PacketSize as held, even where it is not the true size: encode writes fields, it does not fix them
            DataPacket p = new DataPacket(r.nextLong() & 0xFFFFFFFFL, r.nextInt(256), r.nextInt(256),
                    r.nextInt(65536), Bytes.copyOf(payload));
            WireWriter w = new WireWriter();
            p.write(w);
            assertThat(p.encode()).isEqualTo(w.toByteArray());
            java.nio.ByteBuffer into = java.nio.ByteBuffer.allocateDirect(3 + p.encode().length).position(3);
            p.encode(into);
            assertThat(into.position()).isEqualTo(into.capacity());
            byte[] got = new byte[p.encode().length];
            into.position(3).get(got);
            assertThat(got).isEqualTo(w.toByteArray());
        }
    }
}
