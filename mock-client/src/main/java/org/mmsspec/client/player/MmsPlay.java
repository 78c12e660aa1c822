package org.mmsspec.client.player;

import static org.mmsspec.client.player.PlayerFault.*;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.ExpectationFailure;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.MockClientException;
import org.mmsspec.client.Outcome;
import org.mmsspec.client.UdpDataChannel;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportDisconnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportRedirect;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamChange;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkMacToViewerSecurityChallenge;
import org.mmsspec.codec.mmsp.ClientLog;
import org.mmsspec.codec.mmsp.ClientLogInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacCancelReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacCloseFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnect;
import org.mmsspec.codec.mmsp.LinkViewerToMacConnectFunnel;
import org.mmsspec.codec.mmsp.LinkViewerToMacFunnelInfo;
import org.mmsspec.codec.mmsp.LinkViewerToMacLogging;
import org.mmsspec.codec.mmsp.LinkViewerToMacOpenFile;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.LinkViewerToMacReadBlock;
import org.mmsspec.codec.mmsp.LinkViewerToMacSecurityResponse;
import org.mmsspec.codec.mmsp.LinkViewerToMacStartPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStopPlaying;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.StreamSwitchEntry;

/**
 * One MMS attempt over TCP, with Data over TCP (mmst) or UDP (mmsu): the client's sequence of MS-MMSP 3.1.5 from
 * Connect to CloseFile, with every reply checked for its hr and every read bounded. Ends normally at the end of the
 * stream, returns the new URL of a redirect, or throws {@link PlayEnd}.
 */
final class MmsPlay {

    /** Incarnations as a WMF 9 client counts them (3.1.1): PlayIncarnation 9..0xFE, HeaderIncarnation 1..8. */
    private static final long FIRST_PLAY_INCARNATION = 9;
    /** How long one poll of a connection waits, so that stop() and the UDP channel get their turn. */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration LATE_PONG_DELAY = Duration.ofSeconds(3);
    private static final Duration CLOSE_WAIT = Duration.ofMillis(500);
    /** Data packets into the stream where {@link PlayerFault#RESTARTS_WHILE_STREAMING} starts again. */
    private static final int RESTART_AFTER = 3;
    /** hr values of a server at its limit: no rollover after them (rollover rules). */
    static final Set<Long> SESSION_LIMITS = Set.of(0xC00D000FL /* NS_E_TOO_MANY_SESS */,
            0xC00D000EL /* NS_E_NETWORK_BUSY */, 0xC00D0049L /* NS_E_MAX_CLIENTS */);
    /** Header timer (3.1.2, 3.1.6.1): tries of ReadBlock over UDP before the attempt fails. */
    private static final int HEADER_RETRIES = 4;
    static final long E_ACCESSDENIED = 0x80070005L;

