package org.mmsspec.cases.client.rollover;

import static org.mmsspec.codec.Level.SHOULD;

import java.util.List;
import java.util.Set;

import io.netty.handler.codec.http.HttpResponse;
import org.mmsspec.cases.client.Attempt;
import org.mmsspec.cases.client.Attempt.Kind;
import org.mmsspec.cases.client.ClientCase;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.scenario.Mutation;

/**
 * Protocol rollover for mms:// URLs. Neither specification states an order or a rule (MS-MMSP 1.6 says, informatively,
 * that MMS is for servers without RTSP or WMSP); the orders and the "no rollover on an authentication failure or a
 * session limit" rule are the Windows Media Format SDK's and Media Foundation's documented behaviour. Hence SHOULD:
 * a client that departs gets a WARN, and every case notes the order the client took.
 */
final class C1_6_Rollover {

    /** NS_E_MAX_CLIENTS: the server's client limit is reached. */
    static final long NS_E_MAX_CLIENTS = 0xC00D0049L;
    private static final String SOURCE = "No MS-MMSP or MS-WMSP statement gives a rollover order; this follows the"
            + " Windows Media Format SDK (RTSPU, RTSPT, MMSU, MMST, HTTP) or Media Foundation (RTSPT, RTSPU, HTTP),"
            + " chosen by -Dclient.rollover.";

    /** 401 responses ask for Basic credentials, as a protected WMS publishing point does. */
    private static final Mutation BASIC_401 = new Mutation() {
        @Override
        public void head(HttpResponse r) {
            if (r.status().code() == 401) {
                r.headers().set("WWW-Authenticate", "Basic realm=\"mmsspec\"");
            }
        }

        @Override
        public String toString() {
            return "401 with a Basic challenge";
        }
    };

