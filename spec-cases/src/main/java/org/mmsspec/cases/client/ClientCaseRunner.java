package org.mmsspec.cases.client;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.mmsspec.cases.CaseFailed;
import org.mmsspec.cases.CaseResult;
import org.mmsspec.cases.CaseSkipped;
import org.mmsspec.cases.Conclusion;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Verdict;
import org.mmsspec.codec.Level;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.SharedPort;
import org.mmsspec.server.mmsh.MmshServer;
import org.mmsspec.server.mmsp.MmstServer;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * Runs one client case to a verdict: a fresh mock server on a fresh port, the client started on the case's URL and
 * stopped once the case has seen enough (or at the client timeout), then the judgement. Whatever the client does,
 * the case ends: the client is stopped, TERM then KILL, and the server closed.
 *
 * <p>Beyond the case's own check, a client that dies by a signal of its own making fails. Unlike server cases, the
 * codec's violations are not judged wholesale: one broken rule of a section would fail every case of it, so each case
 * judges the fields it is about ({@link ClientContext#judgeFields}).
 */
public final class ClientCaseRunner {

    private final ClientLauncher launcher;
    private final ClientSettings settings;

    public ClientCaseRunner(ClientLauncher launcher, ClientSettings settings) {
        this.launcher = launcher;
        this.settings = settings;
    }

    public CaseResult run(ClientCase c) {
        long start = System.nanoTime();
        Optional<Scheme> scheme = scheme(c);
        if (scheme.isEmpty()) {
            return result(c, Verdict.SKIP, "the client takes only " + settings.scheme().orElseThrow().prefix()
                    + "://; this case needs " + c.schemes().stream().map(s -> s.prefix() + "://").toList(),
                    List.of(), start, List.of());
        }
        MmstServer mmst = new MmstServer();
        MmshServer mmsh = new MmshServer();
        ServerOptions options = ServerOptions.defaults().withServer(Protocol.MMST, mmst)
                .withServer(Protocol.MMSH, mmsh);
        try (MockMmsServer server = startServer(c, scheme.get(), options)) {
            int port = server.port(Protocol.MMST);
            ClientUrl url = new ClientUrl(scheme.get(), server.host(), port, c.path(), port, port, port);
            if (c.tagged(ClientCase.CREDENTIALS_IN_URL) && server.scenario().credentials().isPresent()) {
                var cred = server.scenario().credentials().get();
                url = url.withUserInfo(cred.user(), cred.password());
            }
            ClientContext ctx = new ClientContext(c, settings.run(), url, server, mmst, mmsh);
            RunningClient client;
            try {
                client = launcher.start(url);
            } catch (IOException | RuntimeException e) {
                return result(c, Verdict.ERROR, "cannot start the client: " + e.getMessage(), List.of(), start,
                        ctx.evidence(launcher.describe()));
            }
            ctx.exited(await(client, ctx));
            return judge(c, ctx, start);
        }
    }

    /** The scheme this run gives the case's client, or empty where the client's one scheme does not fit it. */
    private Optional<Scheme> scheme(ClientCase c) {
        if (settings.scheme().isEmpty()) {
            return Optional.of(c.schemes().get(0));
        }
        Scheme forced = settings.scheme().get();
        if (c.schemes().contains(forced)) {
            return Optional.of(forced);
        }
        // a client that takes only mms:// reaches a protocol-specific case when the others are refused
        return forced == Scheme.MMS && c.schemes().get(0) != Scheme.MMSU && !c.tagged(ClientCase.ROLLOVER)
                ? Optional.of(Scheme.MMS) : Optional.empty();
    }

    private static MockMmsServer startServer(ClientCase c, Scheme scheme, ServerOptions options) {
        return SharedPort.start(b -> {
            Scenario.Builder s = c.scenario().apply(b.name(c.id()).pacing(Pacing.FAST));
            if (scheme == Scheme.MMS && !c.schemes().contains(Scheme.MMS)) {
                // steer a rolling client to the case's protocol: refuse the others
                Protocol wanted = c.schemes().get(0).protocol().orElseThrow();
                s = s.behaviour(wanted == Protocol.MMSH ? Protocol.MMST : Protocol.MMSH, Behaviour.REFUSE);
            }
            return s;
        }, options);
    }

    /** Lets the client run until it exits, the case has seen enough and the log is quiet, or the client timeout. */
    private ClientExit await(RunningClient client, ClientContext ctx) {
        long deadline = System.nanoTime() + settings.clientTimeout().toNanos();
        long settleNanos = settings.settle().toNanos();
        long quietSince = System.nanoTime();
        int seen = -1;
        try {
            while (!client.exited() && System.nanoTime() < deadline) {
                int n = ctx.events().size();
                if (n != seen) {
                    seen = n;
                    quietSince = System.nanoTime();
                }
                if (System.nanoTime() - quietSince >= settleNanos && untilHolds(ctx)) {
                    break;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return client.stop(settings.grace());
    }

    private static boolean untilHolds(ClientContext ctx) {
        try {
            return ctx.clientCase().until().test(ctx);
        } catch (RuntimeException e) {
            return false; // a condition that cannot be read yet does not hold
        }
    }

    private CaseResult judge(ClientCase c, ClientContext ctx, long start) {
        Finding ended = null;
        String skipped = null;
        String error = null;
        ClientExit exit = ctx.exit();
        try {
            if (exit.crashed()) {
                throw new CaseFailed(new Finding(c.section(), Level.MUST, "the client died by " + exit.signal()
                        + " (exit " + exit.code() + ")", "a clean exit or a clean stop", exit.summary()));
            }
            c.check().check(ctx);
        } catch (CaseFailed e) {
            ended = e.finding();
        } catch (CaseSkipped e) {
            skipped = e.getMessage();
        } catch (Exception | AssertionError | StackOverflowError e) {
            error = "the case broke: " + e;
        }
        Conclusion done = Conclusion.of(error, skipped, ended, ctx.findings(), settings.run().strict())
                .noting(ctx.notes());
        return result(c, done.verdict(), done.message(), done.findings(), start, ctx.evidence(launcher.describe()));
    }

    private static CaseResult result(ClientCase c, Verdict v, String message, List<Finding> findings, long start,
            List<org.mmsspec.cases.Evidence> evidence) {
        return new CaseResult(c, v, message, findings, (System.nanoTime() - start) / 1_000_000, List.of(), evidence);
    }
}
