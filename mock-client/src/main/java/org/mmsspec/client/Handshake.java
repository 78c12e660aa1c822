package org.mmsspec.client;

import java.util.Objects;

import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacStreamSwitch;

/**
 * The TCP sequence of MS-MMSP 3.1.5.1 one step at a time, so that a script can stop at any step and misbehave
 * there. Each step sends the usual request and expects its reply (an {@link ExpectationFailure} otherwise), and keeps
 * the reply for the steps after it.
 */
public final class Handshake {

    /** How far the sequence has got; each stage includes the ones before it. */
    public enum Stage {
        NONE, CONNECTED, FUNNEL_INFO, FUNNEL_CONNECTED, FILE_OPENED, HEADER_READ, STREAMS_SWITCHED, PLAYING
    }

    /** playIncarnation of OpenFile; ReadBlock and StartPlaying count on from it. */
    public static final long OPEN_INCARNATION = ViewerRequests.OPEN_INCARNATION;

    private final MmstClient client;
    private final String path;
    private String subscriberName = MmstClient.NSPLAYER;
    private Stage stage = Stage.NONE;
    private LinkMacToViewerReportConnectedEX connected;
    private LinkMacToViewerReportOpenFile openFile;
    private AsfHeader header;
    private LinkMacToViewerReportStartedPlaying started;

    private Handshake(MmstClient client, String path) {
        this.client = Objects.requireNonNull(client);
        this.path = Objects.requireNonNull(path);
    }

    /** A sequence on {@code client} that will open {@code path}. */
    public static Handshake on(MmstClient client, String path) {
        return new Handshake(client, path);
    }

    /** The subscriberName of Connect, for servers that want credentials in it or another player name. */
    public Handshake subscriberName(String name) {
        this.subscriberName = Objects.requireNonNull(name);
        return this;
    }

    public MmstClient client() {
        return client;
    }

    public Stage stage() {
        return stage;
    }

    /** Runs every step up to and including {@code target}; steps already done are not repeated. */
    public Handshake upTo(Stage target) {
        while (stage.compareTo(target) < 0) {
            switch (stage) {
                case NONE -> connect();
                case CONNECTED -> funnelInfo();
                case FUNNEL_INFO -> connectFunnel();
                case FUNNEL_CONNECTED -> openFile();
                case FILE_OPENED -> readHeader();
                case HEADER_READ -> streamSwitch();
                case STREAMS_SWITCHED -> startPlaying();
                case PLAYING -> throw new IllegalStateException("already playing");
            }
        }
        return this;
    }

    public Handshake connect() {
        client.send(ViewerRequests.connect(subscriberName));
        connected = client.expect(LinkMacToViewerReportConnectedEX.class);
        return at(Stage.CONNECTED);
    }

    /** FunnelInfo without packet-pair. */
    public Handshake funnelInfo() {
        client.send(ViewerRequests.funnelInfo());
        client.expect(LinkMacToViewerReportFunnelInfo.class);
        return at(Stage.FUNNEL_INFO);
    }

    /** ConnectFunnel naming TCP: Data packets come over this connection. */
    public Handshake connectFunnel() {
        client.send(ViewerRequests.tcpFunnel());
        client.expect(LinkMacToViewerReportConnectedFunnel.class);
        return at(Stage.FUNNEL_CONNECTED);
    }

    public Handshake openFile() {
        client.send(ViewerRequests.openFile(path));
        openFile = client.expect(LinkMacToViewerReportOpenFile.class);
        return at(Stage.FILE_OPENED);
    }

    /** ReadBlock for the header, its reply, and the header's Data packets. */
    public Handshake readHeader() {
        client.send(ViewerRequests.readHeader(openFile.openFileId()));
        client.expect(LinkMacToViewerReportReadBlock.class);
        header = client.readHeader();
        return at(Stage.HEADER_READ);
    }

    /** StreamSwitch selecting every stream the header lists. */
    public Handshake streamSwitch() {
        return streamSwitch(ViewerRequests.selectAll(header.streamNumbers()));
    }

    /** The given StreamSwitch (a selection of the streams), answered by ReportStreamSwitch. */
    public Handshake streamSwitch(LinkViewerToMacStreamSwitch request) {
        client.send(request);
        client.expect(LinkMacToViewerReportStreamSwitch.class);
        return at(Stage.STREAMS_SWITCHED);
    }

    /** StartPlaying from position 0. */
    public Handshake startPlaying() {
        client.send(ViewerRequests.startPlaying(openFile.openFileId(), ViewerRequests.PLAY_INCARNATION));
        started = client.expect(LinkMacToViewerReportStartedPlaying.class);
        return at(Stage.PLAYING);
    }

    /** Every step up to StartPlaying, and the data that follows as a {@link Session}. */
    public Session play() {
        upTo(Stage.PLAYING);
        return new Session(client, connected, openFile, header, started);
    }

    public LinkMacToViewerReportConnectedEX connected() {
        return require(connected, Stage.CONNECTED);
    }

    public LinkMacToViewerReportOpenFile openFileReply() {
        return require(openFile, Stage.FILE_OPENED);
    }

    /** The openFileId the server chose. */
    public long openFileId() {
        return openFileReply().openFileId();
    }

    public AsfHeader header() {
        return require(header, Stage.HEADER_READ);
    }

    public LinkMacToViewerReportStartedPlaying started() {
        return require(started, Stage.PLAYING);
    }

    private Handshake at(Stage s) {
        stage = s;
        return this;
    }

    private static <T> T require(T value, Stage s) {
        if (value == null) {
            throw new IllegalStateException("the sequence has not reached " + s);
        }
        return value;
    }
}
