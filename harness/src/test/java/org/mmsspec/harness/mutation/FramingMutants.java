package org.mmsspec.harness.mutation;

import static org.mmsspec.harness.mutation.Mutations.AFFLAGS;
import static org.mmsspec.harness.mutation.Mutations.LOCATION_ID;
import static org.mmsspec.harness.mutation.Mutations.PLAY_INCARNATION;
import static org.mmsspec.harness.mutation.Mutations.add;
import static org.mmsspec.harness.mutation.Mutations.combined;
import static org.mmsspec.harness.mutation.Mutations.data;
import static org.mmsspec.harness.mutation.Mutations.field;
import static org.mmsspec.harness.mutation.Mutations.header;
import static org.mmsspec.harness.mutation.Mutations.quirk;
import static org.mmsspec.harness.mutation.Mutations.replies;
import static org.mmsspec.harness.mutation.Mutations.set;

import java.util.Arrays;
import java.util.List;

import org.mmsspec.codec.Section;
import org.mmsspec.codec.mmsp.TcpMessageHeader;
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
                        "R15: the message area is a whole number of 8-byte units", replies(FramingMutants::fourMore)),
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
                        data(Payload.ASF_HEADER, p -> p.playIncarnation() < 0xFE, add(PLAY_INCARNATION, 1, 1))));
    }

    /** Four more zero bytes in the message area, messageLength and chunkCount grown to match. */
    private static byte[] fourMore(byte[] b) {
        byte[] out = Arrays.copyOf(b, b.length + 4);
        long messageLength = Mutations.get(b, 8, 4) + 4;
        out = Mutations.put(out, 8, 4, messageLength);
        return Mutations.put(out, 16, 4, messageLength / 8);
    }
}
