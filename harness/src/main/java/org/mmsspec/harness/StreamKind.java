package org.mmsspec.harness;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;

/** What a captured stream carries, as {@code --kind} names it. */
enum StreamKind {
    /** MS-MMSP over TCP: command packets and Data packets. */
    MMSP {
        @Override
        UnitStream open(Direction direction, DecodeOptions options) {
            return new MmspUnits(direction, options);
        }
    },
    /** MMSH (MS-WMSP 2.2.3): an HTTP response, headers optional, whose body is framed packets. */
    MMSH {
        @Override
        UnitStream open(Direction direction, DecodeOptions options) {
            return new MmshUnits(options);
        }
    },
    /** One RequestPacketListResend datagram (MS-MMSP 2.2.5). */
    RESEND {
        @Override
        UnitStream open(Direction direction, DecodeOptions options) {
            return new ResendUnits(options);
        }
    };

    abstract UnitStream open(Direction direction, DecodeOptions options);
}
