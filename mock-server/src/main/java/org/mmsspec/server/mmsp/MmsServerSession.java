package org.mmsspec.server.mmsp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.mmsp.*;
import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ConnectionEvent.What;
import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.MediaEntry;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Quirk;
import org.mmsspec.server.scenario.Scenario;

/**
 * The server side of one MMS session (MS-MMSP 3.2) as pure logic: a decoded message in, the actions it causes out.
 * States INIT, READY and STREAMING as 3.2.1 names them; CLOSED once a close was asked. Data packets come out one at a
 * time from {@link #pump()} so that the transport decides the pace. Never throws: a bug or bad input becomes a
 * PROTOCOL_ERROR and a close. Not thread-safe: one connection's event loop owns it.
 */
public final class MmsServerSession {

    public enum State { INIT, READY, STREAMING, CLOSED }

    public enum Timer {
        /** Idle-Timeout (3.2.2): runs in INIT and READY; expiry ends the session. */
        IDLE,
        /** KeepAlive (3.2.2): restarted by the transport on each command it sends, stopped on each it receives. */
        KEEPALIVE
    }

    public static final long NS_E_FILE_NOT_FOUND = 0xC00D001AL;
    public static final long NS_E_MMS_NOT_SUPPORTED = 0xC00D2EFAL;
    public static final long NS_E_CONNECTION_FAILURE = 0xC00D0029L;
    public static final long E_ACCESSDENIED = 0x80070005L;
    public static final long E_INVALIDARG = 0x80070057L;
    /** Packet-pair Data packets: LocationId of the first, payload size (3.2.5.8). */
    static final long PAIR_LOCATION = 0xF0F0F000L;
    static final int UDP_PAIR_PAYLOAD = 1464;
    /** Whole TcpMessageHeader packets of the three TCP packet-pair ReportFunnelInfo (3.2.5.4). */
    static final int[] TCP_PAIR_PACKET_SIZES = {512, 512, 1056};
    /** TcpMessageHeader, chunkLen, MID and the fixed fields of ReportFunnelInfo. */
    static final int FUNNEL_INFO_FIXED = 32 + 8 + 40;
    /** UDP Data packets kept for resends. */
    static final int RESEND_HISTORY = 512;
    /** Resent packets allowed per second, against amplification (MS-MMSP 5.1). */
    static final int RESENDS_PER_SECOND = 64;
    private static final int MAX_AUTH_ATTEMPTS = 3;
    private static final long NO_STOP = Long.MAX_VALUE;
    /** frameOffset: bit 31 makes the stop time relative to the start position; the low 31 bits are ms (2.2.4.25). */
    private static final long FRAME_OFFSET_RELATIVE = 0x80000000L;
    private static final long FRAME_OFFSET_MILLIS = 0x7FFFFFFFL;
    private static final Pattern FUNNEL = Pattern.compile("\\\\\\\\[^\\\\]*\\\\(TCP|UDP)\\\\(\\d{1,5})");

    private final Scenario scenario;
    private final Mutation mutation;
    private final PacketSource source;
    private final RandomGenerator random;
    private final long clientId;

    private State state = State.INIT;
    private boolean connected;
    private boolean spoooon;
    private boolean pairGranted;
    private int funnelInfos;
    private boolean udpPair;
    private int clientPort;
    private boolean udpSilent;
    private MediaEntry entry;
    private int entryIndex;
    private boolean fileOpen;
    private long cookie;
    private int authAttempts;
    private boolean headerPending = true;
    private final Set<Integer> streams = new HashSet<>();
    /** {@link #streams} as the packet source gets it, copied once per change, not once per packet; null: stale. */
    private Set<Integer> selection;
    private long playIncarnation;
    private int nextPacket;
    /** Send time in ms past which no Data packet goes out (StartPlaying frameOffset); NO_STOP plays to the end. */
    private long stopMillis = NO_STOP;
    private int afSeq;
    private int lastAf = -1;
    private boolean newRun;
    private boolean awaitingPong;
    private boolean pinged;
    private long udpSeq;
    /** UDP Data packets sent, for resends; made on the first one, since most sessions never use UDP. */
    private DataPacket[] history;
    /** The sequence number + 1 of the packet in each slot of {@code history}; 0 for an empty slot. */
    private long[] historySeq;
    private long resendWindowStart = Long.MIN_VALUE;
    private int resendsInWindow;

