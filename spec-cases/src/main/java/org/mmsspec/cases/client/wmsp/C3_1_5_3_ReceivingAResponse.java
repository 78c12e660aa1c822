package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import io.netty.handler.codec.http.HttpResponse;
import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.mmsh.RequestType;
import org.mmsspec.server.scenario.Mutation;

/** MS-WMSP 3.1.5.3: a response without a WMSP Server header comes from a web server, and is an error. */
final class C3_1_5_3_ReceivingAResponse {

    private C3_1_5_3_ReceivingAResponse() {
    }

    /** Every response of the server gets this Server header, or none where {@code server} is null. */
    private static Mutation serverHeader(String server) {
        return new Mutation() {
            @Override
            public void head(HttpResponse response) {
                response.headers().remove("Server");
                if (server != null) {
                    response.headers().add("Server", server);
                }
            }

            @Override
            public String toString() {
                return server == null ? "no Server header" : "Server: " + server;
            }
        };
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.5.3", "ReceivingAResponse")
                .add(1, MUST, "a Describe answered without a Server header is an error: the client does not Play")
                .covers("R1", "R2").schemes(Scheme.MMSH).server(b -> b.mutation(serverHeader(null)))
                .check(ctx -> noPlay(ctx, "no Server header"))
                .add(2, MUST, "a Describe answered by 'Server: Apache/2.4.57' is an error: the client does not Play")
                .covers("R1", "R2").schemes(Scheme.MMSH).server(b -> b.mutation(serverHeader("Apache/2.4.57")))
                .check(ctx -> noPlay(ctx, "Server: Apache/2.4.57"));
    }

    private static void noPlay(ClientContext ctx, String served) {
        Mmsh.describe(ctx);
        ctx.expect(ctx.mmshRequests().stream().noneMatch(r -> r.type() == RequestType.PLAY),
                "the Describe's response had " + served + ", yet the client went on to Play");
    }
}
