package org.mmsspec.cases.client.mmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.codec.mmsp.UnknownMessage;
import org.mmsspec.server.mmsp.Transcript;

/** MS-MMSP 2.2.3 TcpMessageHeader: the framing of every command packet the client sends. */
final class C2_2_3_TcpMessageHeader {

    private C2_2_3_TcpMessageHeader() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("2.2.3", "TcpMessageHeader")
                .add(1, MUST, "every command packet the client sends has rep 0x01")
                .covers("R1")
                .check(ctx -> ctx.judgeFields("rep"))
                .add(2, MUST, "every command packet has version 0x00 and versionMinor 0x00")
                .covers("R2", "R3")
                .check(ctx -> ctx.judgeFields("version", "versionMinor"))
                .add(3, SHOULD, "the padding byte of every command packet header is 0x00")
                .covers("R4")
                .check(ctx -> ctx.judgeFields("padding"))
                .add(4, MUST, "every command packet has sessionId 0xB00BFACE")
                .covers("R6")
                .check(ctx -> {
                    ctx.requireMmst();
                    // the server frames bytes without the sessionId at offset 4 as a Data packet, no command at all
                    for (Transcript t : ctx.mmstConnections()) {
                        for (Transcript.Entry e : t.entries()) {
                            ctx.expect(!e.noCommand(), "connection #" + t.connection() + " @" + e.offset()
                                    + ": the client sent bytes without sessionId 0xB00BFACE at offset 4 (" + e.error()
                                    + ")");
                        }
                    }
                    ctx.judgeFields("sessionId");
                })
                .add(5, MUST, "messageLength frames exactly the packet's messages, a whole number of 8-byte units")
                .covers("R15")
                .check(ctx -> {
                    ctx.requireMmst();
                    // a wrong messageLength leaves bytes over (a "Data packet from the client") or swallows the
                    // next header (an unknown MID); chunkLen and area size are judged by the codec
                    for (Transcript t : ctx.mmstConnections()) {
                        for (Transcript.Entry e : t.entries()) {
                            ctx.expect(e.error() == null, "connection #" + t.connection() + " @" + e.offset()
                                    + ": bytes outside any command packet the headers frame: " + e.error());
                            ctx.expect(e.messages().stream().noneMatch(UnknownMessage.class::isInstance),
                                    "connection #" + t.connection() + " @" + e.offset() + " frames an unknown MID: "
                                            + e.messages());
                        }
                    }
                    ctx.judgeFields("messageLength", "MMS message");
                })
                .add(6, MUST, "every command packet has seal 0x20534D4D (\"MMS \")")
                .covers("R7")
                .check(ctx -> ctx.judgeFields("seal"))
                .add(7, MUST, "chunkCount is messageLength / 8 (the packet size / 8 under the literal profile)")
                .covers("R8")
                .erratum("The spec counts the whole packet, (messageLength + 16) / 8; every deployed peer writes"
                        + " messageLength / 8 (fact sheet erratum 1). Judged the deployed way; the LITERAL profile"
                        + " judges the spec's words.")
                .check(ctx -> {
                    Profile profile = ctx.settings().profile();
                    for (List<TcpMessageHeader> c : Sends.headers(ctx)) {
                        for (TcpMessageHeader h : c) {
                            ctx.expectEqual("chunkCount of the packet with seq " + h.seq() + " and messageLength "
                                    + h.messageLength(), TcpMessageHeader.expectedChunkCount(h.messageLength(),
                                            profile), h.chunkCount());
                        }
                    }
                })
                .add(8, MUST, "the first command packet on each connection has seq 0")
                .covers("R10")
                .check(ctx -> {
                    for (List<TcpMessageHeader> c : Sends.headers(ctx)) {
                        if (!c.isEmpty()) {
                            ctx.expectEqual("seq of the first packet", 0, c.get(0).seq());
                        }
                    }
                })
                .add(9, MUST, "seq goes up by one with each command packet on a connection")
                .covers("R9")
                .check(ctx -> {
                    for (List<TcpMessageHeader> c : Sends.headers(ctx)) {
                        for (int i = 1; i < c.size(); i++) {
                            ctx.expectEqual("seq of packet #" + i + " (after seq " + c.get(i - 1).seq() + ")",
                                    (c.get(i - 1).seq() + 1) & 0xFFFF, c.get(i).seq());
                        }
                    }
                })
                .add(10, MUST, "every command packet has MBZ 0x0000")
                .covers("R11")
                .check(ctx -> ctx.judgeFields("MBZ"));
    }
}