    public MmsServerSession(Scenario scenario, PacketSource source, RandomGenerator random) {
        this.scenario = scenario;
        this.mutation = scenario.mutation();
        this.source = source;
        this.random = random;
        // nCubs: unpredictable and never 0, so spoofed resend requests are hard to aim (MS-MMSP 5.1)
        this.clientId = 1 + (random.nextLong() & 0xFFFFFFFFL) % 0xFFFFFFFEL;
    }

    /** The actions due when the connection opens: the Idle-Timeout starts in INIT. */
    public List<SessionAction> start() {
        return List.of(new SessionAction.StartTimer(Timer.IDLE, scenario.idleTimeout()));
    }

    public State state() {
        return state;
    }

    /** nCubs of ReportFunnelInfo: the Client-ID RequestPacketListResend must carry. */
    public long clientId() {
        return clientId;
    }

    /** The client's UDP port from ConnectFunnel, or 0 for the TCP funnel. */
    public int clientPort() {
        return clientPort;
    }

    public boolean udp() {
        return clientPort != 0;
    }

    public Set<Integer> selectedStreams() {
        return Set.copyOf(streams);
    }

    /** Whether the session has sent a Ping (KeepAlive, 3.2.2) since the connection opened. */
    public boolean pinged() {
        return pinged;
    }

    /** Whether {@link #pump()} has Data packets to give. */
    public boolean streaming() {
        return state == State.STREAMING;
    }

    /** Reacts to one received message. */
    public List<SessionAction> onMessage(MmsMessage m) {
        List<SessionAction> out = new ArrayList<>();
        if (state == State.CLOSED) {
            return out;
        }
        try {
            dispatch(m, out);
        } catch (RuntimeException e) {
            out.clear();
            fail(out, "internal error on " + m.type().name() + ": " + e);
        }
        return out;
    }

    /** A unit that could not be decoded, or a Data packet from the client: the stream is not to be trusted. */
    public List<SessionAction> onProtocolError(String reason) {
        List<SessionAction> out = new ArrayList<>();
        if (state != State.CLOSED) {
            fail(out, reason);
        }
        return out;
    }

    public List<SessionAction> onTimer(Timer t) {
        List<SessionAction> out = new ArrayList<>();
        if (state == State.CLOSED) {
            return out;
        }
        if (t == Timer.IDLE && state != State.STREAMING) {
            close(out, "Idle-Timeout of " + scenario.idleTimeout().toSeconds() + " s");
        } else if (t == Timer.KEEPALIVE) {
            if (awaitingPong) {
                close(out, "no Pong to the last Ping");
            } else {
                awaitingPong = true;
                pinged = true;
                out.add(SessionAction.Reply.of(LinkMacToViewerPing.of()));
            }
        }
        return out;
    }

    /** Any command from the client shows it is alive. */
    private void received() {
        awaitingPong = false;
    }

    private void dispatch(MmsMessage m, List<SessionAction> out) {
        received();
        if (!connected && !(m instanceof LinkViewerToMacConnect)) {
            outOfOrder(out, m.type().name() + " before Connect");
            return;
        }
        if (m instanceof LinkViewerToMacConnect c) {
            connect(c, out);
        } else if (m instanceof LinkViewerToMacFunnelInfo f) {
            funnelInfo(f, out);
        } else if (m instanceof LinkViewerToMacConnectFunnel f) {
            connectFunnel(f, out);
        } else if (m instanceof LinkViewerToMacOpenFile o) {
            openFile(o, out);
        } else if (m instanceof LinkViewerToMacSecurityResponse r) {
            securityResponse(r, out);
        } else if (m instanceof LinkViewerToMacReadBlock r) {
            readBlock(r, out);
        } else if (m instanceof LinkViewerToMacStreamSwitch s) {
            streamSwitch(s, out);
        } else if (m instanceof LinkViewerToMacStartPlaying p) {
            start(p.openFileId(), p.playIncarnation(), p.position(), p.asfOffset(), p.locationId(), p.frameOffset(),
                    false, out);
        } else if (m instanceof LinkViewerToMacStartStriding s) {
            // StartStriding's frameOffset must be ignored (2.2.4.26): old clients fill it from uninitialised memory
            start(s.openFileId(), s.playIncarnation(), s.position(), s.asfOffset(), s.locationId(), 0, true, out);
        } else if (m instanceof LinkViewerToMacStopPlaying s) {
            stop(s, out);
        } else if (m instanceof LinkViewerToMacCloseFile c) {
            if (checkFileId("CloseFile", c.openFileId(), out) && !mutation.has(Quirk.KEEP_OPEN_AFTER_CLOSE_FILE)) {
                close(out, "CloseFile");
            }
        } else if (m instanceof LinkViewerToMacLogging && mutation.has(Quirk.REFUSE_LOGGING)) {
            fail(out, "mutation: Logging refused");
        } else if (!(m instanceof LinkViewerToMacCancelReadBlock || m instanceof LinkViewerToMacLogging
                || m instanceof LinkViewerToMacPong)) {
            // CancelReadBlock: the header goes out whole at once, nothing is left to cancel. Logging: decoding has
            // parsed and recorded it. Pong: received() has cleared the wait.
            if (!mutation.has(Quirk.IGNORE_UNKNOWN_MID)) {
                fail(out, "unexpected " + m.type().name());
            }
        }
    }