    private final PlayContext ctx;
    private final URI url;
    private final int port;
    private final boolean udpWanted;
    private final CommandWriter writer;
    /** Units taken from the connection but not consumed yet: MmsMessage or DataPacket, in arrival order. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private MmstClient client;
    private UdpDataChannel udp;
    private boolean established;
    private boolean playing;
    private long readsBefore;
    private long openFileId;
    private int dataPackets;
    private int pongs;
    private boolean readBlockSent;
    private int lastHeaderFlag;
    private long playIncarnation = FIRST_PLAY_INCARNATION - 1;
    private long headerIncarnation;
    private long startIncarnation = -1;
    private LinkMacToViewerReportOpenFile openReply;

    MmsPlay(PlayContext ctx, URI url, int port, boolean udp) {
        this.ctx = ctx;
        this.url = url;
        this.port = port;
        this.udpWanted = udp;
        this.writer = new CommandWriter(ctx.config());
    }

    Optional<URI> run() {
        String host = url.getHost();
        try {
            client = MmstClient.connect(host, port, ctx.config().timeout());
        } catch (MockClientException e) {
            throw new PlayEnd(PlayEnd.Kind.ROLL_OVER, "cannot connect: " + e.getMessage());
        }
        client.autoPong(false).resync(ctx.has(RESYNCS_PAST_GARBAGE));
        try {
            return session(host);
        } catch (PlayEnd e) {
            if (ctx.has(HANGS_ON_ERROR) && e.kind() != PlayEnd.Kind.STOPPED && e.kind() != PlayEnd.Kind.CRASH) {
                ctx.log("hanging on after: " + e.getMessage());
                while (!ctx.stopped()) {
                    sleep(POLL);
                }
                throw new PlayEnd(PlayEnd.Kind.STOPPED, "stopped");
            }
            if (e.kind() != PlayEnd.Kind.CRASH) {
                closeSession(e.kind() == PlayEnd.Kind.STOPPED);
            }
            throw e;
        } finally {
            if (udp != null) {
                udp.close();
            }
            client.close();
        }
    }

    private Optional<URI> session(String host) {
        LinkViewerToMacConnect connect = new LinkViewerToMacConnect(
                ctx.has(WRONG_CONNECT_INCARNATION) ? 0 : LinkViewerToMacConnect.MMS_DISABLE_PACKET_PAIR,
                ctx.has(WRONG_REVISIONS) ? 0x0004000AL : LinkViewerToMacConnect.MAC_TO_VIEWER_REVISION,
                ctx.has(WRONG_REVISIONS) ? 0x0003001BL : LinkViewerToMacConnect.VIEWER_TO_MAC_REVISION,
                subscriberName(host), "", "");
        LinkViewerToMacFunnelInfo funnelInfo = new LinkViewerToMacFunnelInfo(ctx.has(FUNNEL_INFO_INCARNATION_WRONG)
                ? 0x00F0F0F0L : LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR);
        boolean withFunnelInfo = !ctx.has(NO_FUNNEL_INFO) && !ctx.has(OPEN_FILE_WITHOUT_FUNNEL);
        if (ctx.has(PIPELINES_REQUESTS)) {
            send(connect);
            connected(await(LinkMacToViewerReportConnectedEX.class));
            send(funnelInfo);
            send(connectFunnel(tcpFunnelName()));
            sendOpenFile();
            ok(await(LinkMacToViewerReportFunnelInfo.class).hr(), "ReportFunnelInfo");
            ok(await(LinkMacToViewerReportConnectedFunnel.class).hr(), "ReportConnectedFunnel");
            return afterFunnel(true);
        }
        if (ctx.has(FUNNEL_INFO_BEFORE_CONNECT)) {
            send(funnelInfo);
            send(connect);
            connected(await(LinkMacToViewerReportConnectedEX.class));
            ok(await(LinkMacToViewerReportFunnelInfo.class).hr(), "ReportFunnelInfo");
        } else if (ctx.has(COMBINES_MESSAGES) && withFunnelInfo) {
            send(connect, funnelInfo);
            connected(await(LinkMacToViewerReportConnectedEX.class));
            ok(await(LinkMacToViewerReportFunnelInfo.class).hr(), "ReportFunnelInfo");
        } else {
            send(connect);
            connected(await(LinkMacToViewerReportConnectedEX.class));
            if (withFunnelInfo) {
                send(funnelInfo);
                ok(await(LinkMacToViewerReportFunnelInfo.class).hr(), "ReportFunnelInfo");
            }
        }
        if (!ctx.has(OPEN_FILE_WITHOUT_FUNNEL)) {
            funnel();
        }
        if (ctx.has(EXTRA_FUNNEL_INFO)) {
            send(funnelInfo);
            ok(await(LinkMacToViewerReportFunnelInfo.class).hr(), "ReportFunnelInfo");
        }
        return afterFunnel(false);
    }

    private Optional<URI> afterFunnel(boolean openFileSent) {
        if (!openFileSent) {
            sendOpenFile();
        }
        Optional<URI> redirect = openFile();
        if (redirect.isPresent()) {
            return redirect;
        }
        if (ctx.has(STREAM_SWITCH_BEFORE_HEADER)) {
            send(LinkViewerToMacStreamSwitch.of(StreamSwitchEntry.on(1), StreamSwitchEntry.on(2)));
            await(LinkMacToViewerReportStreamSwitch.class);
        }
        AsfHeader header = readHeader();
        play(header);
        return Optional.empty();
    }

    private LinkViewerToMacConnectFunnel connectFunnel(String name) {
        boolean bent = ctx.has(FUNNEL_SHOULD_FIELDS_WRONG);
        return new LinkViewerToMacConnectFunnel(bent ? 1 : 0, bent ? 0x8000 : 0xFFFFFFFFL, bent ? 1 : 0,
                bent ? 0 : 0x00989680L, ctx.has(WRONG_FUNNEL_MODE) ? 1 : 2, name);
    }

    private String tcpFunnelName() {
        return ctx.has(MALFORMED_FUNNEL_NAME) ? "\\\\" + localAddress() + "\\TCP"
                : "\\\\" + localAddress() + "\\TCP\\" + client.localPort();
    }

    /** NSPlayer 9 (WMF 9 SDK), the player's GUID, and the Host element (2.2.4.17). */
    private String subscriberName(String host) {
        String guid = ctx.written(ctx.guidForConnection());
        String hostParam = "Host: " + host + ":" + port;
        return ctx.has(NO_GUID) ? ctx.playerVersion() + "; " + hostParam
                : ctx.playerVersion() + "; " + guid + "; " + hostParam;
    }

