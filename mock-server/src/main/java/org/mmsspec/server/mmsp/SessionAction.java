package org.mmsspec.server.mmsp;

import java.time.Duration;
import java.util.List;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.mmsp.MacToViewer;
import org.mmsspec.server.ConnectionEvent;
import org.mmsspec.server.scenario.Mutation;

/** What {@link MmsServerSession} asks its transport to do. The session itself does no I/O. */
public sealed interface SessionAction {

    /** The replies to one request, in order (one command packet each, or one in all when faults combine them). */
    record Reply(List<MacToViewer> messages) implements SessionAction {
        public Reply {
            messages = List.copyOf(messages);
        }

        public static Reply of(MacToViewer... messages) {
            return new Reply(List.of(messages));
        }
    }

    /**
     * A Data packet, on the TCP connection or as a datagram to the client's UDP port. {@code sendTimeMillis} is its
     * time on the stream clock; {@code newRun} restarts that clock at this packet (first header fragment, first packet
     * after a Start*). Pacing is the transport's: it honours the times or ignores them (FAST). {@code payload} says
     * what it carries, for a {@link Mutation} to aim at.
     */
    record Data(DataPacket packet, boolean udp, long sendTimeMillis, boolean newRun, Mutation.Payload payload)
            implements SessionAction {

        /** An ASF data packet. */
        public Data(DataPacket packet, boolean udp, long sendTimeMillis, boolean newRun) {
            this(packet, udp, sendTimeMillis, newRun, Mutation.Payload.ASF_DATA);
        }
    }

    record StartTimer(MmsServerSession.Timer timer, Duration after) implements SessionAction {
    }

    record StopTimer(MmsServerSession.Timer timer) implements SessionAction {
    }

    /** An event for the connection's log. */
    record Log(ConnectionEvent.What what, String detail) implements SessionAction {
    }

    /** Close the connection, after writing what was asked before. */
    record Close(String reason) implements SessionAction {
    }
}