    private void connect(LinkViewerToMacConnect c, List<SessionAction> out) {
        if (connected) {
            outOfOrder(out, "second Connect");
            return;
        }
        connected = true;
        spoooon = c.isSpoooon();
        out.add(new SessionAction.Log(What.REQUEST, c.subscriberName()));
        ListenerSpec mmst = scenario.listener(Protocol.MMST);
        String authen = scenario.credentials().isPresent() ? "BASIC" : "";
        LinkMacToViewerReportConnectedEX reply = LinkMacToViewerReportConnectedEX.of(scenario.serverVersion(),
                authen);
        if (mmst.behaviour() == Behaviour.ERROR) {
            long hr = mmst.errorCode() != 0 ? mmst.errorCode() : NS_E_MMS_NOT_SUPPORTED;
            out.add(SessionAction.Reply.of(RecordFields.with(reply, "hr", hr)));
            out.add(new SessionAction.Log(What.ERROR_REPLY, String.format("ReportConnectedEX hr 0x%08X", hr)));
            close(out, "MMST listener answers with an error");
            return;
        }
        pairGranted = scenario.packetPair() && c.playIncarnation() == LinkViewerToMacConnect.MMS_USE_PACKET_PAIR;
        if (pairGranted) {
            reply = RecordFields.with(reply, "playIncarnation", LinkViewerToMacConnect.MMS_USE_PACKET_PAIR);
        }
        out.add(SessionAction.Reply.of(reply));
    }

    private void funnelInfo(LinkViewerToMacFunnelInfo f, List<SessionAction> out) {
        if (funnelInfos++ > 0 || fileOpen) {
            outOfOrder(out, "FunnelInfo out of order");
            return;
        }
        long asked = f.playIncarnation();
        if (pairGranted && asked == LinkMacToViewerReportFunnelInfo.MMS_PACKET_PAIR_TCP_HIGH_ENTROPY) {
            List<MacToViewer> three = new ArrayList<>();
            for (int size : TCP_PAIR_PACKET_SIZES) {
                byte[] fill = new byte[size - FUNNEL_INFO_FIXED];
                random.nextBytes(fill);
                three.add(LinkMacToViewerReportFunnelInfo.of(0, asked, clientId, Bytes.copyOf(fill)));
            }
            out.add(new SessionAction.Reply(three));
            return;
        }
        long inc = LinkMacToViewerReportFunnelInfo.MMS_DISABLE_PACKET_PAIR;
        if (pairGranted && asked == LinkMacToViewerReportFunnelInfo.MMS_PACKET_PAIR_UDP_HIGH_ENTROPY) {
            udpPair = true;
            inc = asked;
        }
        out.add(SessionAction.Reply.of(LinkMacToViewerReportFunnelInfo.of(0, inc, clientId, Bytes.EMPTY)));
    }

