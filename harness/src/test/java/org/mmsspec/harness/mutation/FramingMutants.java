package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.AFFLAGS;
import static org.mmsspec.harness.mutation.Mutations.LOCATION_ID;
import static org.mmsspec.harness.mutation.Mutations.PACKET_SIZE;
import static org.mmsspec.harness.mutation.Mutations.PLAY_INCARNATION;
import static org.mmsspec.harness.mutation.Mutations.add;
import static org.mmsspec.harness.mutation.Mutations.combined;
import static org.mmsspec.harness.mutation.Mutations.data;
import static org.mmsspec.harness.mutation.Mutations.field;
import static org.mmsspec.harness.mutation.Mutations.header;
import static org.mmsspec.harness.mutation.Mutations.override;
import static org.mmsspec.harness.mutation.Mutations.quirk;
import static org.mmsspec.harness.mutation.Mutations.replies;
import static org.mmsspec.harness.mutation.Mutations.set;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkMacToViewerPing;
import org.mmsspec.codec.mmsp.LinkMacToViewerReportEndOfStream;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
import org.mmsspec.server.scenario.Mutation;
import org.mmsspec.server.scenario.Mutation.Payload;
import org.mmsspec.server.scenario.Mutation.Quirk;

/**
 * Owned by the helper of the framing cases ({@code MmspFramingCases}): faults in the TcpMessageHeader of every reply,
 * in message framing and in each Data packet's header. Add yours here, one rule each, named by what the server then
 * does; {@code breaks} is the section of the case that must catch it.
 */
final class FramingMutants {

    private static final Section HEADER = Section.mmsp("2.2.3");
    private static final Section DATA = Section.mmsp("2.2.2");
    private static final Section END = Section.mmsp("3.2.4.1");
    private static final Section HEADER_PACKETS = Section.mmsp("3.2.5.8.1");
    private static final Section CONTENT = Section.mmsp("3.2.5.11.1");
    private static final long MID_OPEN_FILE = 0x00040006L;
    /** chunkLen of the first message, just after the 32-byte TcpMessageHeader. */
    private static final int CHUNK_LEN = TcpMessageHeader.SIZE;

    private FramingMutants() {
    }

