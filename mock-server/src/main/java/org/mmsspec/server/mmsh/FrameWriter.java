package org.mmsspec.server.mmsh;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.Connection;
import org.mmsspec.server.scenario.Faults;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.Scenario;

/**
 * Writes a response body packet by packet on the channel's event loop: $D at their send times (REALTIME) or as fast
 * as the channel takes them (FAST), never more than the channel's write buffer holds (it waits for writability
 * instead), with the scenario's faults applied by packet name ({@code $H}, {@code $D}...).
 */
final class FrameWriter {

    /**
     * A packet and, for $D, its ASF send time in ms (-1 otherwise); {@code rebase} restarts the pacing clock;
     * {@code asf}, for a $D, the source's array its payload views whole (the key of {@link SharedFrames}), else null.
     */
    record Item(MmshPacket packet, long sendTime, boolean rebase, byte[] asf) {

        Item(MmshPacket packet, long sendTime, boolean rebase) {
            this(packet, sendTime, rebase, null);
        }
    }

    /** The packets of a body, made on demand; null after the last. */
    interface Plan {
        Item next();

        static Plan of(List<MmshPacket> packets) {
            Iterator<MmshPacket> it = packets.iterator();
            return () -> it.hasNext() ? new Item(it.next(), -1, false) : null;
        }
    }

    static final int GARBAGE = 16;

    /**
     * Paced packets go out up to this much before their send time, on a grid of wake-ups shared by every session: one
     * wake of the event loop then serves all sessions due, and each session's packets due within it share one flush,
     * where waking per packet per session spun Netty's select and cost a thousand sessions most of a core (bench
     * mmsh). A player buffers seconds of preroll (FFmpeg writes 3 s), so 1 s early is within what a client holds;
     * no packet goes out late for it.
     */
    static final long LEAD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ChannelHandlerContext ctx;
    private final Connection connection;
    private final Plan plan;
    private final Faults faults;
    private final Mutation mutation;
    private final boolean paced;
    private final boolean burstBit;
    private final Runnable onEnd;
    /** Where $D frames are shared between sessions; null where this writer's faults or mutation change them. */
    private final SharedFrames shared;
    private Item current;
    private long currentDue;
    private Item peeked;
    private long peekedDue;
    private long baseNanos;
    private long baseSend = -1;
    private boolean scheduled;
    private boolean closeMidDone;
    private boolean garbageDone;
    private boolean done;
    private long frames;

    /** Paced where the scenario's pacing is REALTIME; its faults and mutation applied. */
    FrameWriter(ChannelHandlerContext ctx, Connection connection, Plan plan, Scenario scenario, boolean burstBit,
            SharedFrames shared, Runnable onEnd) {
        this.ctx = ctx;
        this.connection = connection;
        this.plan = plan;
        this.faults = scenario.faults();
        this.mutation = scenario.mutation();
        this.paced = scenario.pacing() == Pacing.REALTIME;
        this.burstBit = burstBit;
        this.onEnd = onEnd;
        this.shared = mutation == Mutation.NONE && !"$D".equals(faults.closeMidMessage())
                && !"$D".equals(faults.garbageAfter()) ? shared : null;
    }

    long frames() {
        return frames;
    }

    /** Frames written since the last flush. */
    private boolean unflushed;

    /** Writes what is due and writable; call again when the channel becomes writable. Event loop only. */
    void pump() {
        scheduled = false;
        try {
            pumpDue();
        } finally {
            if (unflushed) {
                unflushed = false;
                ctx.flush(); // one flush for every frame due now: one write to the socket, not one per frame
            }
        }
    }

    private void pumpDue() {
        while (!done && ctx.channel().isActive()) {
            if (current == null) {
                if (peeked != null) {
                    current = peeked;
                    currentDue = peekedDue;
                    peeked = null;
                } else {
                    current = plan.next();
                    if (current == null) {
                        end();
                        return;
                    }
                    currentDue = due(current);
                }
            }
            long now = System.nanoTime();
            long early = currentDue - now;
            if (early > 0) {
                boolean led = leads(current);
                if (!led || early > LEAD_NANOS) {
                    scheduled = true;
                    ctx.executor().schedule(this::pump, led ? wakeAt(currentDue - LEAD_NANOS) - now : early,
                            TimeUnit.NANOSECONDS);
                    return;
                }
            }
            if (!ctx.channel().isWritable()) {
                return;
            }
            write(current);
            current = null;
        }
    }

    /** Whether the item is timed by its send time alone: a delay fault's time is kept to the letter. */
    private boolean leads(Item item) {
        return paced && item.sendTime() >= 0 && !faults.delayReply().containsKey(MmshFrames.name(item.packet()));
    }

    /** The first point of the shared grid at or after {@code nanos}. */
    private static long wakeAt(long nanos) {
        return nanos + Math.floorMod(-nanos, LEAD_NANOS);
    }

    private long due(Item item) {
        long now = System.nanoTime();
        long due = now;
        if (paced && item.sendTime() >= 0) {
            if (item.rebase() || baseSend < 0) {
                baseNanos = now;
                baseSend = item.sendTime();
            }
            due = baseNanos + TimeUnit.MILLISECONDS.toNanos(Math.max(0, item.sendTime() - baseSend));
        }
        Duration delay = faults.delayReply().get(MmshFrames.name(item.packet()));
        return delay == null ? due : Math.max(due, now + delay.toNanos());
    }

    private void write(Item item) {
        String name = MmshFrames.name(item.packet());
        if (faults.dropReply().contains(name)) {
            return;
        }
        MmshPacket p = item.packet();
        if (burstBit && p instanceof MmshData d && backToBack()) {
            p = new MmshData(d.framing().withB(), d.packet());
        }
        ByteBuf frame = shared != null && item.asf() != null && p instanceof MmshData d ? shared.frame(d, item.asf())
                : null;
        if (frame != null) {
            frames++;
            ctx.write(new DefaultHttpContent(frame));
            unflushed = true;
            return;
        }
        byte[] bytes = mutation.frame(p, MmshFrameCodec.encode(p));
        if (bytes.length == 0) {
            return;
        }
        frames++;
        if (!closeMidDone && name.equals(faults.closeMidMessage())) {
            closeMidDone = true;
            done = true;
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2)))
                    .addListener(f -> {
                        connection.record(ConnectionEvent.What.CLOSED_BY_SERVER, "fault closeMidMessage " + name);
                        ctx.close();
                    });
            return;
        }
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
        if (!garbageDone && name.equals(faults.garbageAfter())) {
            garbageDone = true;
            byte[] junk = new byte[GARBAGE];
            Arrays.fill(junk, (byte) 0xEE);
            ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(junk)));
        }
        unflushed = true;
    }

    /** Whether the next packet is a $D that goes out at once: the B bit's meaning (MS-WMSP 2.2.3.1.1). */
    private boolean backToBack() {
        if (peeked == null) {
            peeked = plan.next();
            if (peeked == null) {
                return false;
            }
            peekedDue = due(peeked);
        }
        return peeked.packet() instanceof MmshData && peekedDue <= System.nanoTime()
                && !faults.dropReply().contains("$D");
    }

    private void end() {
        done = true;
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener((ChannelFutureListener) f -> {
            onEnd.run();
            ctx.close();
        });
    }

    boolean isScheduled() {
        return scheduled;
    }

    boolean isDone() {
        return done;
    }
}
