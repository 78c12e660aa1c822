package org.mmsspec.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Data packets (MS-MMSP 2.2.2). See codec/FUZZING.md. */
class DataPacketFuzzTest {

    @FuzzTest
    void dataPacket(byte[] packet) {
        Contract.dataPacket(packet);
    }
}
