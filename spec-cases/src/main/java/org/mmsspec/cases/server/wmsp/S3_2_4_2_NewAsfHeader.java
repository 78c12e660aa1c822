package org.mmsspec.cases.server.wmsp;

import static org.mmsspec.codec.Level.MUST;

import java.util.List;

import org.mmsspec.cases.server.CaseGroup;
import org.mmsspec.cases.server.Target;
import org.mmsspec.client.MmshClient;
import org.mmsspec.client.MmshResponse;
import org.mmsspec.codec.mmsh.MmshChange;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshMetadata;
import org.mmsspec.codec.mmsh.MmshPacket;

/** MS-WMSP 3.2.4.2: how a Play body moves from one server-side playlist entry to the next. */
final class S3_2_4_2_NewAsfHeader {

    private S3_2_4_2_NewAsfHeader() {
    }

    static CaseGroup cases() {
        CaseGroup g = CaseGroup.wmsp("3.2.4.2", "Notification That a New ASF Header Is Available");
        g.add(1, MUST, "Play of a playlist: after an entry's last $D come $E (Reason 1), $C, ($M) $H, then $D")
                .covers("R1", "R4", "WMSP-3.2.5.6-R6").run(ctx -> {
                    Target.Endpoint e = ctx.requirePlaylist();
                    ctx.requireStored();
                    MmshClient c = ctx.mmsh(e.host(), e.httpPort());
                    String path = "/" + e.path();
                    var streams = Wmsp.streams(c.describe(path));
                    MmshResponse r = c.play(path, Wmsp.selectAll(streams).toArray(String[]::new));
                    List<MmshPacket> p = r.packets();
                    int change = indexOf(p, MmshChange.class);
                    ctx.must(change > 0, "a $C comes between the entries: " + S3_2_5_6_ReceivingPlay.names(p));
                    ctx.must(p.get(change - 1) instanceof MmshEnd end && end.Reason() == MmshEnd.S_FALSE,
                            "a $E with Reason 1 (S_FALSE) comes right before the $C, not $" + p.get(change - 1).type());
                    int h = change + 1;
                    while (h < p.size() && p.get(h) instanceof MmshMetadata) {
                        h++;
                    }
                    ctx.must(h < p.size() && p.get(h) instanceof MmshHeader,
                            "the next entry's $H follows the $C (and any $M)");
                    ctx.must(p.subList(h, p.size()).stream().anyMatch(x -> x instanceof MmshData),
                            "$D of the next entry follow its header");
                });
        return g;
    }

    static int indexOf(List<MmshPacket> p, Class<? extends MmshPacket> type) {
        for (int i = 0; i < p.size(); i++) {
            if (type.isInstance(p.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
