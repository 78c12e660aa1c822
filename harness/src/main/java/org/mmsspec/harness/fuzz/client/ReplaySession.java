package org.mmsspec.harness.fuzz.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmsspec.harness.fuzz.Step;

/**
 * A recorded session sent again: the mock server runs unmutated, and its k-th reply on connection c goes out as the
 * step recorded for it, or not at all where no step is left for it (minimisation removed it). A step noted
 * {@value #CLOSE} closes the connection after its bytes, as the session it came from did.
 */
final class ReplaySession extends SessionWire {

    static final String CLOSE = " | then close";
    /** "#3 LinkMacToViewerReportOpenFile: ...": the number of the reply a step replaced. */
    private static final Pattern NUMBER = Pattern.compile("^#(\\d+) ");

    private final Map<Integer, Map<Integer, Step>> byReply = new HashMap<>();

    ReplaySession(long seed, List<Step> steps) {
        super(seed);
        Map<Integer, Integer> unnumbered = new HashMap<>();
        for (Step s : steps) {
            Matcher m = NUMBER.matcher(s.note());
            // a step without a number (written by hand) takes the next reply of its connection
            int k = m.find() ? Integer.parseInt(m.group(1)) : unnumbered.merge(s.connection(), 1, Integer::sum) - 1;
            byReply.computeIfAbsent(s.connection(), c -> new HashMap<>()).put(k, s);
        }
    }

    static String note(int k, String what, boolean close) {
        return "#" + k + " " + what + (close ? CLOSE : "");
    }

    @Override
    Damage.Out substitute(Conn c, int k, byte[] original, Reply reply) {
        Step s = byReply.getOrDefault(c.index, Map.of()).get(k);
        if (s == null) {
            return new Damage.Out(new byte[0], Step.Segmenting.WHOLE, false, false, "removed");
        }
        return new Damage.Out(s.bytes(), s.segmenting(), s.note().endsWith(CLOSE), false, "");
    }
}