    static List<Mutant> all() {
        return List.of(
                new Mutant("rep is 0x02", HEADER, "R1: rep is 0x01", header("rep", v -> 2)),
                new Mutant("version is 0x01", HEADER, "R2: version is 0x00", header("version", v -> 1)),
                new Mutant("versionMinor is 0x01", HEADER, "R3: versionMinor is 0x00", header("versionMinor", v -> 1)),
                new Mutant("header padding is 0xFF", HEADER, "R4: padding is 0x00", header("padding", v -> 0xFF)),
                new Mutant("sessionId is 0xB00BFACF", HEADER, "R6: sessionId is 0xB00BFACE",
                        header("sessionId", v -> 0xB00BFACFL)),
                new Mutant("seal is \"MMS!\"", HEADER, "R7: seal is 0x20534D4D", header("seal", v -> 0x21534D4DL)),
                new Mutant("chunkCount is one unit too many", HEADER, "R8: chunkCount counts 8-byte units",
                        header("chunkCount", v -> v + 1)),
                new Mutant("seq stays 0", HEADER, "R9: seq goes up by one per command packet", header("seq", v -> 0)),
                new Mutant("seq starts at 1", HEADER, "R10: the first command packet has seq 0",
                        header("seq", v -> (v + 1) & 0xFFFF)),
                new Mutant("MBZ is 1", HEADER, "R11: MBZ is 0", header("MBZ", v -> 1)),
                new Mutant("the message area ends 4 bytes past an 8-byte unit", HEADER,
                        "R15: the message area is a whole number of 8-byte units", replies(b -> grown(b, 4))),
                new Mutant("chunkLen counts one unit past the packet", Section.mmsp("2.2.4"),
                        "R3: a message with its padding is chunkLen 8-byte units",
                        replies(add(CHUNK_LEN, 4, 1))),
                new Mutant("ReportOpenFile is sent with MID 0x00040007", Section.mmsp("2.2.4.7"),
                        "R1: the MID of ReportOpenFile is 0x00040006",
                        field("LinkMacToViewerReportOpenFile", "MID", v -> 0x00040007L)),
                new Mutant("replies to one request share a command packet", Section.mmsp("3.2.5.2"),
                        "R3: one message per TcpMessageHeader packet", combined()),
                new Mutant("only the first message of a command packet is handled", Section.mmsp("3.2.5.1"),
                        "R3: every message of a received packet is handled", quirk(Quirk.FIRST_MESSAGE_ONLY)),
                new Mutant("Data packets have playIncarnation 0", DATA, "R8: playIncarnation 0x00 is reserved",
                        data(Payload.ASF_DATA, set(PLAY_INCARNATION, 1, 0))),
                new Mutant("the AFFlags sequence starts at 1", DATA, "R11: the AFFlags sequence begins at 0x00",
                        data(Payload.ASF_DATA, add(AFFLAGS, 1, 1))),
                new Mutant("header fragments count LocationId from 1", DATA, "R1: header LocationId starts at 0",
                        data(Payload.ASF_HEADER, add(LOCATION_ID, 4, 1))),
                new Mutant("the last header fragment has AFFlags 0x04", DATA,
                        "R15: the final Data packet of an ASF file header has AFFlags 0x0C",
                        data(Payload.ASF_HEADER, p -> p.AFFlags() == 0x0C, set(AFFLAGS, 1, 0x04))),
                new Mutant("packet-pair Data packets have AFFlags 0x00", DATA, "R16: packet-pair AFFlags is 0x10",
                        data(Payload.PACKET_PAIR, set(AFFLAGS, 1, 0))),
                new Mutant("header Data packets carry another playIncarnation than ReadBlock's",
                        Section.mmsp("3.2.5.8.1"), "R2: header Data packets carry the low 8 bits of Incarnation",
                        data(Payload.ASF_HEADER, p -> p.playIncarnation() < 0xFE, add(PLAY_INCARNATION, 1, 1))),
                // one per framing case, where the ones above do not reach it
                new Mutant("ReportEndOfStream's MID is written most significant byte first", Section.mmsp("2.2"),
                        "R1: integers are sent little-endian",
                        field("LinkMacToViewerReportEndOfStream", "MID", v -> Integer.reverseBytes((int) v) & 0xFFFFFFFFL)),
                new Mutant("messageLength counts 8 bytes no message claims", HEADER,
                        "messageLength is 16 plus the message area (MMSP-3.2.5.2-R2)", replies(b -> grown(b, 8))),
                new Mutant("seq skips one after the third reply", HEADER, "R9: seq goes up by one per command packet",
                        header("seq", v -> v >= 3 ? v + 1 : v)),
                new Mutant("ReportOpenFile's chunkLen is one unit short of its fields", Section.mmsp("2.2.4"),
                        "R2: a message's fields end within its chunkLen",
                        replies(b -> Mutations.get(b, 36, 4) == MID_OPEN_FILE ? add(CHUNK_LEN, 4, -1).apply(b) : b)),
                new Mutant("a TcpMessageHeader packet goes out where a Data packet belongs", Section.mmsp("2.2.4"),
                        "R1: MMS messages travel only over TCP (never as a UDP datagram)",
                        data(Payload.ASF_DATA, p -> p.LocationId() == 1, b -> CommandPacketCodec.encode(0,
                                LinkMacToViewerPing.of()))),
                new Mutant("ReportEndOfStream is sent with MID 0x0004001F", Section.mmsp("2.2.4.5"),
                        "R1: the MID of ReportEndOfStream is 0x0004001E",
                        field("LinkMacToViewerReportEndOfStream", "MID", v -> 0x0004001FL)),
                new Mutant("a header in two fragments gives both LocationId 0", DATA,
                        "R2: header LocationId goes up by one per fragment",
                        data(Payload.ASF_HEADER, b -> split(b, DataPacket.AF_HEADER_MORE, 0))),
                new Mutant("a header in two fragments marks the first with AFFlags 0x00", DATA,
                        "R14: a header fragment followed by more has AFFlags 0x04",
                        data(Payload.ASF_HEADER, b -> split(b, 0, 1))),
                new Mutant("packet-pair Data packets have LocationId 0xF0F0F002 and 0xF0F0F003", DATA,
                        "R3: packet-pair LocationIds are 0xF0F0F000 and 0xF0F0F001",
                        data(Payload.PACKET_PAIR, add(LOCATION_ID, 4, 2))),
                new Mutant("packet-pair Data packets have playIncarnation 0xFE", DATA,
                        "R9: a packet-pair Data packet has playIncarnation 0xFF",
                        data(Payload.PACKET_PAIR, set(PLAY_INCARNATION, 1, 0xFE))),
                new Mutant("the third ASF data packet repeats the second's LocationId", DATA,
                        "R6: ASF data LocationId keeps rising",
                        data(Payload.ASF_DATA, p -> p.LocationId() == 2, set(LOCATION_ID, 4, 1))),
                new Mutant("the fourth ASF data packet's PacketSize is 4 more than its bytes", DATA,
                        "R17: PacketSize is the Data packet's length",
                        data(Payload.ASF_DATA, p -> p.LocationId() == 3, b -> set(PACKET_SIZE, 2, b.length + 4)
                                .apply(b))),
                new Mutant("ReportOpenFile filePacketCount is a third of the file", DATA,
                        "R4: LocationId is a packet number of the file",
                        override("LinkMacToViewerReportOpenFile", "filePacketCount", 10)),
                new Mutant("ReportEndOfStream at the end of the content carries hr 5", END,
                        "R3, R4: hr is 1 where entries follow, 0 at the end",
                        override("LinkMacToViewerReportEndOfStream", "hr", 5)),
                new Mutant("a Data packet follows ReportEndOfStream", END,
                        "R1: ReportEndOfStream follows the last Data packet", dataAfterEndOfStream()),
                new Mutant("ReportEndOfStream shares its command packet with a Ping", END,
                        "R6: sent by the rules of 3.2.5.2, one message per packet", pingWithEndOfStream()),
                new Mutant("StartPlaying is refused with an error hr", END,
                        "R9: after ReportEndOfStream hr 0 a StartPlaying is taken",
                        override("LinkMacToViewerReportStartedPlaying", "hr", 0x80004005L)),
                new Mutant("ReportOpenFile fileHeaderSize is 9 bytes short", HEADER_PACKETS,
                        "R1: the header Data packets carry the ASF file header ReportOpenFile announced",
                        override("LinkMacToViewerReportOpenFile", "fileHeaderSize", 700)),
                new Mutant("a byte of the header's Data Object GUID is changed", HEADER_PACKETS,
                        "R1: the header Data packets carry the Header Object and 50 bytes of the Data Object",
                        data(Payload.ASF_HEADER, b -> xor(b, b.length - 50 + 3))),
                new Mutant("ReportOpenFile filePacketSize is 512", HEADER_PACKETS,
                        "R3: no header Data packet exceeds filePacketSize",
                        override("LinkMacToViewerReportOpenFile", "filePacketSize", 512)),
                new Mutant("the header's Data packets are never sent", HEADER_PACKETS,
                        "R4, R5: the header goes over the funnel's transport", data(Payload.ASF_HEADER, b -> new byte[0])),
                new Mutant("a Data packet follows the header before StartPlaying", HEADER_PACKETS,
                        "R10: after the header the server waits for the client",
                        data(Payload.ASF_HEADER, p -> p.AFFlags() == DataPacket.AF_HEADER_LAST,
                                b -> concat(b, set(AFFLAGS, 1, 0).apply(b)))),
                new Mutant("ReportReadBlock carries an error hr", HEADER_PACKETS,
                        "R8: a CancelReadBlock is taken while the header goes out",
                        override("LinkMacToViewerReportReadBlock", "hr", 0x80004005L)),
                new Mutant("ReportOpenFile filePacketSize is below the ASF packet size", CONTENT,
                        "R1: each ASF data packet travels in one Data packet",
                        override("LinkMacToViewerReportOpenFile", "filePacketSize", 1000)),
                new Mutant("a second play's LocationIds are one past the packet numbers", CONTENT,
                        "R4: LocationId is the ASF data packet's number",
                        data(Payload.ASF_DATA, p -> p.playIncarnation() == 4, add(LOCATION_ID, 4, 1))),
                new Mutant("the AFFlags sequence restarts at 0 on every play", CONTENT,
                        "R6, R7: AFFlags is the low byte of a Sequence that runs on",
                        data(Payload.ASF_DATA, p -> true, b -> set(AFFLAGS, 1, b[LOCATION_ID] & 0xFF).apply(b))),
                new Mutant("a playlist entry's header takes a number from the AFFlags sequence", CONTENT,
                        "R7: Sequence counts ASF data packets only",
                        data(Payload.ASF_DATA, p -> p.AFFlags() >= 30, add(AFFLAGS, 1, 1))),
                new Mutant("ASF data Data packets are never sent", CONTENT,
                        "R9, R10: the content goes over the funnel's transport", data(Payload.ASF_DATA, b -> new byte[0])),
                new Mutant("StreamSwitch while streaming is refused with an error hr", CONTENT,
                        "R11: StreamSwitch is taken while Data packets go out",
                        override("LinkMacToViewerReportStreamSwitch", "hr", 0x80004005L)),
                new Mutant("an ASF data packet the stream selection empties is sent with no payload", CONTENT,
                        "R3: a packet left without payloads is not sent", quirk(Quirk.SEND_EMPTIED_PACKETS)));
    }

