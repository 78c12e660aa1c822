package org.mmsspec.cases.client.rollover;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.mmsspec.cases.client.Attempt;
import org.mmsspec.cases.client.Attempt.Kind;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.ConnectionEvent.What;

/** What the rollover cases share: the attempts (noted in the report whatever the verdict) and their judgements. */
final class Rollover {

    private Rollover() {
    }

    /**
     * The client's attempts, noted for the report; skips where none reached the server (the client takes no such
     * URL, or went to other ports only).
     */
    static List<Attempt> attempts(ClientContext ctx) {
        List<Attempt> a = ctx.attempts();
        if (a.isEmpty()) {
            String said = ctx.exit() == null ? "" : ctx.exit().outputTail().strip();
            said = said.isEmpty() ? "" : "; it said '" + said.substring(said.lastIndexOf('\n') + 1) + "'";
            ctx.skip("the client never reached " + ctx.url() + " ("
                    + (ctx.exit() == null ? "still running" : ctx.exit().summary()) + said + ")");
        }
        ctx.note("the client tried " + String.join(", ", RolloverProfile.kinds(a).stream().map(Kind::name).toList())
                + " on :" + ctx.url().port() + (a.stream().allMatch(x -> x.port() == ctx.url().port()) ? ""
                        : " and other ports"));
        return a;
    }

    /** The attempts follow the selected profile's order; notes them either way. */
    static List<Attempt> inOrder(ClientContext ctx) {
        List<Attempt> a = attempts(ctx);
        RolloverProfile p = RolloverProfile.selected();
        p.breach(a).ifPresent(b -> ctx.should(false, "rollover order: " + b));
        return a;
    }

    /** The index of the first attempt that asked for a UDP funnel; skips where none did (the rule is about UDP). */
    static int firstUdp(ClientContext ctx, List<Attempt> attempts) {
        int udp = attempts.stream().map(Attempt::kind).toList().indexOf(Kind.MMSU);
        if (udp < 0) {
            ctx.skip("the client never asked for a UDP funnel; it tried " + attempts);
        }
        return udp;
    }

    /** The session reached streaming on a connection of one of {@code kinds}. */
    static boolean streamedOver(ClientContext ctx, List<Attempt> attempts, Set<Kind> kinds) {
        return attempts.stream().filter(a -> kinds.contains(a.kind()))
                .anyMatch(a -> events(ctx, a).stream().anyMatch(e -> e.what() == What.STREAMING));
    }

    static List<ConnectionEvent> events(ClientContext ctx, Attempt a) {
        return ctx.events().stream().filter(e -> e.connection() == a.connection()).toList();
    }

    /** Whether the server answered {@code a} with an error reply whose detail starts with {@code prefix}. */
    static boolean errorReply(ClientContext ctx, Attempt a, String prefix) {
        return events(ctx, a).stream().anyMatch(e -> e.what() == What.ERROR_REPLY && e.detail().startsWith(prefix));
    }

    /**
     * After the first attempt that met {@code met} (an authentication failure, a session limit), the client tries no
     * other protocol: rollover is for a protocol that fails, not for a server that said no. Skips where no attempt met
     * it.
     */
    static void noRolloverAfter(ClientContext ctx, Predicate<Attempt> met, String what) {
        List<Attempt> a = attempts(ctx);
        int at = -1;
        for (int i = 0; i < a.size() && at < 0; i++) {
            at = met.test(a.get(i)) ? i : -1;
        }
        if (at < 0) {
            ctx.skip("the client never met " + what + "; it tried " + a);
        }
        Kind kind = a.get(at).kind();
        List<Attempt> later = a.subList(at + 1, a.size()).stream().filter(x -> x.kind() != kind).toList();
        ctx.expect(later.isEmpty(), "after " + what + " on " + a.get(at) + " the client rolled over to " + later);
    }
}
