package org.mmsspec.harness.conformance;

import static org.mmsspec.codec.Level.MUST;

import java.util.ArrayList;
import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.ServerCase;
import org.mmsspec.client.Handshake.Stage;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.Session;

/**
 * One case per way a script reads from a target (a whole session, an error or a close, a liveness probe, an MMSH
 * Describe and Play), so that hostile targets meet every read path of the mock client whatever the suite holds. Each
 * passes against the reference.
 */
final class VocabularyCases {

    private VocabularyCases() {
    }

    /** {@code copies} of each case, in groups of up to 99 (case numbers end at 99). */
    static List<ServerCase> all(int copies) {
        List<ServerCase> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            CaseGroup g = CaseGroup.mmsp("9." + (i + 1), "read paths of the mock client");
            g.add(1, MUST, "a whole session plays to ReportEndOfStream").run(ctx -> {
                Session s = ctx.play();
                ctx.must(!s.readAll().isEmpty(), "Data packets follow StartPlaying");
                ctx.must(s.endOfStream().isPresent(), "the session ends with ReportEndOfStream: " + s.end());
            });
            g.add(2, MUST, "garbage after OpenFile is refused, and the server lives on").tags(ServerCase.NEGATIVE)
                    .run(ctx -> {
                        MmstClient c = ctx.handshake().upTo(Stage.FILE_OPENED).client();
                        c.sendRaw(new byte[] {1, 0, 0, 0, (byte) 0xCE, (byte) 0xFA, 0x0B, (byte) 0xB0, 8, 0, 0, 0,
                            0x4D, 0x4D, 0x53, 0x20, 9, 9, 9, 9, 9, 9, 9, 9});
                        ctx.expectErrorOrClose(c);
                    });
            g.add(3, MUST, "the ASF header arrives after ReadBlock").run(ctx -> {
                var h = ctx.handshake().upTo(Stage.HEADER_READ).header();
                ctx.must(!h.streamNumbers().isEmpty(), "the header lists streams");
            });
            g.add(4, MUST, "an MMSH Describe is answered with 200 and the ASF header").tags(ServerCase.MMSH)
                    .run(ctx -> {
                        MmshResponse r = ctx.mmsh().describe("/" + ctx.target().media());
                        ctx.mustEqual("status", 200, r.status());
                        ctx.must(r.asfHeader().length > 0 && r.complete(),
                                "the body is a whole ASF header: " + r.end());
                    });
            g.add(5, MUST, "a chunked MMSH Play streams Data packets").tags(ServerCase.MMSH).run(ctx -> {
                MmshClient c = ctx.mmsh();
                MmshResponse d = c.describe("/" + ctx.target().media());
                // the two streams of the reference's sample
                MmshResponse p = c.play("/" + ctx.target().media(), "client-id=" + d.clientId(),
                        "version11-enabled=1", "stream-switch-count=2", "stream-switch-entry=ffff:1:0 ffff:2:0");
                ctx.mustEqual("status", 200, p.status());
                ctx.must(!p.data().isEmpty() && p.complete(), "a whole body of Data packets: " + p.end());
            });
            out.addAll(g.cases());
        }
        return out;
    }
}
