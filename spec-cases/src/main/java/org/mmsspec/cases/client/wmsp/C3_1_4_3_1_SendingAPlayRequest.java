package org.mmsspec.cases.client.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.mmsspec.cases.client.ClientCaseGroup;
import org.mmsspec.cases.client.ClientContext;
import org.mmsspec.cases.client.Scheme;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.mmsh.RecordedRequest;
import org.mmsspec.server.mmsh.RequestType;

/** MS-WMSP 3.1.4.3.1 Sending a Play Request: the Play after the Describe, and its stream selection. */
final class C3_1_4_3_1_SendingAPlayRequest {

    private C3_1_4_3_1_SendingAPlayRequest() {
    }

    static ClientCaseGroup group() {
        return ClientCaseGroup.wmsp("3.1.4.3.1", "SendingAPlayRequest")
                .add(1, MUST, "after the Describe's $H, the client sends a Play (xPlayStrm=1) on the URL's port")
                .covers("R1", "R2", "WMSP-2.2.1.4.36-R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest d = Mmsh.describe(ctx);
                    List<RecordedRequest> after = ctx.mmshRequests().stream()
                            .filter(r -> r.connection() > d.connection()).toList();
                    ctx.expect(after.stream().anyMatch(r -> r.type() == RequestType.PLAY),
                            "no Play followed the Describe; after it came " + after.stream().map(Mmsh::line).toList());
                })
                .add(2, MUST, "the Play's stream-switch-entry names every stream of the ASF header")
                .covers("R3", "R4").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    ctx.expect(play.pragma().has("stream-switch-entry"), "the Play carries no stream-switch-entry;"
                            + " Pragma " + Mmsh.pragmaLines(play));
                    List<String[]> entries = entries(ctx, play);
                    Set<Integer> named = new TreeSet<>();
                    for (String[] e : entries) {
                        if (e.length == 3 && e[1].matches("[0-9A-Fa-f]{1,4}")) {
                            named.add(Integer.parseInt(e[1], 16));
                        }
                    }
                    ctx.expectEqual("streams named by stream-switch-entry (read as hex)", streams(), named);
                })
                .add(3, MUST, "each stream-switch-entry is src:dst:thinning in hex (ffff:1:0), thinning 0 or 2")
                .covers("R5", "R2").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    for (String[] e : entries(ctx, Mmsh.play(ctx))) {
                        String entry = String.join(":", e);
                        ctx.expect(e.length == 3 && e[0].matches("[0-9A-Fa-f]{1,4}") && e[1].matches("[0-9A-Fa-f]{1,4}")
                                && (e[2].equals("0") || e[2].equals("2")), "entry '" + entry + "' is not"
                                + " HEX:HEX:(0|2)");
                    }
                })
                .add(4, MUST, "stream-switch-entry stands alone on its own Pragma header line")
                .covers("R6", "WMSP-2.2.1.4.27-R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    entries(ctx, play);
                    for (String line : Mmsh.pragmaLines(play)) {
                        int at = line.toLowerCase(java.util.Locale.ROOT).indexOf("stream-switch-entry=");
                        ctx.expect(at < 0 || at == 0 && !line.contains(","), "Pragma line '" + line
                                + "' holds stream-switch-entry beside other tokens");
                    }
                })
                .add(5, MUST, "stream-switch-count equals the number of stream-switch-entry entries")
                .covers("WMSP-2.2.1.4.26-R1").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    int n = entries(ctx, play).size();
                    String count = play.pragma().get("stream-switch-count").orElse(null);
                    ctx.expectEqual("stream-switch-count", Integer.toString(n), count);
                })
                .add(6, MUST, "the Play carries no-cache and a rate token")
                .covers("R2").schemes(Scheme.MMSH).until(Mmsh::playSent)
                .check(ctx -> {
                    RecordedRequest play = Mmsh.play(ctx);
                    ctx.expect(play.pragma().has("no-cache") && play.pragma().has("rate"),
                            "the Play's Pragma lines " + Mmsh.pragmaLines(play) + " lack no-cache or rate");
                });
    }

    /** The stream numbers of the served file. */
    private static Set<Integer> streams() {
        Set<Integer> s = new TreeSet<>();
        AsfFile.sample().streams().forEach(st -> s.add(st.number()));
        return s;
    }

    /** The entries of the Play's stream-switch-entry, split at the colons; skips where there is none (case 02). */
    private static List<String[]> entries(ClientContext ctx, RecordedRequest play) {
        String v = play.pragma().get("stream-switch-entry").orElseThrow(() -> ctx.skip(
                "the Play carries no stream-switch-entry (judged by C-WMSP-3.1.4.3.1-02)"));
        List<String[]> out = new ArrayList<>();
        for (String e : v.strip().split("\\s+")) {
            if (!e.isEmpty()) {
                out.add(e.split(":", -1));
            }
        }
        return out;
    }
}
