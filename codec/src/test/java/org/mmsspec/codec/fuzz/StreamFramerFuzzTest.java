package org.mmsspec.codec.fuzz;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.StreamFramer;

/**
 * The stream framer (MS-MMSP 3.1.5.2) fed a stream in pieces whose sizes the fuzzer picks. Besides the decoders'
 * contract, the units must not depend on the split: the same stream fed whole gives the same units and the same
 * failure. Input layout: the stream first; the last bytes pick the direction, the bound and the piece sizes
 * (FuzzedDataProvider takes numbers from the end). See codec/FUZZING.md.
 */
class StreamFramerFuzzTest {

    @FuzzTest
    void anySplit(FuzzedDataProvider data) {
        Direction direction = data.consumeBoolean() ? Direction.C2S : Direction.S2C;
        int bound = data.consumeBoolean() ? DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE : data.consumeInt(64, 1024);
        DecodeOptions options = DecodeOptions.STRICT.withMaxMessageSize(bound);
        Split s = Split.of(data);
        Split.same(run(new StreamFramer(direction, options), s, s.pieces()),
                run(new StreamFramer(direction, options), s, List.of(s.whole())));
    }

    /** What the framer made of the pieces, as text; a failure other than MalformedInputException escapes. */
    private static String run(StreamFramer f, Split s, List<byte[]> pieces) {
        StringBuilder out = new StringBuilder();
        try {
            for (byte[] p : pieces) {
                f.feed(p, 0, p.length, u -> {
                    out.append(u.getClass().getSimpleName()).append('@').append(u.offset()).append('+')
                            .append(u.length());
                    if (u.decoded() != null) {
                        out.append(u.decoded().violations());
                        if (u.decoded().violations().isEmpty()
                                && u instanceof StreamFramer.Command c) {
                            Contract.reencodes(s.bytes(c.offset(), c.length()),
                                    org.mmsspec.codec.mmsp.CommandPacketCodec.encode(c.decoded().value()));
                        }
                    } else if (u instanceof StreamFramer.Undecodable x) {
                        out.append(x.error().getMessage());
                    }
                    out.append(' ');
                });
            }
            f.finish();
        } catch (MalformedInputException e) {
            out.append("refused: ").append(e.getMessage());
        }
        return out.toString();
    }
}