    private void connectFunnel(LinkViewerToMacConnectFunnel f, List<SessionAction> out) {
        if (fileOpen) {
            outOfOrder(out, "ConnectFunnel after OpenFile");
            return;
        }
        Matcher m = FUNNEL.matcher(f.funnelName());
        if (!m.find()) {
            // not processed successfully: 3.2.5.5 names the answer, and the client may try another ConnectFunnel
            errorReply(out, LinkMacToViewerReportDisconnectedFunnel.of(E_INVALIDARG), String.format(
                    "ReportDisconnectedFunnel hr 0x%08X: funnelName \"%s\" names no transport", E_INVALIDARG,
                    f.funnelName()));
            return;
        }
        if (m.group(1).equals("TCP")) {
            clientPort = 0;
            out.add(SessionAction.Reply.of(LinkMacToViewerReportConnectedFunnel.of()));
            return;
        }
        int port = Integer.parseInt(m.group(2));
        ListenerSpec mmsu = scenario.listener(Protocol.MMSU);
        if (port < 1 || port > 65535 || mmsu.behaviour() != Behaviour.SERVE && mmsu.behaviour() != Behaviour.SILENT) {
            long hr = mmsu.errorCode() != 0 ? mmsu.errorCode()
                    : mmsu.behaviour() == Behaviour.ERROR ? NS_E_MMS_NOT_SUPPORTED : NS_E_CONNECTION_FAILURE;
            errorReply(out, LinkMacToViewerReportDisconnectedFunnel.of(hr),
                    String.format("ReportDisconnectedFunnel hr 0x%08X for UDP port %d", hr, port));
            return;
        }
        clientPort = port;
        udpSilent = mmsu.behaviour() == Behaviour.SILENT;
        out.add(SessionAction.Reply.of(LinkMacToViewerReportConnectedFunnel.of()));
    }

    private void openFile(LinkViewerToMacOpenFile o, List<SessionAction> out) {
        if (fileOpen) {
            outOfOrder(out, "second OpenFile");
            return;
        }
        String path = o.fileName().startsWith("/") ? o.fileName().substring(1) : o.fileName();
        if (scenario.redirect().isPresent() && !redirectsHere(scenario.redirect().get(), path)) {
            String to = scenario.redirect().get();
            out.add(SessionAction.Reply.of(
                    LinkMacToViewerReportRedirect.of(LinkMacToViewerReportRedirect.REDIRECT_URL, to)));
            if (!mutation.has(Quirk.KEEP_OPEN_AFTER_REDIRECT)) {
                close(out, "redirect to " + to);
            }
            return;
        }
        var found = scenario.media(path);
        if (found.isEmpty()) {
            LinkMacToViewerReportOpenFile notFound = RecordFields.with(
                    LinkMacToViewerReportOpenFile.of(o.playIncarnation(), 0, 0, 0, 0, 0, 0, 0), "hr",
                    NS_E_FILE_NOT_FOUND);
            errorReply(out, notFound, "ReportOpenFile hr 0xC00D001A for " + o.fileName());
            return;
        }
        entry = found.get();
        if (scenario.credentials().isPresent() && !basicTokenMatches(o.tokenData())
                && !mutation.has(Quirk.NO_CHALLENGE)) {
            challenge(o.playIncarnation(), out);
            return;
        }
        reportOpenFile(o.playIncarnation(), out);
    }

    /** A redirect to {@code path} at this server's own MMST port is served there, not redirected again. */
    private boolean redirectsHere(String url, String path) {
        int port = scenario.listener(Protocol.MMST).port();
        return port != 0 && url.endsWith(":" + port + "/" + path);
    }

    private void challenge(long inc, List<SessionAction> out) {
        cookie = random.nextLong() & 0xFFFFFFFFL;
        out.add(SessionAction.Reply.of(LinkMacToViewerSecurityChallenge.of(inc, cookie,
                LinkMacToViewerSecurityChallenge.basicToken(scenario.credentials().get().realm()))));
    }

    private void securityResponse(LinkViewerToMacSecurityResponse r, List<SessionAction> out) {
        if (entry == null || fileOpen || scenario.credentials().isEmpty()) {
            outOfOrder(out, "SecurityResponse without a SecurityChallenge");
            return;
        }
        if (r.cookie() != cookie && !mutation.has(Quirk.IGNORE_COOKIE)) {
            fail(out, String.format("SecurityResponse cookie 0x%08X, challenge gave 0x%08X", r.cookie(), cookie));
            return;
        }
        if (basicTokenMatches(r.pToken()) || mutation.has(Quirk.ACCEPT_ANY_CREDENTIALS)) {
            reportOpenFile(r.playIncarnation(), out);
        } else if (++authAttempts >= MAX_AUTH_ATTEMPTS) {
            LinkMacToViewerReportOpenFile denied = RecordFields.with(
                    LinkMacToViewerReportOpenFile.of(r.playIncarnation(), 0, 0, 0, 0, 0, 0, 0), "hr", E_ACCESSDENIED);
            errorReply(out, denied, "ReportOpenFile hr 0x80070005 after " + authAttempts + " bad credentials");
        } else {
            challenge(r.playIncarnation(), out);
        }
    }

