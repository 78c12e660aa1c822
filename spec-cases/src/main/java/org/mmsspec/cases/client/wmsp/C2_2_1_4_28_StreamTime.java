package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.mmsh.RecordedRequest;

/** MS-WMSP 2.2.1.4.28 stream-time: where the Play starts, in milliseconds. */
final class C2_2_1_4_28_StreamTime {

    private C2_2_1_4_28_StreamTime() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("2.2.1.4.28", "StreamTime")
                .add(1, MUST, "every stream-time token of the Play is a decimal number of milliseconds, nothing more")
                .covers("R1", "WMSP-3.1.4.3.1-R7").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    // every occurrence, on the raw lines: a header run into the token (a CRLF missing) shows here
                    boolean any = false;
                    for (String line : Mmsh.pragmaLines(play)) {
                        for (String token : line.split(",")) {
                            String t = token.strip();
                            if (t.regionMatches(true, 0, "stream-time=", 0, 12)) {
                                any = true;
                                String v = t.substring(12);
                                ctx.expect(v.matches("\\d{1,10}") && Long.parseLong(v) <= 0xFFFFFFFFL,
                                        "the Play's Pragma line '" + line + "' has stream-time=" + v);
                            }
                        }
                    }
                    ctx.expect(any || play.pragma().has("packet-num") || play.pragma().has("stream-offset"),
                            "the Play names no start position (stream-time, packet-num or stream-offset); Pragma "
                                    + Mmsh.pragmaLines(play));
                });
    }
}
