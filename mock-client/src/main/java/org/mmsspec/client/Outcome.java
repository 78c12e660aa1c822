package org.mmsspec.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * What one read brought: a unit, or one of the ways a peer can fail to send one. Every read ends in exactly one of
 * these, so a silent, slow, resetting or garbage-sending peer gives a verdict instead of a hang.
 */
public sealed interface Outcome permits Outcome.Received, Outcome.Timeout, Outcome.Eof, Outcome.Reset, Outcome.Lost {

    /** One line for a failure message. */
    String summary();

    /** A framed unit; its decoded value and violations are in the transcript entry. */
    record Received(TranscriptEntry entry) implements Outcome {

        /** The command packet, where the unit is one. */
        public Optional<CommandPacket> command() {
            return entry.decoded() instanceof CommandPacket p ? Optional.of(p) : Optional.empty();
        }

        /** The Data packet, where the unit is one (over TCP, UDP, or inside an MMSH frame). */
        public Optional<DataPacket> dataPacket() {
            if (entry.decoded() instanceof DataPacket d) {
                return Optional.of(d);
            }
            if (entry.decoded() instanceof MmshPacket m) {
                return MmshPackets.dataPacket(m);
            }
            return Optional.empty();
        }

        /** The MMSH packet, where the unit is one. */
        public Optional<MmshPacket> mmsh() {
            return entry.decoded() instanceof MmshPacket m ? Optional.of(m) : Optional.empty();
        }

        /** The messages of a command packet; none for anything else. */
        public List<MmsMessage> messages() {
            return command().map(CommandPacket::messages).orElse(List.of());
        }

        /** The first message of type {@code type} in the unit. */
        public <T extends MmsMessage> Optional<T> message(Class<T> type) {
            return messages().stream().filter(type::isInstance).map(type::cast).findFirst();
        }

        /** True where the unit was framed but could not be decoded. */
        public boolean undecodable() {
            return entry.decoded() == null;
        }

        public List<Violation> violations() {
            return entry.violations();
        }

        @Override
        public String summary() {
            return entry.headline();
        }
    }

    /** Nothing (or not a whole unit) arrived within {@code waited}. */
    record Timeout(Duration waited, int partialBytes) implements Outcome {
        @Override
        public String summary() {
            return "timeout after " + waited.toMillis() + " ms"
                    + (partialBytes > 0 ? " with " + partialBytes + " bytes of an incomplete unit" : "");
        }
    }

    /** The peer closed its side; {@code partialBytes} of an incomplete unit were left over. */
    record Eof(int partialBytes) implements Outcome {
        @Override
        public String summary() {
            return "end of stream" + (partialBytes > 0 ? " inside a unit (" + partialBytes + " bytes of it)" : "");
        }
    }

    /** The connection was reset or broke. */
    record Reset(String reason) implements Outcome {
        @Override
        public String summary() {
            return "connection reset (" + reason + ")";
        }
    }

    /**
     * The stream can no longer be cut into units (a length beyond the bound, below the minimum, a broken HTTP head).
     * Later reads still look for the close.
     */
    record Lost(MalformedInputException error) implements Outcome {
        @Override
        public String summary() {
            return "stream lost: " + error.getMessage();
        }
    }
}