    /** Basic credentials: NUL-terminated ASCII base64 of user:password, with or without a "Basic " prefix. */
    private boolean basicTokenMatches(Bytes token) {
        var cred = scenario.credentials().orElseThrow();
        String text = new String(token.toArray(), StandardCharsets.ISO_8859_1).replaceAll("\u0000+$", "").trim();
        if (text.regionMatches(true, 0, "Basic ", 0, 6)) {
            text = text.substring(6).trim();
        }
        try {
            String plain = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            return plain.equals(cred.user() + ":" + cred.password());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private AsfFile file() {
        return entry.files().get(entryIndex);
    }

    private void reportOpenFile(long inc, List<SessionAction> out) {
        fileOpen = true;
        AsfFile f = file();
        long attributes = LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSEEK
                | LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_CANSTRIDE
                | (entry.isPlaylist() ? LinkMacToViewerReportOpenFile.FILE_ATTRIBUTE_MMS_PLAYLIST : 0);
        out.add(SessionAction.Reply.of(LinkMacToViewerReportOpenFile.of(inc, scenario.openFileId(), attributes,
                f.properties().durationSeconds(), f.packetSize(), f.packetCount(), f.properties().maxBitrate(),
                f.mmsHeaderSize())));
    }

    private boolean checkFileId(String what, long openFileId, List<SessionAction> out) {
        if (!fileOpen) {
            outOfOrder(out, what + " before ReportOpenFile");
            return false;
        }
        if (openFileId != scenario.openFileId() && !mutation.has(Quirk.ACCEPT_ANY_OPEN_FILE_ID)) {
            String why = what + " openFileId " + openFileId + ", ReportOpenFile gave " + scenario.openFileId();
            if (mutation.has(Quirk.IGNORE_WRONG_OPEN_FILE_ID)) {
                out.add(new SessionAction.Log(What.PROTOCOL_ERROR, "mutation: ignored " + why));
            } else {
                fail(out, why);
            }
            return false;
        }
        return true;
    }

    private void readBlock(LinkViewerToMacReadBlock r, List<SessionAction> out) {
        if (!checkFileId("ReadBlock", r.openFileId(), out)) {
            return;
        }
        if (state == State.STREAMING) {
            outOfOrder(out, "ReadBlock while STREAMING");
            return;
        }
        if (udp() && udpPair && !udpSilent) {
            for (int k = 0; k < 2; k++) {
                byte[] fill = new byte[UDP_PAIR_PAYLOAD];
                random.nextBytes(fill);
                DataPacket pair = DataPacket.of(PAIR_LOCATION + k, DataPacket.PACKET_PAIR_INCARNATION,
                        DataPacket.AF_PACKET_PAIR, Bytes.copyOf(fill));
                out.add(new SessionAction.Data(pair, true, 0, k == 0, Mutation.Payload.PACKET_PAIR));
            }
        }
        out.add(SessionAction.Reply.of(LinkMacToViewerReportReadBlock.of(0, r.playIncarnation())));
        header(file(), (int) (r.playIncarnation() & 0xFF), out);
        headerPending = false;
        state = State.READY;
    }

    /** The ASF file header as Data packets: fragments of at most filePacketSize, paced at the bit rate (3.2.5.8.1). */
    private void header(AsfFile f, int inc, List<SessionAction> out) {
        if (udp() && udpSilent) {
            return;
        }
        byte[] h = f.mmsHeader();
        int size = f.packetSize();
        long bitRate = Math.max(1, f.properties().maxBitrate());
        for (int at = 0, k = 0; at < h.length; at += size, k++) {
            int n = Math.min(size, h.length - at);
            boolean last = at + n == h.length;
            int flags = last ? scenario.faults().headerLastFlag() : DataPacket.AF_HEADER_MORE;
            out.add(new SessionAction.Data(DataPacket.of(k, inc, flags, Bytes.view(h, at, n)), udp(),
                    (long) at * 8000 / bitRate, k == 0, Mutation.Payload.ASF_HEADER));
        }
    }

    private void streamSwitch(LinkViewerToMacStreamSwitch s, List<SessionAction> out) {
        if (!fileOpen) {
            outOfOrder(out, "StreamSwitch before ReportOpenFile");
            return;
        }
        for (StreamSwitchEntry e : s.streamSwitchEntries()) {
            // the stream is named by wDstStreamNumber; "off" is dst 0xFFFF (the spec's words, src names it then) or
            // thinning level 2 (what FFmpeg, libmms and VLC send)
            boolean dstless = e.wDstStreamNumber() == StreamSwitchEntry.NO_STREAM;
            int n = dstless ? e.wSrcStreamNumber() : e.wDstStreamNumber();
            boolean on = !dstless && e.wThinningLevel() < 2;
            if (on) {
                streams.add(n);
            } else {
                streams.remove(n);
            }
            selection = null;
        }
        out.add(SessionAction.Reply.of(LinkMacToViewerReportStreamSwitch.of(0)));
    }

    private void start(long openFileId, long inc, double position, long asfOffset, long locationId,
            long frameOffset, boolean striding, List<SessionAction> out) {
        String what = striding ? "StartStriding" : "StartPlaying";
        if (!checkFileId(what, openFileId, out)) {
            return;
        }
        if (state == State.INIT || headerPending) {
            outOfOrder(out, what + " before the ASF file header was sent");
            return;
        }
        boolean seeking = state == State.READY;
        if (seeking) {
            nextPacket = mutation.has(Quirk.IGNORE_SEEK) ? 0 : seek(position, asfOffset, locationId);
            boolean all = spoooon && !mutation.has(Quirk.IGNORE_SPOOOON)
                    || mutation.has(Quirk.SEND_WITHOUT_STREAM_SWITCH);
            if (all && streams.isEmpty()) {
                // WMS 4.x clients send no StreamSwitch and expect every stream (3.2.5.11)
                file().streams().forEach(st -> streams.add(st.number()));
                selection = null;
            }
        }
        stopMillis = mutation.has(Quirk.IGNORE_FRAME_OFFSET) ? NO_STOP
                : stopTime(frameOffset, seeking && byTime(position) ? (long) (position * 1000) : -1);
        playIncarnation = inc;
        if (lastAf == 0xFE && !mutation.has(Quirk.NO_AFFLAGS_RESTART)) {
            afSeq = 0;
        }
        newRun = true;
        out.add(SessionAction.Reply.of(striding
                ? LinkMacToViewerReportStartStriding.of(0, inc)
                : LinkMacToViewerReportStartedPlaying.of(0, inc, scenario.openFileId())));
        if (state == State.READY) {
            state = State.STREAMING;
            out.add(new SessionAction.StopTimer(Timer.IDLE));
            out.add(new SessionAction.Log(What.STREAMING, what + " of " + entry.path() + " from packet "
                    + nextPacket + (streams.isEmpty() ? ", no stream selected" : ", streams " + streams)
                    + (udp() ? ", over UDP to port " + clientPort() : ", over TCP")
                    + (stopMillis == NO_STOP ? "" : ", until send time " + stopMillis + " ms")));
        }
    }

    /**
     * The stop time a frameOffset asks for: 0 plays to the end; otherwise the low 31 bits are ms from content time 0,
     * or from the start position when bit 31 is set (2.2.4.25). That start is the requested position when seeking by
     * time, else the send time of the packet streaming (re)starts at ({@code startMillis} &lt; 0).
     */
    private long stopTime(long frameOffset, long startMillis) {
        if (frameOffset == 0) {
            return NO_STOP;
        }
        long millis = frameOffset & FRAME_OFFSET_MILLIS;
        if ((frameOffset & FRAME_OFFSET_RELATIVE) == 0) {
            return millis;
        }
        AsfFile f = file();
        long base = startMillis >= 0 ? startMillis
                : nextPacket < f.packetCount() ? source.sendTimeMillis(f, nextPacket) : 0;
        return base > NO_STOP - millis ? NO_STOP : base + millis; // a DBL_MAX-like position saturates
    }

    private static boolean byTime(double position) {
        return position != Double.MAX_VALUE && position > 0 && Double.isFinite(position);
    }

    private int seek(double position, long asfOffset, long locationId) {
        AsfFile f = file();
        if (byTime(position)) {
            return source.packetForTime(f, position);
        }
        if (locationId != 0 && locationId != LinkViewerToMacStartPlaying.NOT_USED) {
            return (int) Math.min(f.packetCount(), locationId);
        }
        if (asfOffset != 0 && asfOffset != LinkViewerToMacStartPlaying.NOT_USED) {
            return source.packetForOffset(f, asfOffset);
        }
        return 0;
    }

    private void stop(LinkViewerToMacStopPlaying s, List<SessionAction> out) {
        if (!checkFileId("StopPlaying", s.openFileId(), out)) {
            return;
        }
        out.add(SessionAction.Reply.of(
                LinkMacToViewerReportEndOfStream.of(LinkMacToViewerReportEndOfStream.END_OF_ENTRY,
                        s.playIncarnation())));
        if (state == State.STREAMING && !mutation.has(Quirk.STREAM_AFTER_STOP)) {
            state = State.READY;
            out.add(new SessionAction.StartTimer(Timer.IDLE, scenario.idleTimeout()));
        }
    }

    /**
     * The next Data packet while STREAMING, or the end of the entry (ReportEndOfStream, and for a playlist the stream
     * change and the next header). Empty when not streaming.
     */
    public List<SessionAction> pump() {
        List<SessionAction> out = new ArrayList<>();
        if (state != State.STREAMING) {
            return out;
        }
        try {
            AsfFile f = file();
            while (nextPacket < f.packetCount()) {
                if (source.sendTimeMillis(f, nextPacket) > stopMillis) {
                    endOfStream(out); // the stop time asked by frameOffset ends the content here
                    return out;
                }
                int i = nextPacket++;
                if (selection == null) {
                    selection = Set.copyOf(streams);
                }
                byte[] p = source.packet(f, i, unfiltered() ? allStreams(f) : selection, spoooon);
                if (p == null && mutation.has(Quirk.SEND_EMPTIED_PACKETS)) {
                    p = f.asfPacket(i).withPayloads(List.of()).withoutPadding().encode();
                }
                if (p == null) {
                    continue; // every payload was filtered out: nothing is sent (2.2.2)
                }
                // a view: the source's bytes are never changed (PacketSource), and a copy per packet was a fifth of
                // what a fuzzing campaign allocates
                DataPacket d = DataPacket.of(i, (int) (playIncarnation & 0xFF), afSeq, Bytes.view(p, 0, p.length));
                lastAf = afSeq;
                afSeq = (afSeq + 1) & 0xFF;
                boolean run = newRun;
                newRun = false;
                if (udp()) {
                    remember(d);
                    if (udpSilent) {
                        continue;
                    }
                }
                out.add(new SessionAction.Data(d, udp(), source.sendTimeMillis(f, i), run));
                return out;
            }
            endOfEntry(out);
        } catch (RuntimeException e) {
            out.clear();
            fail(out, "internal error while streaming: " + e);
        }
        return out;
    }

    private boolean unfiltered() {
        return !streams.isEmpty() && mutation.has(Quirk.NO_STREAM_FILTER);
    }

    private static Set<Integer> allStreams(AsfFile f) {
        Set<Integer> all = new HashSet<>();
        f.streams().forEach(st -> all.add(st.number()));
        return all;
    }

    private void endOfEntry(List<SessionAction> out) {
        if (entryIndex + 1 < entry.files().size() && !mutation.has(Quirk.NO_STREAM_CHANGE)) {
            entryIndex++;
            nextPacket = 0;
            AsfFile next = file();
            out.add(SessionAction.Reply.of(LinkMacToViewerReportEndOfStream.of(
                    LinkMacToViewerReportEndOfStream.STREAM_CHANGE_FOLLOWS, playIncarnation)));
            // logged as the hr 1 goes out, so that client cases can time what the client did after it
            out.add(new SessionAction.Log(What.STREAMING, "ReportEndOfStream hr 1: entry " + (entryIndex + 1)
                    + " of " + entry.files().size() + " of " + entry.path() + " follows"));
            out.add(SessionAction.Reply.of(LinkMacToViewerReportStreamChange.of(next.packetSize(),
                    next.mmsHeaderSize(), next.properties().maxBitrate())));
            if (udp()) {
                // over UDP the client asks for the new header with a ReadBlock (3.2.4.2)
                state = State.READY;
                headerPending = true;
                out.add(new SessionAction.StartTimer(Timer.IDLE, scenario.idleTimeout()));
            } else {
                // over TCP the new header follows at once, with incarnation 0xFF (3.2.4.2)
                header(next, (int) LinkMacToViewerReportStreamChange.TCP_HDR_INCARNATION, out);
                newRun = true;
            }
            return;
        }
        endOfStream(out);
    }

    private void endOfStream(List<SessionAction> out) {
        if (!mutation.has(Quirk.NO_END_OF_STREAM)) {
            out.add(SessionAction.Reply.of(LinkMacToViewerReportEndOfStream.of(
                    LinkMacToViewerReportEndOfStream.END_OF_ENTRY, playIncarnation)));
            out.add(new SessionAction.Log(What.END_OF_STREAM, "ReportEndOfStream hr 0"));
        }
        state = State.READY;
        out.add(new SessionAction.StartTimer(Timer.IDLE, scenario.idleTimeout()));
    }

    private void remember(DataPacket d) {
        if (history == null) {
            history = new DataPacket[RESEND_HISTORY];
            historySeq = new long[RESEND_HISTORY];
        }
        int slot = (int) (udpSeq % RESEND_HISTORY);
        history[slot] = d;
        historySeq[slot] = udpSeq + 1;
        udpSeq++;
    }

    /**
     * A RequestPacketListResend from the UDP socket (2.2.5, 3.2.5.12): checked against nCubs and openFileId, rate
     * limited, answered with the very packets sent before, from a bounded history.
     */
    public List<SessionAction> onResend(RequestPacketListResend r, long nowNanos) {
        List<SessionAction> out = new ArrayList<>();
        boolean gone = state == State.CLOSED && !mutation.has(Quirk.RESEND_AFTER_CLOSE);
        if (gone || !udp() || funnelInfos == 0) {
            out.add(new SessionAction.Log(What.PROTOCOL_ERROR, "RequestPacketListResend without a UDP funnel"));
            return out;
        }
        if (mutation.has(Quirk.NO_RESEND)) {
            out.add(new SessionAction.Log(What.PROTOCOL_ERROR, "mutation: RequestPacketListResend ignored"));
            return out;
        }
        boolean mismatch = r.dwClientId() != clientId || r.wSourceId() != (scenario.openFileId() & 0xFFFF);
        if (mismatch && !mutation.has(Quirk.RESEND_ANY_CLIENT)) {
            out.add(new SessionAction.Log(What.PROTOCOL_ERROR, String.format(
                    "RequestPacketListResend dwClientId 0x%08X wSourceId %d do not match", r.dwClientId(),
                    r.wSourceId())));
            return out;
        }
        if (nowNanos - resendWindowStart >= 1_000_000_000L || resendWindowStart == Long.MIN_VALUE) {
            resendWindowStart = nowNanos;
            resendsInWindow = 0;
        }
        for (long seq : r.dwBeginPacketList()) {
            int slot = (int) (seq % RESEND_HISTORY);
            if (seq < 0 || history == null || historySeq[slot] != seq + 1 || udpSilent) {
                continue;
            }
            if (resendsInWindow >= RESENDS_PER_SECOND) {
                out.add(new SessionAction.Log(What.PROTOCOL_ERROR, "resend rate limit reached"));
                break;
            }
            resendsInWindow++;
            out.add(new SessionAction.Data(history[slot], true, 0, false, Mutation.Payload.RESENT));
        }
        if (mutation.has(Quirk.RESEND_ENDS_PLAY) && state == State.STREAMING) {
            state = State.READY;
        }
        return out;
    }

    /** The client closed the connection: the state goes (3.2.7). */
    public List<SessionAction> onClientClosed() {
        state = State.CLOSED;
        return List.of(new SessionAction.StopTimer(Timer.IDLE), new SessionAction.StopTimer(Timer.KEEPALIVE));
    }

    /** A message the state does not allow: refused with a close, unless the mutation ignores it. */
    private void outOfOrder(List<SessionAction> out, String reason) {
        if (mutation.has(Quirk.IGNORE_OUT_OF_ORDER)) {
            out.add(new SessionAction.Log(What.PROTOCOL_ERROR, "mutation: ignored " + reason));
        } else {
            fail(out, reason);
        }
    }

    /** An error reply and its log line; the mutation may leave it unsent. */
    private void errorReply(List<SessionAction> out, MacToViewer reply, String log) {
        if (!mutation.has(Quirk.SILENT_ON_ERROR)) {
            out.add(SessionAction.Reply.of(reply));
        }
        out.add(new SessionAction.Log(What.ERROR_REPLY, log));
    }

    private void fail(List<SessionAction> out, String reason) {
        out.add(new SessionAction.Log(What.PROTOCOL_ERROR, reason));
        close(out, reason);
    }

    private void close(List<SessionAction> out, String reason) {
        state = State.CLOSED;
        out.add(new SessionAction.StopTimer(Timer.IDLE));
        out.add(new SessionAction.StopTimer(Timer.KEEPALIVE));
        out.add(new SessionAction.Close(reason));
    }

}
