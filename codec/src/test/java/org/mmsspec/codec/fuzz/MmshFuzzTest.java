package org.mmsspec.codec.fuzz;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshStreamFramer;

/**
 * MMSH framing (MS-WMSP 2.2.3): one packet through {@link MmshFrameCodec#decode}, and a response body fed to
 * {@link MmshStreamFramer} in pieces whose sizes the fuzzer picks, which must give the same packets as the body fed
 * whole. Input layout of {@code anySplit}: the body first; the last bytes pick the bound and the piece sizes. See
 * codec/FUZZING.md.
 */
class MmshFuzzTest {

    @FuzzTest
    void frame(byte[] packet) {
        Contract.mmshFrame(packet);
    }

    @FuzzTest
    void anySplit(FuzzedDataProvider data) {
        int bound = data.consumeBoolean() ? DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE : data.consumeInt(64, 1024);
        DecodeOptions options = DecodeOptions.STRICT.withMaxMessageSize(bound);
        Split s = Split.of(data);
        Split.same(run(new MmshStreamFramer(options), s, s.pieces()),
                run(new MmshStreamFramer(options), s, List.of(s.whole())));
    }

    /** What the framer made of the pieces, as text; a failure other than MalformedInputException escapes. */
    private static String run(MmshStreamFramer f, Split s, List<byte[]> pieces) {
        StringBuilder out = new StringBuilder();
        try {
            for (byte[] p : pieces) {
                f.feed(p, 0, p.length, u -> {
                    out.append(u.offset()).append('+').append(u.length());
                    if (u instanceof MmshStreamFramer.Frame frame) {
                        out.append(frame.decoded().violations());
                        if (frame.decoded().violations().isEmpty()) {
                            Contract.reencodes(s.bytes(u.offset(), u.length()),
                                    MmshFrameCodec.encode(frame.decoded().value()));
                        }
                    } else if (u instanceof MmshStreamFramer.Undecodable x) {
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