    private void connected(LinkMacToViewerReportConnectedEX ex) {
        if (ex.hr() != 0 && !ctx.has(IGNORES_HR_ERRORS)) {
            // a server that refuses this protocol (NS_E_MMS_NOT_SUPPORTED) leaves the next protocol to try
            throw hrError("ReportConnectedEX", ex.hr(), PlayEnd.Kind.ROLL_OVER);
        }
        ctx.log("connected: " + ex.ServerVersionInfo());
    }

    /** ConnectFunnel: UDP for mmsu, retried over TCP where the server refuses the UDP funnel (3.1.5.5). */
    private void funnel() {
        if (udpWanted || ctx.has(UDP_FUNNEL_FOR_MMST)) {
            udp = client.openUdp();
            send(connectFunnel(ctx.has(MALFORMED_FUNNEL_NAME)
                    ? "\\\\" + localAddress() + "\\UDP" : udp.funnelName()));
            MmsMessage m = await(LinkMacToViewerReportConnectedFunnel.class,
                    LinkMacToViewerReportDisconnectedFunnel.class);
            if (m instanceof LinkMacToViewerReportConnectedFunnel ok) {
                ok(ok.hr(), "ReportConnectedFunnel");
                ctx.log("funnel: UDP port " + udp.port());
                return;
            }
            long hr = ((LinkMacToViewerReportDisconnectedFunnel) m).hr();
            if (ctx.has(OPENS_FILE_AFTER_REFUSED_FUNNEL)) {
                ctx.log("funnel refused: opening the file all the same");
                return;
            }
            if (ctx.has(RETRIES_UDP_FUNNEL)) {
                send(connectFunnel(udp.funnelName()));
                await(LinkMacToViewerReportConnectedFunnel.class, LinkMacToViewerReportDisconnectedFunnel.class);
                throw hrError("ReportDisconnectedFunnel", hr == 0 ? 0x80004005L : hr, PlayEnd.Kind.ERROR);
            }
            udp.close();
            udp = null;
            if (ctx.has(NO_TCP_RETRY)) {
                throw hrError("ReportDisconnectedFunnel", hr == 0 ? 0x80004005L : hr, PlayEnd.Kind.ERROR);
            }
            ctx.log(String.format("UDP funnel refused (hr 0x%08X): retrying over TCP", hr));
        }
        send(connectFunnel(tcpFunnelName()));
        ok(await(LinkMacToViewerReportConnectedFunnel.class).hr(), "ReportConnectedFunnel");
    }

    private String localAddress() {
        String h = url.getHost();
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : "127.0.0.1".equals(h) ? h : "127.0.0.1";
    }

    /** OpenFile, answering BASIC challenges (3.1.5.8); the redirect's URL where the server sends one (3.1.5.7). */
    private void sendOpenFile() {
        String name = path();
        long inc = nextPlayIncarnation();
        send(new LinkViewerToMacOpenFile(ctx.has(OPEN_FILE_INCARNATION_ZERO) ? 0 : inc,
                ctx.has(OPEN_FILE_SPARE_NON_ZERO) ? 1 : 0,
                ctx.has(OPEN_FILE_TOKEN_WITHOUT_CREDENTIALS) ? 2L * (name.length() + 1) : 0, 0, name, Bytes.EMPTY));
        if (ctx.has(READ_BLOCK_BEFORE_OPEN_REPLY)) {
            openFileId = 1;
            send(readBlock());
            readBlockSent = true;
        }
    }

