package org.mmsspec.cases.server.mmsp;

import static org.mmsspec.cases.server.ServerCase.NEGATIVE;
import static org.mmsspec.cases.server.ServerCase.UDP;
import static org.mmsspec.codec.Level.MUST;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Outcome;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.MmsMessage;

/** MS-MMSP 3.2.5.13 with bad input: a resend request from the right client for another file. */
final class S3_2_5_13_ReceivingRequestPacketListResend_Malformed {

    /** How long the absence of a resent packet is watched for: the reference resends at once. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private S3_2_5_13_ReceivingRequestPacketListResend_Malformed() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.mmsp("3.2.5.13", "Receiving a RequestPacketListResend Packet");
        g.add(50, MUST, "after playing over UDP, a RequestPacketListResend whose wSourceId is not the File-ID gets "
                + "nothing resent").covers("R3").tags(NEGATIVE, UDP).run(ctx -> {
                    try (PlayedUdp p = PlayedUdp.play(ctx)) {
                        ctx.must(!p.content().isEmpty(), "Data packets came over UDP to ask a resend of");
                        long clientId = received(p.client(), LinkMacToViewerReportFunnelInfo.class).nCubs();
                        long fileId = received(p.client(), LinkMacToViewerReportOpenFile.class).openFileId();
                        // the last packet: the most recent is the one a server still holds; its 32-bit sequence
                        // number counts the content's Data packets from 0 (2.2.5)
                        long last = p.content().size() - 1;
                        p.udp().sendResend(RequestPacketListResend.of(clientId, fileId + 1, List.of(last)),
                                new InetSocketAddress(ctx.target().host(), ctx.target().mmsPort()));
                        Outcome o = p.udp().receive(QUIET);
                        ctx.must(o instanceof Outcome.Timeout, "no Data packet answers a request for another "
                                + "file; got " + o.summary());
                    }
                });
        return g;
    }

    /** The first {@code type} message the client received. */
    private static <T extends MmsMessage> T received(MmstClient c, Class<T> type) {
        return c.transcript().entries().stream().filter(e -> e.decoded() instanceof CommandPacket)
                .flatMap(e -> ((CommandPacket) e.decoded()).messages().stream()).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()));
    }
}
