package org.mmsspec.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.mmsspec.codec.Direction;

/** Command packets (MS-MMSP 2.2.3, 2.2.4) in both directions. See codec/FUZZING.md. */
class CommandPacketFuzzTest {

    @FuzzTest
    void clientToServer(byte[] packet) {
        Contract.commandPacket(packet, Direction.C2S);
    }

    @FuzzTest
    void serverToClient(byte[] packet) {
        Contract.commandPacket(packet, Direction.S2C);
    }

    /** No direction to judge MIDs against: the path a proxy or a capture reader takes. */
    @FuzzTest
    void eitherDirection(byte[] packet) {
        Contract.commandPacket(packet, null);
    }
}