    /** {@code b} with {@code n} zero bytes appended, messageLength and chunkCount grown to match. */
    private static byte[] grown(byte[] b, int n) {
        byte[] out = Arrays.copyOf(b, b.length + n);
        long messageLength = Mutations.get(b, 8, 4) + n;
        out = Mutations.put(out, 8, 4, messageLength);
        return Mutations.put(out, 16, 4, messageLength / 8);
    }

    /** A header Data packet cut in two: the first with {@code firstFlags}, the second with {@code secondLocation}. */
    private static byte[] split(byte[] b, int firstFlags, long secondLocation) {
        int half = (b.length - DataPacket.HEADER_SIZE) / 2;
        byte[] first = Arrays.copyOf(b, DataPacket.HEADER_SIZE + half);
        byte[] second = new byte[b.length - half];
        System.arraycopy(b, 0, second, 0, DataPacket.HEADER_SIZE);
        System.arraycopy(b, DataPacket.HEADER_SIZE + half, second, DataPacket.HEADER_SIZE, second.length
                - DataPacket.HEADER_SIZE);
        first = set(AFFLAGS, 1, firstFlags).andThen(set(PACKET_SIZE, 2, first.length)).apply(first);
        second = set(LOCATION_ID, 4, secondLocation).andThen(set(PACKET_SIZE, 2, second.length)).apply(second);
        return concat(first, second);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] xor(byte[] b, int at) {
        b[at] ^= 0x55;
        return b;
    }

    private static boolean endOfStream(CommandPacket p, long hr) {
        return p.messages().stream().anyMatch(m -> m instanceof LinkMacToViewerReportEndOfStream e && e.hr() == hr);
    }

    private static Mutation dataAfterEndOfStream() {
        byte[] extra = DataPacket.of(0, 1, 0, Bytes.copyOf(new byte[64])).encode();
        return new Mutation() {
            @Override
            public byte[] reply(CommandPacket packet, byte[] encoded) {
                return endOfStream(packet, 0) ? concat(encoded, extra) : encoded;
            }
        };
    }

    private static Mutation pingWithEndOfStream() {
        return new Mutation() {
            @Override
            public byte[] reply(CommandPacket packet, byte[] encoded) {
                if (!endOfStream(packet, 0) && !endOfStream(packet, 1)) {
                    return encoded;
                }
                List<MmsMessage> both = new ArrayList<>(packet.messages());
                both.add(LinkMacToViewerPing.of());
                return CommandPacketCodec.encode(CommandPacket.of(packet.header().seq(), both.toArray(MmsMessage[]::new)));
            }
        };
    }
}