    private Optional<URI> openFile() {
        boolean answered = false;
        while (true) {
            MmsMessage m = await(LinkMacToViewerReportOpenFile.class, LinkMacToViewerSecurityChallenge.class,
                    LinkMacToViewerReportRedirect.class);
            if (m instanceof LinkMacToViewerReportRedirect r) {
                ok(r.hr(), "ReportRedirect");
                if (ctx.has(IGNORES_REDIRECT)) {
                    throw new PlayEnd(PlayEnd.Kind.ERROR, "redirected to " + r.wszLocation() + ": not followed");
                }
                ctx.log("redirect to " + r.wszLocation());
                closeFileless();
                URI to = URI.create(r.wszLocation());
                if (ctx.has(REDIRECT_KEEPS_OLD_PATH)) {
                    to = URI.create(to.getScheme() + "://" + to.getRawAuthority() + url.getRawPath());
                }
                return Optional.of(to);
            }
            if (m instanceof LinkMacToViewerSecurityChallenge ch) {
                if (ctx.has(IGNORES_CHALLENGE)) {
                    ctx.log("challenge ignored");
                    openFileId = 1;
                    established = true;
                    return Optional.empty();
                }
                if (ctx.config().credentials().isEmpty() || answered) {
                    throw new PlayEnd(PlayEnd.Kind.AUTH, answered ? "the server challenged the credentials again"
                            : "the server asks for credentials and none were given");
                }
                send(LinkViewerToMacSecurityResponse.of(ch.playIncarnation(), ch.cookie(), basicToken()));
                answered = true;
                continue;
            }
            LinkMacToViewerReportOpenFile open = (LinkMacToViewerReportOpenFile) m;
            if (open.hr() != 0 && answered && !ctx.has(IGNORES_HR_ERRORS)) {
                throw hrError("ReportOpenFile after SecurityResponse", open.hr(), PlayEnd.Kind.AUTH);
            }
            ok(open.hr(), "ReportOpenFile");
            openFileId = ctx.has(ASSUMES_OPEN_FILE_ID_1) ? 1 : open.openFileId();
            openReply = open;
            established = true;
            ctx.log("file opened: openFileId " + open.openFileId());
            return Optional.empty();
        }
    }

