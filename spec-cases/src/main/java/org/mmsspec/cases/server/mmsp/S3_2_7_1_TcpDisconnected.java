package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.mmsp.SessionSteps.PLAY;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.codec.DataPacket;

/** MS-MMSP 3.2.7.1: when the TCP connection goes, so does the session. */
final class S3_2_7_1_TcpDisconnected {

    private S3_2_7_1_TcpDisconnected() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.7.1", "TCP Connection Is Disconnected");
        g.add(1, SHOULD, "After the client closes TCP, a resend request naming the old session is not answered")
                .covers("R1").tags(ServerCase.UDP).run(ctx -> {
                    UdpPlay p = UdpPlay.ready(ctx, ctx.target().mediaEndpoint(), false);
                    p.play(PLAY);
                    DataPacket asked = p.data(PLAY, 2).get(0);
                    List<Long> seq = List.of(UdpPlay.seq(asked));
                    p.resend(p.clientId, p.openFileId, seq);
                    if (p.copyOf(asked, System.nanoTime() + ctx.timeout().toNanos()) == null) {
                        ctx.skip("the target does not resend even while the session lives");
                    }
                    p.tcp.close();
                    Thread.sleep(SessionSteps.QUIET.toMillis()); // the server sees the close
                    p.resend(p.clientId, p.openFileId, seq);
                    ctx.should(p.copyOf(asked, System.nanoTime() + SessionSteps.QUIET.toNanos()) == null,
                            "Data packet " + asked.LocationId() + " was resent for a session whose TCP connection"
                                    + " had closed");
                });
        return g;
    }
}