    private C1_6_Rollover() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.mmsp("1.6", "Rollover")
                .add(1, SHOULD, "RTSP and MMS not served (reset after the first bytes), MMSH serves: the client"
                        + " rolls over in order and streams over MMSH")
                .erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.MMST, Behaviour.REFUSE))
                .check(ctx -> endsOverMmsh(ctx, Rollover.inOrder(ctx)))
                .add(2, SHOULD, "RTSP answers 551 Option not supported, MMS not served, MMSH serves: the client"
                        + " rolls over in order and streams over MMSH")
                .erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.RTSP, Behaviour.ERROR).behaviour(Protocol.MMST, Behaviour.REFUSE))
                .check(ctx -> endsOverMmsh(ctx, Rollover.inOrder(ctx)))
                .add(3, SHOULD, "RTSP 551, MMS answers Connect with hr NS_E_MMS_NOT_SUPPORTED, MMSH serves: the client"
                        + " rolls over in order and streams over MMSH")
                .erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.RTSP, Behaviour.ERROR).behaviour(Protocol.MMST, Behaviour.ERROR))
                .check(ctx -> endsOverMmsh(ctx, Rollover.inOrder(ctx)))
                .add(4, SHOULD, "the UDP funnel is refused (ReportDisconnectedFunnel), MMS over TCP serves: the client"
                        + " goes on over TCP and streams")
                .covers("MMSP-3.1.5.5-R11").erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.MMSU, Behaviour.ERROR))
                .check(ctx -> {
                    List<Attempt> a = Rollover.inOrder(ctx);
                    Rollover.firstUdp(ctx, a);
                    ctx.expect(ctx.streaming(), "the client never streamed after the UDP funnel was refused; it tried "
                            + a);
                })
                .add(5, SHOULD, "the UDP funnel is granted but no UDP data comes: the client gives up UDP for a later"
                        + " step (MMST or MMSH)")
                .erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.MMSU, Behaviour.SILENT))
                .check(ctx -> {
                    List<Attempt> a = Rollover.inOrder(ctx);
                    int udp = Rollover.firstUdp(ctx, a);
                    ctx.expect(a.subList(udp + 1, a.size()).stream().anyMatch(x -> x.kind() != Kind.MMSU),
                            "no UDP data came, and the client tried nothing after " + a.get(udp));
                })
                .add(6, SHOULD, "mmst:// with MMS over TCP not served: the client tries no other protocol")
                .erratum("A protocol-specific scheme turns rollover off (Windows Media Format SDK, Media"
                        + " Foundation); no MS-MMSP statement says so.")
                .tags(ClientCase.ROLLOVER).schemes(Scheme.MMST)
                .server(b -> b.behaviour(Protocol.MMST, Behaviour.REFUSE))
                .check(ctx -> only(ctx, Set.of(Kind.MMST, Kind.MMSU), "mmst://"))
                .add(7, SHOULD, "mmsh:// with MMSH not served: the client tries no other protocol")
                .covers("WMSP-3.1.4.2-R1")
                .erratum("A protocol-specific scheme turns rollover off (Windows Media Format SDK, Media"
                        + " Foundation); MS-WMSP only says the client connects to the URL's address and port.")
                .tags(ClientCase.ROLLOVER).schemes(Scheme.MMSH)
                .server(b -> b.behaviour(Protocol.MMSH, Behaviour.REFUSE))
                .check(ctx -> only(ctx, Set.of(Kind.MMSH, Kind.HTTP), "mmsh://"))
                .add(8, SHOULD, "credentials required, none given (MMS BASIC challenge, MMSH 401): the client does"
                        + " not roll over to another protocol")
                .erratum("Media Foundation documents that it does not roll over on an authentication failure; no"
                        + " MS-MMSP or MS-WMSP statement says so.")
                .tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.credentials("mmsspec", "secret").behaviour(Protocol.MMSH, Behaviour.ERROR)
                        .errorCode(Protocol.MMSH, 401).mutation(BASIC_401))
                .check(ctx -> Rollover.noRolloverAfter(ctx, a -> a.kind() == Kind.MMSH
                        ? Rollover.errorReply(ctx, a, "401")
                        : ctx.sent().stream().anyMatch(s -> s.connection() == a.connection()
                                && s.message() instanceof LinkViewerToMacOpenFile), "an authentication failure"))
                .add(9, SHOULD, "the server's client limit is reached (MMS hr NS_E_MAX_CLIENTS, MMSH 503): the client"
                        + " does not roll over to another protocol")
                .erratum("Media Foundation documents that it does not roll over when the server's client limit is"
                        + " reached; no MS-MMSP or MS-WMSP statement says so.")
                .tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .server(b -> b.behaviour(Protocol.MMST, Behaviour.ERROR).errorCode(Protocol.MMST, NS_E_MAX_CLIENTS)
                        .behaviour(Protocol.MMSH, Behaviour.ERROR).errorCode(Protocol.MMSH, 503))
                .check(ctx -> Rollover.noRolloverAfter(ctx, a -> Rollover.errorReply(ctx, a,
                        a.kind() == Kind.MMSH || a.kind() == Kind.HTTP ? "503" : "ReportConnectedEX hr"),
                        "the server's client limit"))
                .add(10, SHOULD, "every protocol serves: the client streams over its first choice and tries no other")
                .erratum(SOURCE).tags(ClientCase.ROLLOVER).schemes(Scheme.MMS)
                .check(ctx -> {
                    List<Attempt> a = Rollover.inOrder(ctx);
                    ctx.expect(RolloverProfile.kinds(a).size() == 1 && ctx.streaming(),
                            "with every protocol served the client tried " + a + (ctx.streaming() ? ""
                                    : " and never streamed"));
                });
    }

    /** Judges that the client ended streaming over MMSH, the last step of both profiles. */
    private static void endsOverMmsh(org.mmsspec.cases.client.ClientContext ctx, List<Attempt> a) {
        ctx.expect(Rollover.streamedOver(ctx, a, Set.of(Kind.MMSH)), "the client never streamed over MMSH on :"
                + ctx.url().port() + "; it tried " + a + " (a step to another port, such as 80, is not seen)");
    }

    /** Judges that a protocol-specific URL led to no attempt of another protocol. */
    private static void only(org.mmsspec.cases.client.ClientContext ctx, Set<Kind> allowed, String scheme) {
        List<Attempt> a = Rollover.attempts(ctx);
        List<Attempt> other = a.stream().filter(x -> !allowed.contains(x.kind())).toList();
        ctx.expect(other.isEmpty(), "given " + scheme + ", the client also tried " + other);
    }
}