    /** The URL's path without its leading slash and without percent-encoding (2.2.4.21). */
    private String path() {
        String p = url.getPath() == null ? "" : url.getPath();
        if (url.getQuery() != null) {
            p += "?" + url.getQuery();
        }
        p = p.startsWith("/") ? p.substring(1) : p;
        if (!ctx.has(PERCENT_ENCODED_PATH)) {
            return p;
        }
        StringBuilder b = new StringBuilder();
        for (byte c : p.getBytes(StandardCharsets.UTF_8)) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/_~-".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append(String.format("%%%02X", c & 0xFF));
            }
        }
        return b.toString();
    }

    /** base64(user:password) and a NUL (2.2.4.24). */
    private Bytes basicToken() {
        PlayerConfig.Credentials c = ctx.config().credentials().orElseThrow();
        byte[] plain = (c.user() + ":" + c.password()).getBytes(StandardCharsets.UTF_8);
        byte[] b64 = ctx.has(BASIC_TOKEN_PLAIN) ? plain : Base64.getEncoder().encode(plain);
        byte[] t = java.util.Arrays.copyOf(b64, b64.length + (ctx.has(BASIC_TOKEN_NOT_TERMINATED) ? 0 : 1));
        return Bytes.copyOf(t);
    }

    /** ReadBlock (2.2.4.23), its reply, and the header's Data packets. */
    private LinkViewerToMacReadBlock readBlock() {
        headerIncarnation = headerIncarnation % 8 + 1;
        return new LinkViewerToMacReadBlock(openFileId, 0, ctx.has(READ_BLOCK_OFFSET_NON_ZERO) ? 1 : 0,
                ctx.has(READ_BLOCK_LENGTH_WRONG) ? 0xFFFF : 0x8000, ctx.has(READ_BLOCK_FLAGS_ZERO) ? 0 : 0xFFFFFFFFL,
                ctx.has(READ_BLOCK_PADDING_NON_ZERO) ? 1 : 0, 0.0, ctx.has(READ_BLOCK_WRONG_DEADLINE) ? 0.0 : 3600.0,
                ctx.has(READ_BLOCK_INCARNATION_ZERO) ? 0 : headerIncarnation, 0);
    }

    private AsfHeader readHeader() {
        LinkViewerToMacReadBlock rb = readBlock();
        for (int attempt = 1;; attempt++) {
            if (readBlockSent) {
                readBlockSent = false;
            } else {
                send(rb);
            }
            ok(await(LinkMacToViewerReportReadBlock.class).hr(), "ReportReadBlock");
            if (udp == null) {
                return header(ctx.config().timeout());
            }
            try {
                AsfHeader h = header(headerTimer());
                if (ctx.has(UDP_HEADER_TIMER_IGNORES_08) && lastHeaderFlag == DataPacket.AF_HEADER_LAST_ALT
                        && attempt == 1) {
                    throw new HeaderTimeout();
                }
                return h;
            } catch (HeaderTimeout e) {
                if (attempt == HEADER_RETRIES) {
                    // no UDP data: this attempt fails and leaves the next protocol to try (3.1.6.1)
                    throw new PlayEnd(ctx.has(NO_ROLLOVER_AFTER_UDP_SILENCE) ? PlayEnd.Kind.ERROR
                            : PlayEnd.Kind.ROLL_OVER, "no header over UDP after " + attempt + " ReadBlocks");
                }
                send(new LinkViewerToMacCancelReadBlock(rb.playIncarnation()));
                ctx.log("header timer expired: ReadBlock again");
            }
        }
    }

    /** 1 s plus the header's play time at the file's bit rate, within 1 to 30 s (3.1.2). */
    private Duration headerTimer() {
        long bits = openReply == null ? 0 : openReply.fileHeaderSize() * 8;
        long rate = openReply == null ? 0 : openReply.fileBitRate();
        long ms = 1000 + (rate > 0 ? bits * 1000 / rate : 0);
        return Duration.ofMillis(Math.max(1000, Math.min(30_000, ms)));
    }

    /** The header timer expired. */
    private static final class HeaderTimeout extends RuntimeException {
        HeaderTimeout() {
            super(null, null, false, false);
        }
    }

    private long nextPlayIncarnation() {
        playIncarnation = playIncarnation >= 0xFE ? FIRST_PLAY_INCARNATION : playIncarnation + 1;
        return playIncarnation;
    }

    /** Header Data packets up to the last fragment: AFFlags 0x0C, or 0x08 as deployed servers send it. */
    private AsfHeader header(Duration within) {
        List<DataPacket> fragments = new ArrayList<>();
        long size = 0;
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            DataPacket d = nextData(deadline);
            fragments.add(d);
            size += d.Payload().length();
            if (d.AFFlags() == DataPacket.AF_HEADER_LAST_ALT && ctx.has(REJECTS_HEADER_END_08)) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "header fragment with AFFlags 0x08 taken for broken");
            }
            boolean last = d.AFFlags() == DataPacket.AF_HEADER_LAST && !ctx.has(IGNORES_HEADER_END_0C)
                    || d.AFFlags() == DataPacket.AF_HEADER_LAST_ALT;
            if (last) {
                AsfHeader h = new AsfHeader(fragments);
                lastHeaderFlag = d.AFFlags();
                ctx.log("header: " + size + " bytes, streams " + h.streamNumbers());
                return h;
            }
            if (size > MmstClient.MAX_HEADER_BYTES) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "header beyond " + MmstClient.MAX_HEADER_BYTES + " bytes");
            }
        }
    }

    /** StreamSwitch listing every stream, StartPlaying, then the data to the end of the stream. */
    private void play(AsfHeader header) {
        start(header);
        while (true) {
            Object u = nextUnit();
            if (u instanceof DataPacket) {
                if (++dataPackets == RESTART_AFTER && ctx.has(RESTARTS_WHILE_STREAMING)) {
                    send(LinkViewerToMacStartPlaying.of(openFileId, 0.0, nextPlayIncarnation()));
                }
                if (dataPackets == RESTART_AFTER && ctx.has(FUNNEL_INFO_WHILE_STREAMING)) {
                    send(new LinkViewerToMacFunnelInfo(LinkViewerToMacFunnelInfo.MMS_DISABLE_PACKET_PAIR));
                }
                continue;
            }
            if (u instanceof LinkMacToViewerReportEndOfStream eos) {
                if (eos.hr() == LinkMacToViewerReportEndOfStream.END_OF_ENTRY || eos.hr() == 1
                        && ctx.has(EOS_1_AS_END)) {
                    ctx.log("end of stream after " + dataPackets + " Data packets, " + pongs + " Pings answered");
                    logging();
                    playing = false;
                    finish();
                    return;
                }
                if (eos.hr() != LinkMacToViewerReportEndOfStream.STREAM_CHANGE_FOLLOWS) {
                    throw hrError("ReportEndOfStream", eos.hr(), PlayEnd.Kind.ERROR);
                }
                LinkMacToViewerReportStreamChange change = await(LinkMacToViewerReportStreamChange.class);
                ok(change.hr(), "ReportStreamChange");
                ctx.log("stream change after " + dataPackets + " Data packets");
                logging();
                // over UDP the client asks for the new header and starts again; over TCP all follows at once
                // (3.1.5.19)
                boolean readBlock = (udp != null) != ctx.has(STREAM_CHANGE_WRONG_TRANSPORT_RULE);
                if (readBlock) {
                    AsfHeader next = readHeader();
                    if (udp != null) {
                        start(next);
                    }
                } else {
                    header(ctx.config().timeout());
                }
                continue;
            }
            if (ctx.has(BREAKS_ON_INTERLEAVED_DATA)) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "a command among the data: " + u);
            }
        }
    }

    private void start(AsfHeader header) {
        if (ctx.has(START_BEFORE_STREAM_SWITCH)) {
            startPlaying();
            streamSwitch(header);
        } else {
            streamSwitch(header);
            startPlaying();
        }
        playing = true;
    }

    private void streamSwitch(AsfHeader header) {
        if (ctx.has(NO_STREAM_SWITCH)) {
            return;
        }
        List<Integer> streams = new ArrayList<>(header.streamNumbers());
        if (ctx.has(STREAM_SWITCH_MISSES_STREAM) && !streams.isEmpty()) {
            streams.remove(streams.size() - 1);
        }
        List<StreamSwitchEntry> entries = new ArrayList<>(streams.stream().map(StreamSwitchEntry::on).toList());
        if (!entries.isEmpty() && (ctx.has(STREAM_SWITCH_BAD_THINNING) || ctx.has(STREAM_SWITCH_OFF_AS_FFMPEG))) {
            int n = streams.get(streams.size() - 1);
            entries.set(entries.size() - 1, ctx.has(STREAM_SWITCH_BAD_THINNING)
                    ? new StreamSwitchEntry(StreamSwitchEntry.NO_STREAM, n, 3)
                    : new StreamSwitchEntry(StreamSwitchEntry.NO_STREAM, n, 2));
        }
        send(new LinkViewerToMacStreamSwitch(entries.size() + (ctx.has(STREAM_SWITCH_COUNT_WRONG) ? 1 : 0),
                entries));
        ok(await(LinkMacToViewerReportStreamSwitch.class).hr(), "ReportStreamSwitch");
    }

    private void startPlaying() {
        if (ctx.has(STOP_PLAYING_BEFORE_START) && startIncarnation < 0) {
            send(new LinkViewerToMacStopPlaying(openFileId, playIncarnation));
        }
        startIncarnation = ctx.has(START_PLAYING_INCARNATION_ZERO) ? 0 : nextPlayIncarnation();
        LinkViewerToMacStartPlaying sp = new LinkViewerToMacStartPlaying(openFileId,
                ctx.has(START_PLAYING_PADDING) ? 0x0001FFFFL : 0, ctx.has(START_PLAYING_BAD_POSITION) ? Double.NaN : 0.0,
                LinkViewerToMacStartPlaying.NOT_USED, LinkViewerToMacStartPlaying.NOT_USED,
                ctx.has(START_PLAYING_FRAME_OFFSET) ? 1000 : 0, startIncarnation, 0, 0, 0, 0);
        send(sp);
        ok(await(LinkMacToViewerReportStartedPlaying.class).hr(), "ReportStartedPlaying");
    }

    /** CloseFile with the server's openFileId, then the close (3.1.4.8). */
    private void finish() {
        if (!ctx.has(NO_CLOSE_FILE)) {
            if (ctx.has(SENDS_AFTER_CLOSE_FILE)) {
                // in CloseFile's own packet: a separate write could lose the race with the server's close
                send(closeFile(), LinkViewerToMacPong.of());
            } else {
                send(closeFile());
            }
            awaitServerClose();
        }
        established = false;
        client.close();
    }

    /** The server closes on CloseFile (3.2.5.x): waiting a moment for it lets it read everything first. */
    private void awaitServerClose() {
        try {
            client.expectClose(CLOSE_WAIT);
        } catch (RuntimeException | ExpectationFailure e) {
            // a server that keeps the connection open is closed by the player
        }
    }

    private LinkViewerToMacCloseFile closeFile() {
        long id = openFileId + (ctx.has(WRONG_CLOSE_FILE_ID) ? 1 : 0);
        return new LinkViewerToMacCloseFile(ctx.has(CLOSE_FILE_INCARNATION) ? 0x1234 : 0, id);
    }

    /**
     * Ends a session cut short: stopped while streaming, StopPlaying with the last StartPlaying's incarnation and
     * Logging (3.1.4.5); a file open, CloseFile (3.1.4.8). Best effort: the connection may be gone already.
     */
    private void closeSession(boolean stopped) {
        try {
            if (stopped && playing && !ctx.has(NO_STOP_PLAYING)) {
                long inc = startIncarnation + (ctx.has(STOP_PLAYING_WRONG_INCARNATION) ? 1 : 0);
                sendNow(new LinkViewerToMacStopPlaying(openFileId, inc));
                logging();
            }
            if (established && !ctx.has(NO_CLOSE_FILE)) {
                sendNow(closeFile());
                awaitServerClose();
            }
        } catch (MockClientException | PlayEnd e) {
            // the connection is gone: nothing left to close but the socket
        }
    }

    /** LinkViewerToMacLogging after the end of a play (3.1.4.5, 3.1.5.18). */
    private void logging() {
        if (ctx.has(NO_LOGGING)) {
            return;
        }
        long sourceId = ctx.has(LOGGING_WRONG_SOURCE_ID) ? openFileId + 1 : openFileId;
        ClientLogInfo info = new ClientLogInfo(ClientLogInfo.SIZE, url.toString(), "-", HttpPlay.USER_AGENT, "-",
                0x0009000000000BA4L, "en-US", ctx.guid(), "mmsspec", 0, 0, 0, 0, "-", "-", 0, 0, 1, 0, 0, 0,
                dataPackets, 0, 0, 100, 0);
        boolean bad = ctx.has(LOGGING_BAD_LAYOUT);
        sendNow(new LinkViewerToMacLogging(new ClientLog(bad ? 0 : ClientLog.SIZE, info, sourceId, 0xFFFFFFFFL, "-",
                "Linux", 0x0005000A00000000L, "-", bad ? "http" : "mms", udp != null ? "UDP" : "TCP", 0, 0, 0, 0,
                0)));
    }

    /** After a redirect the server closes; the player closes too, without CloseFile: no file was opened. */
    private void closeFileless() {
        client.close();
    }

    // ---- reading

    /** The first pending or arriving message of one of {@code types}; Data packets wait in {@link #pending}. */
    @SafeVarargs
    private <T extends MmsMessage> T await(Class<? extends T>... types) {
        while (true) {
            for (Iterator<Object> it = pending.iterator(); it.hasNext();) {
                Object u = it.next();
                for (Class<? extends T> t : types) {
                    if (t.isInstance(u)) {
                        it.remove();
                        return t.cast(u);
                    }
                }
            }
            Object u = pull();
            if (u instanceof DataPacket && ctx.has(BREAKS_ON_INTERLEAVED_DATA) && !playing) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "a Data packet while a reply was awaited");
            }
            pending.add(u);
        }
    }

    /** The next Data packet; commands that come first wait in {@link #pending} for the next await. */
    private DataPacket nextData(long deadline) {
        for (Iterator<Object> it = pending.iterator(); it.hasNext();) {
            if (it.next() instanceof DataPacket d) {
                it.remove();
                return d;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (udp != null) {
                    throw new HeaderTimeout();
                }
                throw lost("the header did not come");
            }
            Object u = pull(Duration.ofNanos(left));
            if (u instanceof DataPacket d) {
                return d;
            }
            if (ctx.has(BREAKS_ON_INTERLEAVED_DATA)) {
                throw new PlayEnd(PlayEnd.Kind.ERROR, "a command among the header's Data packets: " + u);
            }
            pending.add(u);
        }
    }

    private Object nextUnit() {
        Object u = pending.poll();
        return u != null ? u : pull();
    }

    /** The next message or Data packet from the wire, Pings answered on the way (3.1.5.x). */
    private Object pull() {
        return pull(ctx.config().timeout());
    }

    private Object pull(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ctx.checkStopped();
            Outcome o = client.receive(POLL);
            if (o instanceof Outcome.Received r) {
                Object u = unit(r);
                if (u != null) {
                    return u;
                }
                deadline = System.nanoTime() + ctx.config().timeout().toNanos();
                continue;
            }
            if (!(o instanceof Outcome.Timeout)) {
                ctx.checkStopped();
                throw lost("the connection ended: " + o.summary());
            }
            if (udp != null) {
                Outcome d = udp.receive(POLL);
                if (d instanceof Outcome.Received r && r.dataPacket().isPresent()) {
                    return r.dataPacket().get();
                }
            }
            if (System.nanoTime() > deadline) {
                if (udp != null && within.compareTo(ctx.config().timeout()) < 0) {
                    throw new HeaderTimeout();
                }
                throw lost("nothing came within " + within.toMillis() + " ms");
            }
        }
    }

    /** A received unit as one Data packet or message; null where it held only Pings. */
    private Object unit(Outcome.Received r) {
        long reads = client.reads();
        long took = reads - readsBefore;
        readsBefore = reads;
        if (r.dataPacket().isPresent()) {
            return r.dataPacket().get();
        }
        if (r.undecodable()) {
            throw new PlayEnd(PlayEnd.Kind.ERROR, "an undecodable command packet: " + r.summary());
        }
        List<MmsMessage> ms = r.messages();
        if (ms.size() > 1 && ctx.has(BREAKS_ON_COMBINED_MESSAGES)) {
            throw new PlayEnd(PlayEnd.Kind.ERROR, "a packet with " + ms.size() + " messages");
        }
        if (took > 2 && ctx.has(BREAKS_ON_SEGMENTS)) {
            throw new PlayEnd(PlayEnd.Kind.ERROR, "a packet that came in " + took + " reads");
        }
        Object first = null;
        for (MmsMessage m : ms) {
            if (m instanceof LinkMacToViewerPing) {
                if (playing && ctx.has(BREAKS_ON_INTERLEAVED_DATA)) {
                    throw new PlayEnd(PlayEnd.Kind.ERROR, "a Ping among the data");
                }
                pong();
            } else if (first == null) {
                first = m;
            } else {
                pending.add(m);
            }
        }
        return first;
    }

    private void pong() {
        if (ctx.has(NO_PONG)) {
            return;
        }
        if (ctx.has(LATE_PONG)) {
            long until = System.nanoTime() + LATE_PONG_DELAY.toNanos();
            while (System.nanoTime() < until) {
                ctx.checkStopped();
                sleep(POLL);
            }
        }
        send(LinkViewerToMacPong.of());
        pongs++;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(MmsMessage... messages) {
        ctx.checkStopped();
        sendNow(messages);
    }

    /** Sends even after stop(): the steps of a clean stop. */
    private void sendNow(MmsMessage... messages) {
        try {
            client.sendRaw(writer.encode(messages));
        } catch (MockClientException e) {
            ctx.checkStopped();
            throw lost("write failed: " + e.getMessage());
        }
    }

    // ---- errors

    private PlayEnd lost(String why) {
        return new PlayEnd(established ? PlayEnd.Kind.ERROR : PlayEnd.Kind.ROLL_OVER, why);
    }

    private void ok(long hr, String what) {
        if (hr != 0 && ctx.has(IGNORES_HR_ERRORS)) {
            ctx.log(String.format("%s hr 0x%08X ignored", what, hr));
            return;
        }
        if (hr != 0) {
            throw hrError(what, hr, PlayEnd.Kind.ERROR);
        }
    }

    /** An error hr ends the play (3.1); a session limit or a refused login never rolls over. */
    private PlayEnd hrError(String what, long hr, PlayEnd.Kind otherwise) {
        String msg = String.format("%s hr 0x%08X", what, hr);
        if (ctx.has(CRASHES_ON_HR_ERROR)) {
            return new PlayEnd(PlayEnd.Kind.CRASH, msg);
        }
        if (SESSION_LIMITS.contains(hr)) {
            return new PlayEnd(PlayEnd.Kind.SESSION_LIMIT, msg);
        }
        if (hr == E_ACCESSDENIED) {
            return new PlayEnd(PlayEnd.Kind.AUTH, msg);
        }
        return new PlayEnd(otherwise, msg);
    }
}
