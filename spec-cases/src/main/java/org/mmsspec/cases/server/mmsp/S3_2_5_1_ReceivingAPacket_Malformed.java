package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.mmsp.MalformedInput.*;
import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmstClient;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * MS-MMSP 3.2.5.1 with bad input: every TcpMessageHeader field damaged one at a time, lengths that lie, unknown and
 * misdirected MIDs, bytes that are no command packet, packets cut short, and valid packets cut into small segments.
 */
final class S3_2_5_1_ReceivingAPacket_Malformed {

    private static final String CHECKS_HEADER = "R2";

    private S3_2_5_1_ReceivingAPacket_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.1", "Receiving a Packet");
        headerFields(g);
        lengths(g);
        mids(g);
        notCommands(g);
        segments(g);
        return g;
    }

    /**
     * After a good Connect, a FunnelInfo whose header breaks one field: the damage comes mid-stream, where only the
     * server's framing can catch it, not a sniff of the connection's first bytes.
     */
    private static void headerFields(CaseGroup g) {
        damaged(g, 50, "rep 0x02", "MMSP-2.2.3-R1", b -> b[REP] = 2);
        damaged(g, 51, "version 0x01", "MMSP-2.2.3-R2", b -> b[VERSION] = 1);
        damaged(g, 52, "versionMinor 0x01", "MMSP-2.2.3-R3", b -> b[VERSION_MINOR] = 1);
        // CF FA 0B B0 -> CF FA 0B B1: the first 8 bytes no longer announce a command packet (3.1.5.2)
        damaged(g, 53, "sessionId 0xB10BFACE (no command packet)", "MMSP-2.2.3-R6",
                b -> b[SESSION_ID + 3] = (byte) 0xB1);
        damaged(g, 54, "seal \"MMS!\"", "MMSP-2.2.3-R7", b -> b[SEAL + 3] = '!');
        g.add(55, MUST, "after Connect, FunnelInfo with chunkCount 0, neither messageLength/8 nor the packet's size/8, "
                + "is refused")
                .covers(CHECKS_HEADER, "MMSP-2.2.3-R8").tags(NEGATIVE)
                .erratum("chunkCount counts messageLength/8 on the wire, (messageLength+16)/8 in the spec's words; "
                        + "a value that fits neither reading is what is refused")
                .run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.sendRaw(u32(packet(c, funnelInfo()), CHUNK_COUNT, 0));
                    refused(ctx, c);
                });
        damaged(g, 56, "MBZ 0x0001", "MMSP-2.2.3-R11", b -> u16(b, MBZ, 1));
        g.add(57, SHOULD, "Connect with header padding 0xFF is answered as usual: receivers ignore padding")
                .covers("MMSP-2.2.3-R5").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    byte[] b = packet(c, connect());
                    b[PADDING] = (byte) 0xFF;
                    c.sendRaw(b);
                    var reply = c.expect(LinkMacToViewerReportConnectedEX.class);
                    ctx.shouldEqual("hr of ReportConnectedEX", 0L, reply.hr());
                });
        g.add(58, SHOULD, "Connect with timeSent 0xFFFFFFFFFFFFFFFF is answered as usual: receivers ignore timeSent")
                .covers("MMSP-2.2.3-R14").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    byte[] b = packet(c, connect());
                    Arrays.fill(b, TIME_SENT, TIME_SENT + 8, (byte) 0xFF);
                    c.sendRaw(b);
                    var reply = c.expect(LinkMacToViewerReportConnectedEX.class);
                    ctx.shouldEqual("hr of ReportConnectedEX", 0L, reply.hr());
                });
        String seqErratum = "the spec says how seq is counted, not what a receiver does with a wrong one, and deployed "
                + "servers are not known to check it: any reply or a close passes, silence fails";
        g.add(59, MUST, "FunnelInfo whose seq repeats the Connect's seq 0 is answered or refused, not met with silence")
                .covers("MMSP-2.2.3-R9").tags(NEGATIVE).erratum(seqErratum).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.send(CommandPacket.of(0, funnelInfo()));
                    answeredOrClosed(ctx, c);
                });
        g.add(60, MUST, "a first packet with seq 7 is answered or refused, not met with silence")
                .covers("MMSP-2.2.3-R10").tags(NEGATIVE).erratum(seqErratum).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(CommandPacket.of(7, connect()));
                    answeredOrClosed(ctx, c);
                });
    }

    private static void lengths(CaseGroup g) {
        damaged(g, 61, "messageLength 8, less than the header's own 16 bytes", null, b -> u32(b, MESSAGE_LENGTH, 8));
        // the server takes 8 bytes fewer than were sent: the FunnelInfo's chunkLen then overruns the packet
        damaged(g, 62, "messageLength 8 short of the packet", null,
                b -> u32(b, MESSAGE_LENGTH, b.length - 16 - 8));
        g.add(63, MUST, "after Connect, a header announcing a 4 GB packet (messageLength 0xFFFFFFF0) is refused, not "
                + "waited for")
                .covers(CHECKS_HEADER).tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.sendRaw(u32(packet(c, funnelInfo()), MESSAGE_LENGTH, 0xFFFFFFF0L));
                    refused(ctx, c);
                });
        g.add(64, MUST, "after Connect, a FunnelInfo packet whose message area is 4 bytes past a multiple of 8 is "
                + "refused")
                .covers(CHECKS_HEADER, "MMSP-2.2.3-R15").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    byte[] p = packet(c, funnelInfo());
                    byte[] b = Arrays.copyOf(p, p.length + 4); // 4 zero bytes more
                    u32(b, MESSAGE_LENGTH, b.length - 16);
                    u32(b, CHUNK_COUNT, (b.length - 16) / 8);
                    c.sendRaw(b);
                    refused(ctx, c);
                });
        damaged(g, 65, "chunkLen 0x7FFFFFFF, far past the packet's end", null, b -> u32(b, CHUNK_LEN, 0x7FFFFFFFL));
        damaged(g, 66, "chunkLen 0 (a message is at least its chunkLen and MID)", null, b -> u32(b, CHUNK_LEN, 0));
    }

    private static void mids(CaseGroup g) {
        g.add(67, MUST, "after Connect, a message with the unknown MID 0x000300FF is refused")
                .covers("R4").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.send(raw(0x000300FFL, new byte[8]));
                    refused(ctx, c);
                });
        g.add(68, MUST, "after Connect, a message of the server's direction (ReportConnectedEX) is refused")
                .covers("R4").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.send(LinkMacToViewerReportConnectedEX.of("4.1.0.3930", ""));
                    refused(ctx, c);
                });
        g.add(69, MUST, "after Connect, a ReportFunnelInfo (a MID the client never sends) is refused")
                .covers("R4").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.send(LinkMacToViewerReportFunnelInfo.of(0,
                            LinkMacToViewerReportFunnelInfo.MMS_DISABLE_PACKET_PAIR, 1, Bytes.EMPTY));
                    refused(ctx, c);
                });
    }

    private static void notCommands(CaseGroup g) {
        g.add(70, MUST, "after Connect, a Data packet from the client is refused: clients send command packets only")
                .covers(CHECKS_HEADER).tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.sendRaw(DataPacket.of(0, 1, 0, Bytes.copyOf(new byte[24])).encode());
                    refused(ctx, c);
                });
        g.add(71, MUST, "after Connect, 64 bytes of garbage are refused").covers(CHECKS_HEADER).tags(NEGATIVE)
                .run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    byte[] junk = new byte[64];
                    new Random(71).nextBytes(junk); // seeded: every run sends the same bytes
                    c.sendRaw(junk);
                    refused(ctx, c);
                });
        g.add(72, MUST, "after Connect, half a FunnelInfo packet, then the client closes: the server outlives it")
                .covers(CHECKS_HEADER).tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    byte[] b = packet(c, funnelInfo());
                    c.sendRaw(Arrays.copyOf(b, b.length / 2));
                    hangUp(c);
                });
        g.add(73, MUST, "after Connect, an OpenFile's header without its message, then the client closes: the server "
                + "outlives it").covers(CHECKS_HEADER).tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.handshake().connect().client();
                    c.sendRaw(Arrays.copyOf(packet(c, LinkViewerToMacOpenFile.of(Handshake.OPEN_INCARNATION,
                            ctx.target().media(), Bytes.EMPTY)), TcpMessageHeader.SIZE));
                    hangUp(c);
                });
    }

    private static void segments(CaseGroup g) {
        g.add(74, MUST, "the whole sequence to the first Data packet, every packet in 1-byte TCP segments, plays")
                .covers(CHECKS_HEADER, "MMSP-3.2.5.3-R6", "MMSP-3.2.5.11-R9").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst().segments(1);
                    var data = Handshake.on(c, ctx.target().media()).play().iterator();
                    ctx.must(data.hasNext(), "a Data packet follows ReportStartedPlaying");
                });
        g.add(75, MUST, "Connect and FunnelInfo packets in one TCP segment are both answered")
                .covers("MMSP-3.2.5.3-R6", "MMSP-3.2.5.4-R3").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.sendRaw(concat(CommandPacketCodec.encode(0, connect()),
                            CommandPacketCodec.encode(1, funnelInfo())));
                    c.expect(LinkMacToViewerReportConnectedEX.class);
                    c.expect(LinkMacToViewerReportFunnelInfo.class);
                });
        g.add(76, SHOULD, "a packet of zero messages, then Connect: the Connect is answered as usual")
                .covers("MMSP-3.2.5.3-R6").tags(NEGATIVE).run(ctx -> {
                    MmstClient c = ctx.mmst();
                    c.send(); // a 32-byte header, messageLength 16: "zero or more" messages (2.2.3)
                    c.send(connect());
                    c.expect(LinkMacToViewerReportConnectedEX.class);
                });
    }

    /** Case {@code n}: after Connect, a FunnelInfo with {@code what} done to its bytes must be refused. */
    private static void damaged(CaseGroup g, int n, String what, String rule, Consumer<byte[]> damage) {
        var b = g.add(n, MUST, "after Connect, FunnelInfo with " + what + " is refused").covers(CHECKS_HEADER)
                .tags(NEGATIVE);
        if (rule != null) {
            b.covers(rule);
        }
        b.run(ctx -> {
            MmstClient c = ctx.handshake().connect().client();
            byte[] packet = packet(c, funnelInfo());
            damage.accept(packet);
            c.sendRaw(packet);
            refused(ctx, c);
        });
    }
}
