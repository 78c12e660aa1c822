package org.mmsspec.codec.fuzz;

import java.util.Arrays;
import java.util.HexFormat;

import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;

/**
 * The decoders' contract, shared by the fuzz targets: only {@link MalformedInputException} may escape (the fuzz
 * targets let any other throwable through, which Jazzer reports as a finding), and a unit that strict decoding finds
 * conforming re-encodes to exactly its own bytes.
 */
final class Contract {

    private Contract() {
    }

    static void commandPacket(byte[] b, Direction direction) {
        try {
            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, direction, DecodeOptions.STRICT);
            if (d.violations().isEmpty()) {
                reencodes(b, CommandPacketCodec.encode(d.value()));
            }
            CommandPacketCodec.decode(b, direction, DecodeOptions.LENIENT);
        } catch (MalformedInputException expected) {
            // the one exception allowed
        }
    }

    static void dataPacket(byte[] b) {
        try {
            Decoded<DataPacket> d = DataPacket.decode(b, 0, b.length, DecodeOptions.STRICT);
            if (d.violations().isEmpty()) {
                reencodes(b, d.value().encode());
            }
        } catch (MalformedInputException expected) {
            // the one exception allowed
        }
    }

    static void resend(byte[] b) {
        try {
            Decoded<RequestPacketListResend> d = RequestPacketListResend.decode(b, DecodeOptions.STRICT);
            if (d.violations().isEmpty()) {
                reencodes(b, d.value().encode());
            }
        } catch (MalformedInputException expected) {
            // the one exception allowed
        }
    }

    static void mmshFrame(byte[] b) {
        try {
            Decoded<MmshPacket> d = MmshFrameCodec.decode(b, DecodeOptions.STRICT);
            if (d.violations().isEmpty()) {
                reencodes(b, MmshFrameCodec.encode(d.value()));
            }
        } catch (MalformedInputException expected) {
            // the one exception allowed
        }
    }

    static void reencodes(byte[] original, byte[] encoded) {
        if (!Arrays.equals(original, encoded)) {
            throw new AssertionError("a conforming unit re-encodes differently:\n  in  "
                    + HexFormat.of().formatHex(original) + "\n  out " + HexFormat.of().formatHex(encoded));
        }
    }
}
