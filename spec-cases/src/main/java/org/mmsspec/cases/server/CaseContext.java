package org.mmsspec.cases.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mmsspec.cases.CaseFailed;
import org.mmsspec.cases.CaseSkipped;
import org.mmsspec.cases.Finding;
import org.mmsspec.cases.Recorded;
import org.mmsspec.cases.RunSettings;
import org.mmsspec.cases.Verification;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.Handshake;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.MockClientException;
import org.mmsspec.client.Outcome;
import org.mmsspec.client.Session;
import org.mmsspec.client.Transcript;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.FieldMap;
import org.mmsspec.codec.Level;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * What a case script works with: the target, fresh mock clients whose transcripts go into the report, and the
 * verification vocabulary ({@link #must}, {@link #should}, {@link #expectErrorOrClose}, {@link #probeLiveness}).
 * Rules are judged against the case's own section unless one is named.
 */
public final class CaseContext extends Verification implements AutoCloseable {

    private final ServerCase serverCase;
    private final Target target;
    private final RunSettings settings;
    private final List<Recorded> recorded = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private volatile boolean closed;

    public CaseContext(ServerCase serverCase, Target target, RunSettings settings) {
        super(serverCase);
        this.serverCase = serverCase;
        this.target = Objects.requireNonNull(target);
        this.settings = Objects.requireNonNull(settings);
    }

    public Target target() {
        return target;
    }

    public RunSettings settings() {
        return settings;
    }

    public Duration timeout() {
        return settings.timeout();
    }

    public ServerCase serverCase() {
        return serverCase;
    }

    // ---- connections

    /** A fresh MMST connection to the target's MMS port. */
    public MmstClient mmst() {
        return mmst(target.host(), target.mmsPort());
    }

    public synchronized MmstClient mmst(String host, int port) {
        ensureOpen();
        MmstClient c = MmstClient.connect(host, port, settings.timeout(), settings.decodeOptions());
        recorded.add(new Recorded("MMST connection " + (recorded.size() + 1), c.transcript()));
        open.add(c);
        return c;
    }

    /** A fresh MMSH client for the target's HTTP port; each request is a connection of its own. */
    public MmshClient mmsh() {
        return mmsh(target.host(), target.httpPort());
    }

    /** A fresh MMSH client for {@code host:port} (a playlist or redirect endpoint's HTTP port). */
    public synchronized MmshClient mmsh(String host, int port) {
        ensureOpen();
        MmshClient c = new MmshClient(host, port, settings.timeout(), settings.decodeOptions());
        recorded.add(new Recorded("MMSH client " + (recorded.size() + 1), c.transcript()));
        open.add(c); // so that the deadline cuts a request in flight
        return c;
    }

    /** The TCP sequence on a fresh connection, for the target's media. */
    public Handshake handshake() {
        return Handshake.on(mmst(), target.media());
    }

    /** The TCP sequence on a fresh connection to {@code e}. */
    public Handshake handshake(Target.Endpoint e) {
        return Handshake.on(mmst(e.host(), e.port()), e.path());
    }

    /** A fresh session through StartPlaying. */
    public Session play() {
        return handshake().play();
    }

    /** The transcripts of every connection the case opened, in order. */
    public synchronized List<Recorded> transcripts() {
        return List.copyOf(recorded);
    }

    public Target.Auth requireAuth() {
        return target.auth().orElseThrow(() -> new CaseSkipped("no credentials given (-Dauth=user:pass)"));
    }

    public Target.Endpoint requirePlaylist() {
        return target.playlist().orElseThrow(() -> new CaseSkipped("no playlist path given (-Dplaylist=PATH)"));
    }

    public Target.Endpoint requireRedirect() {
        return target.redirect().orElseThrow(() -> new CaseSkipped("no redirecting path given (-Dredirect=PATH)"));
    }

    public Target.Idle requireIdle() {
        return target.idle().orElseThrow(() -> new CaseSkipped("the target's Idle-Timeout is unknown (the spec "
                + "recommends 3600 s): give -Didle=SECONDS (--idle), at most 300"));
    }

    /** Skips cases that need a file with a beginning and an end (seeking, end of stream). */
    public void requireStored() {
        if (target.live()) {
            throw new CaseSkipped("the target serves a live stream only");
        }
    }

    /**
     * After malformed or out-of-place input, the server must refuse it: a reply with a non-zero hr, or a close, within
     * the timeout. Replies with hr 0 are read past; silence until the timeout is a broken MUST.
     *
     * @return the error hr, or -1 where the server closed
     */
    public long expectErrorOrClose(MmstClient c) {
        Outcome o = c.readUntil(r -> hr(r) != 0);
        if (o instanceof Outcome.Received r) {
            return hr(r);
        }
        if (o instanceof Outcome.Timeout) {
            throw new CaseFailed(new Finding(serverCase.section(), Level.MUST,
                    "the server neither answered with an error hr nor closed within " + c.timeout().toMillis() + " ms",
                    "an error hr or a close", o.summary()));
        }
        return -1;
    }

    /** The first non-zero hr of the unit's messages, or 0. */
    public static long hr(Outcome.Received r) {
        for (MmsMessage m : r.messages()) {
            if (m instanceof Record rec) {
                Map<String, Object> f = FieldMap.of(rec);
                if (f.get("hr") instanceof Number n && n.longValue() != 0) {
                    return n.longValue();
                }
            }
        }
        return 0;
    }

    /**
     * A server must outlive bad input: a fresh session must play to its first Data packet (MMSH cases: a fresh
     * Describe must be answered with 200 and the ASF header).
     */
    public void probeLiveness() {
        String after = "after " + serverCase.id() + ", ";
        try {
            if (serverCase.tagged(ServerCase.MMSH)) {
                var describe = mmsh().describe("/" + target.media());
                must(describe.status() == 200 && describe.asfHeader().length > 0,
                        after + "a fresh Describe got status " + describe.status() + " and "
                                + describe.asfHeader().length + " bytes of ASF header");
                return;
            }
            Session s = play();
            var first = s.iterator();
            must(first.hasNext(), after + "a fresh session got no Data packet: " + s.end());
            DataPacket d = first.next();
            Objects.requireNonNull(d);
        } catch (MockClientException e) {
            throw new CaseFailed(new Finding(serverCase.section(), Level.MUST,
                    after + "the server no longer takes a fresh session: " + e.getMessage(), null, null));
        } catch (ExpectationFailure e) {
            throw new CaseFailed(new Finding(serverCase.section(), Level.MUST,
                    after + "a fresh session failed: " + e.getMessage(), null, null));
        }
    }

    /** Closes every connection; a case running past its deadline is cut off this way. */
    @Override
    public synchronized void close() {
        closed = true;
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the verdict is already made
            }
        }
        open.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new MockClientException("the case was cut off at its deadline");
        }
    }
}
