package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Faults;

/**
 * MS-MMSP 3.1.5.2 Receiving a Packet: whatever the TCP segments and command packets look like, every packet is read
 * by its sessionId, as a message or as a Data packet.
 */
final class C3_1_5_2_ReceivingAPacket {

    private C3_1_5_2_ReceivingAPacket() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("3.1.5.2", "Receiving a Packet")
                .add(1, MUST, "a Ping arriving between Data packets is read as a message, and the Data packets"
                        + " after it as Data: the client plays on to the end of the content")
                .covers("R1", "R3", "R6")
                .server(b -> b.pacing(Pacing.REALTIME).pingInterval(C3_1_5_13_Ping.KEEPALIVE))
                .check(Handling::playedToTheEnd)
                .add(2, MUST, "every byte in its own TCP segment: the client reassembles messages and Data packets"
                        + " and plays to the end")
                .covers("R1")
                .server(b -> b.faults(Faults.NONE.withOneByteSegments()))
                .check(Handling::playedToTheEnd)
                .add(3, MUST, "ReportEndOfStream hr 1 and ReportStreamChange in one command packet (a playlist):"
                        + " the client reads both messages and plays the second entry to its end")
                .covers("R1", "R3")
                .erratum("A client that does not follow playlists at all fails 3.1.5.19-01 as well; this case"
                        + " differs from that one only in the two replies sharing one TcpMessageHeader.")
                .server(b -> b.pacing(Pacing.REALTIME).serverVersion(C3_1_5_18_EndOfStream.WMS9)
                        .media("sample.asf", AsfFile.sample(), AsfFile.sample())
                        .faults(Faults.NONE.withCombineMessages()))
                .check(Handling::playedToTheEnd);
    }
}
