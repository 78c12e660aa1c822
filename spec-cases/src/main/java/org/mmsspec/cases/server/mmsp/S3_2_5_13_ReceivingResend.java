package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mmsspec.cases.server.CaseContext;
import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.cases.server.Target;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.RequestPacketListResend;

/**
 * MS-MMSP 3.2.5.13: RequestPacketListResend, sent by UDP to the server's port numbered as its TCP port, is checked
 * against Client-ID and File-ID and answered with the very packets sent before.
 */
final class S3_2_5_13_ReceivingResend {

    /** Data packets received before asking for some of them again. */
    private static final int RECEIVED = 5;

    private S3_2_5_13_ReceivingResend() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.13", "Receiving a RequestPacketListResend Packet");
        g.add(1, SHOULD, "A resend request for a Data packet received by UDP is answered with a copy of it by UDP")
                .covers("R4", "MMSP-3.2.5.11.1-R12").tags(ServerCase.UDP).run(ctx -> {
                    Resends r = Resends.start(ctx);
                    DataPacket asked = r.received.get(1);
                    r.ask(asked);
                    ctx.should(r.copyOf(asked) != null, "no copy of Data packet " + asked.LocationId() + " came within "
                            + ctx.timeout().toMillis() + " ms");
                });
        g.add(2, MUST, "A resent Data packet is byte for byte the packet first sent").covers("R5")
                .tags(ServerCase.UDP).run(ctx -> {
                    Resends r = Resends.start(ctx);
                    DataPacket asked = r.received.get(1);
                    r.ask(asked);
                    DataPacket copy = r.requireCopy(asked);
                    ctx.must(Arrays.equals(asked.encode(), copy.encode()),
                            "the resent Data packet differs from the first: " + copy + " against " + asked);
                });
        g.add(3, SHOULD, "A request naming every Data packet received so far (at most 32) gets each back unchanged")
                .covers("R4", "R5").tags(ServerCase.UDP).run(ctx -> {
                    Resends r = Resends.start(ctx);
                    long count = r.play.filePacketCount > 0 ? r.play.filePacketCount : Long.MAX_VALUE;
                    int all = (int) Math.min(RequestPacketListResend.MAX_PACKETS, count);
                    r.received.addAll(r.play.data(PLAY, Math.max(0, all - RECEIVED)));
                    r.play.resend(r.play.clientId, r.play.openFileId, r.received.stream().map(UdpPlay::seq).toList());
                    for (DataPacket d : r.received) {
                        DataPacket copy = r.copyOf(d);
                        ctx.should(copy != null && Arrays.equals(d.encode(), copy.encode()),
                                "Data packet " + d.LocationId() + " came back unchanged");
                    }
                });
        g.add(4, MUST, "A resend request with a dwClientId other than nCubs is not answered").covers("R2")
                .tags(ServerCase.UDP).run(ctx -> {
                    Resends r = Resends.start(ctx);
                    DataPacket asked = r.received.get(1);
                    r.play.resend(r.play.clientId ^ 0x5A5A5A5AL, r.play.openFileId, List.of(UdpPlay.seq(asked)));
                    r.mustGetNoCopy("a dwClientId that is not the session's");
                });
        g.add(5, MUST, "A resend request with a wSourceId other than openFileId's low 16 bits is not answered")
                .covers("R3").tags(ServerCase.UDP).run(ctx -> {
                    Resends r = Resends.start(ctx);
                    DataPacket asked = r.received.get(1);
                    r.play.resend(r.play.clientId, r.play.openFileId + 0x100, List.of(UdpPlay.seq(asked)));
                    r.mustGetNoCopy("a wSourceId that is not the file's");
                });
        g.add(6, MUST, "After a resend request while streaming, the play goes on: two Data packets past those"
                + " received before it arrive")
                .covers("R6").tags(ServerCase.UDP).run(ctx -> {
                    // paced, so that the play is still going when the request comes
                    Resends r = Resends.start(ctx, ctx.target().pacedEndpoint());
                    r.ask(r.received.get(0));
                    long last = r.received.stream().mapToLong(DataPacket::LocationId).max().orElseThrow();
                    // two: one may have been on its way before the request came
                    for (int fresh = 0; fresh < 2;) {
                        fresh += r.play.nextUdp("the rest of the play by UDP").LocationId() > last ? 1 : 0;
                    }
                });
        return g;
    }

    /** A UDP play with its first Data packets received, and what came back after asking for some again. */
    private record Resends(CaseContext ctx, UdpPlay play, List<DataPacket> received) {

        static Resends start(CaseContext ctx) {
            return start(ctx, ctx.target().mediaEndpoint());
        }

        static Resends start(CaseContext ctx, Target.Endpoint at) {
            UdpPlay p = UdpPlay.ready(ctx, at, false);
            p.play(PLAY);
            return new Resends(ctx, p, new ArrayList<>(p.data(PLAY, RECEIVED)));
        }

        void ask(DataPacket d) {
            play.resend(play.clientId, play.openFileId, List.of(UdpPlay.seq(d)));
        }

        /** A copy of {@code d} by UDP within the timeout; null when none came. */
        DataPacket copyOf(DataPacket d) {
            return play.copyOf(d, System.nanoTime() + ctx.timeout().toNanos());
        }

        DataPacket requireCopy(DataPacket d) {
            DataPacket copy = copyOf(d);
            if (copy == null) {
                ctx.skip("the target resent nothing (a SHOULD, judged by MMSP-3.2.5.13-01)");
            }
            return copy;
        }

        /** Watches the UDP port for {@link SessionSteps#QUIET}: no copy of a received packet may come. */
        void mustGetNoCopy(String why) {
            Set<String> seen = new HashSet<>();
            received.forEach(d -> seen.add(d.LocationId() + ":" + d.AFFlags()));
            long deadline = System.nanoTime() + SessionSteps.QUIET.toNanos();
            for (DataPacket d = play.udpBefore(deadline); d != null; d = play.udpBefore(deadline)) {
                ctx.must(!seen.contains(d.LocationId() + ":" + d.AFFlags()), "Data packet " + d.LocationId()
                        + " was resent for a request with " + why);
            }
        }
    }
}
