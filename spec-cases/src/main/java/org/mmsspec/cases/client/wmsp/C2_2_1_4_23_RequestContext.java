package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;
import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Optional;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsh.RequestType;

/** MS-WMSP 2.2.1.4.23 request-context: a counter the client may send. */
final class C2_2_1_4_23_RequestContext {

    private C2_2_1_4_23_RequestContext() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("2.2.1.4.23", "RequestContext")
                .add(1, MUST, "where sent, request-context is a decimal from 1 to 4294967295")
                .covers("R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    for (RecordedRequest r : sent(ctx)) {
                        String v = r.pragma().get("request-context").orElseThrow();
                        boolean ok = v.matches("\\d{1,10}") && Long.parseLong(v) >= 1 && Long.parseLong(v) <= 0xFFFFFFFFL;
                        ctx.expect(ok, Mmsh.line(r) + ": request-context=" + v);
                    }
                })
                .add(2, SHOULD, "request-context counts up within a session: from its Describe to the Play and on")
                .erratum("The spec leaves the token's meaning to the implementation; its note <35> says how Windows"
                        + " Media Player 6 counts (the first Play sends 2, later GETs more), and a server tells old"
                        + " players by it (3.2.5.6). So a counter that does not grow is a WARN. A new Describe"
                        + " starts a new count.")
                .schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    sent(ctx);
                    Mmsh.play(ctx);
                    Long before = null;
                    for (RecordedRequest r : ctx.requireMmsh()) {
                        Optional<Long> v = r.pragma().u32("request-context");
                        if (r.type() == RequestType.DESCRIBE) {
                            before = v.orElse(null);
                        } else if (v.isPresent() && before != null) {
                            ctx.expect(v.get() > before, Mmsh.line(r) + ": request-context=" + v.get()
                                    + " after " + before);
                            before = v.get();
                        }
                    }
                });
    }

    /** The requests that carry request-context; skips where none does (the token is a MAY). */
    private static List<RecordedRequest> sent(ClientContext ctx) {
        List<RecordedRequest> with = ctx.requireMmsh().stream().filter(r -> r.pragma().has("request-context"))
                .toList();
        if (with.isEmpty()) {
            ctx.skip("the client sends no request-context (it may leave it out)");
        }
        return with;
    }
}
