package org.mmsspec.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import org.mmsspec.client.AsfHeader;
import org.mmsspec.client.MmstClient;
import org.mmsspec.client.ViewerRequests;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedEX;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportConnectedFunnel;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportFunnelInfo;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportOpenFile;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportReadBlock;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStartedPlaying;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportStreamSwitch;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * One viewer of a load run, the TCP sequence of MS-MMSP 3.1.5.1 as events on its channel: Connect, FunnelInfo,
 * ConnectFunnel over TCP, OpenFile, ReadBlock and the header, StreamSwitch for every stream, then StartPlaying to
 * ReportEndOfStream as many times as the plan plays. Pings are answered. Anything else from the server, a close or
 * a silence longer than the plan's idle time ends the session as failed. Runs on its channel's event loop only.
 */
final class ViewerSession extends ChannelInboundHandlerAdapter {

    /** The reply each step waits for. */
    private enum Step { CONNECTED, FUNNEL_INFO, FUNNEL, OPENED, READ_BLOCK, HEADER, SWITCHED, STARTED, STREAMING }

    private final LoadRun run;
    private final LoadPlan plan;
    private final long startNanos;
    private final StreamFramer framer = new StreamFramer(Direction.S2C, DecodeOptions.STRICT);
    private final List<DataPacket> header = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private Step step = Step.CONNECTED;
    private int seq;
    private long openFileId;
    private long incarnation = ViewerRequests.PLAY_INCARNATION;
    private boolean streamingCounted;
    private boolean ended;
    private int plays;
    private int packetsThisPlay;
    private long dataPackets;
    private long dataBytes;
    private long connectNanos = -1;
    private long firstDataNanos = -1;

    ViewerSession(LoadRun run, long startNanos) {
        this.run = run;
        this.plan = run.plan();
        this.startNanos = startNanos;
    }

    ChannelInitializer<Channel> initializer() {
        ViewerSession self = this;
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new IdleStateHandler(plan.idle().toNanos(), 0, 0, TimeUnit.NANOSECONDS))
                        .addLast(self);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        ctx = c;
        connectNanos = System.nanoTime() - startNanos;
        run.opened(c.channel());
        send(ViewerRequests.connect(MmstClient.NSPLAYER));
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (ended) {
                return;
            }
            // a copy: the header's Data packets are views of what the framer is given, and are kept
            byte[] b = ByteBufUtil.getBytes(buf);
            framer.feed(b, 0, b.length, this::unit);
        } catch (MalformedInputException e) {
            fail("the stream cannot be framed: " + e.getMessage());
        } finally {
            buf.release();
        }
    }

    private void unit(StreamFramer.Unit u) {
        if (ended) {
            return;
        }
        if (u instanceof StreamFramer.Data d) {
            data(d.decoded().value(), d.length());
        } else if (u instanceof StreamFramer.Command c) {
            for (MmsMessage m : c.decoded().value().messages()) {
                if (m instanceof LinkMacToViewerPing) {
                    send(LinkViewerToMacPong.of());
                } else if (!ended) {
                    reply(m);
                }
            }
        } else {
            fail("an undecodable unit at offset " + u.offset() + " in step " + step);
        }
    }

    private void reply(MmsMessage m) {
        switch (step) {
            case CONNECTED -> {
                if (m instanceof LinkMacToViewerReportConnectedEX r && r.hr() == 0) {
                    next(Step.FUNNEL_INFO, ViewerRequests.funnelInfo());
                    return;
                }
            }
            case FUNNEL_INFO -> {
                if (m instanceof LinkMacToViewerReportFunnelInfo r && r.hr() == 0) {
                    next(Step.FUNNEL, ViewerRequests.tcpFunnel());
                    return;
                }
            }
            case FUNNEL -> {
                if (m instanceof LinkMacToViewerReportConnectedFunnel r && r.hr() == 0) {
                    next(Step.OPENED, ViewerRequests.openFile(plan.path()));
                    return;
                }
            }
            case OPENED -> {
                if (m instanceof LinkMacToViewerReportOpenFile r && r.hr() == 0) {
                    openFileId = r.openFileId();
                    next(Step.READ_BLOCK, ViewerRequests.readHeader(openFileId));
                    return;
                }
            }
            case READ_BLOCK -> {
                if (m instanceof LinkMacToViewerReportReadBlock r && r.hr() == 0) {
                    step = Step.HEADER;
                    return;
                }
            }
            case SWITCHED -> {
                if (m instanceof LinkMacToViewerReportStreamSwitch r && r.hr() == 0) {
                    next(Step.STARTED, ViewerRequests.startPlaying(openFileId, incarnation));
                    return;
                }
            }
            case STARTED -> {
                if (m instanceof LinkMacToViewerReportStartedPlaying r && r.hr() == 0) {
                    step = Step.STREAMING;
                    packetsThisPlay = 0;
                    if (!streamingCounted) {
                        streamingCounted = true;
                        run.startedStreaming();
                    }
                    return;
                }
            }
            case STREAMING -> {
                if (m instanceof LinkMacToViewerReportEndOfStream r
                        && r.hr() == LinkMacToViewerReportEndOfStream.END_OF_ENTRY) {
                    endOfStream();
                    return;
                }
            }
            case HEADER -> {
                // only Data packets are expected until the header's last
            }
        }
        fail("in step " + step + ": " + m);
    }

    private void endOfStream() {
        if (packetsThisPlay != plan.expectedPackets()) {
            fail("run " + (plays + 1) + " brought " + packetsThisPlay + " Data packets of " + plan.expectedPackets());
            return;
        }
        plays++;
        if (!plan.holds() && plays >= plan.plays()) {
            end(null);
            return;
        }
        incarnation++;
        next(Step.STARTED, ViewerRequests.startPlaying(openFileId, incarnation));
    }

    private void data(DataPacket p, int length) {
        dataPackets++;
        dataBytes += length;
        if (step == Step.HEADER) {
            header.add(p);
            if (p.AFFlags() == DataPacket.AF_HEADER_LAST || p.AFFlags() == DataPacket.AF_HEADER_LAST_ALT) {
                next(Step.SWITCHED, ViewerRequests.selectAll(new AsfHeader(header).streamNumbers()));
            }
        } else if (step == Step.STREAMING) {
            if (firstDataNanos < 0) {
                firstDataNanos = System.nanoTime() - startNanos;
            }
            packetsThisPlay++;
        } else {
            fail("a Data packet in step " + step);
        }
    }

    private void next(Step s, MmsMessage request) {
        step = s;
        send(request);
    }

    private void send(MmsMessage m) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(CommandPacketCodec.encode(seq++, m)));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) {
        if (evt instanceof IdleStateEvent) {
            fail("nothing received for " + plan.idle().toMillis() + " ms in step " + step);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        String stopping = run.stopping();
        if (stopping == null) {
            fail("closed by the server in step " + step);
        } else if (!stopping.isEmpty()) {
            fail(stopping + " (in step " + step + ")");
        } else {
            end(streamingCounted ? null : "stopped before it streamed (in step " + step + ")");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        fail(cause.toString());
    }

    /** Ends the session as failed; a session ends once. */
    void fail(String why) {
        end(why);
    }

    private void end(String failure) {
        if (ended) {
            return;
        }
        ended = true;
        run.ended(new SessionResult(failure, connectNanos, firstDataNanos, plays, dataPackets, dataBytes,
                System.nanoTime()), streamingCounted);
        if (ctx != null) {
            ctx.close();
        }
    }
}
