package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.Level;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsh.RequestType;

/** MS-WMSP 3.1.4.2 and 3.1.4.2.1: the Describe, the first request of a session. */
final class C3_1_4_2_1_SendingTheDescribeRequest {

    private C3_1_4_2_1_SendingTheDescribeRequest() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.4.2.1", "SendingTheDescribeRequest")
                .add(1, MUST, "the first request, on the URL's port, is a Describe: a GET without xPlayStrm=1")
                .covers("WMSP-3.1.4.2-R1", "WMSP-3.1.4.2-R2").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest first = ctx.requireMmsh().get(0);
                    ctx.expectEqual("the first request", RequestType.DESCRIBE, first.type());
                })
                .add(2, MUST, "the Describe is HTTP/1.0 or HTTP/1.1")
                .covers("R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest d = Mmsh.describe(ctx);
                    ctx.expect(List.of("HTTP/1.0", "HTTP/1.1").contains(d.version()), Mmsh.line(d));
                })
                .add(3, MUST, "the Describe carries the no-cache token on a Pragma header")
                .covers("R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest d = Mmsh.describe(ctx);
                    ctx.expect(d.pragma().has("no-cache"), "no no-cache in the Describe's Pragma lines "
                            + Mmsh.pragmaLines(d));
                })
                .add(4, MUST, "an HTTP/1.1 Describe names the URL's host and port in Host (RFC 2616 14.23)")
                .covers("R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest d = Mmsh.describe(ctx);
                    String host = d.header("Host");
                    String wanted = ctx.url().host() + ":" + ctx.url().port();
                    // HTTP/1.0 has no Host rule of its own; a Host it sends must still be right
                    Level level = d.version().equals("HTTP/1.1") ? MUST : Level.SHOULD;
                    ctx.check(ctx.clientCase().section(), level, wanted.equalsIgnoreCase(host == null ? ""
                            : host.strip()), Mmsh.line(d) + ": Host", wanted, String.valueOf(host));
                });
    }
}
