package org.mmsspec.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** RequestPacketListResend datagrams (MS-MMSP 2.2.5). See codec/FUZZING.md. */
class RequestPacketListResendFuzzTest {

    @FuzzTest
    void resend(byte[] datagram) {
        Contract.resend(datagram);
    }
}
