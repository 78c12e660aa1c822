package org.mmsspec.harness;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;

/** What a captured stream carries, as {@code --kind} names it. MMSH (MS-WMSP framing) joins as a second constant. */
enum StreamKind {
    /** MS-MMSP over TCP: command packets and Data packets. */
    MMSP {
        @Override
        UnitStream open(Direction direction, DecodeOptions options) {
            return new MmspUnits(direction, options);
        }
    };

    abstract UnitStream open(Direction direction, DecodeOptions options);
}
