package org.mmsspec.harness.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The sessions that may have broken the target: every one not finished before the last good liveness probe began.
 * Sessions and probes are ordered by one event counter, so that a session running beside a good probe stays a
 * suspect.
 */
final class SuspectWindow {

    /** A hang keeps lanes busy for a timeout each; a window longer than this is cut from its old end. */
    static final int BOUND = 4096;

    private final ArrayDeque<long[]> sessions = new ArrayDeque<>();
    private long events;

    /** Session {@code number} starts: returns its entry, for {@link #finished}. */
    synchronized long[] started(long number) {
        long[] e = {number, -1};
        events++;
        sessions.addLast(e);
        if (sessions.size() > BOUND) {
            sessions.removeFirst();
        }
        return e;
    }

    synchronized void finished(long[] entry) {
        entry[1] = events++;
    }

    /** A probe starts: the mark to pass to {@link #cleared} should it pass. */
    synchronized long mark() {
        return events++;
    }

    /** The probe that started at {@code mark} passed: sessions finished before it are innocent. */
    synchronized void cleared(long mark) {
        for (Iterator<long[]> it = sessions.iterator(); it.hasNext();) {
            long[] e = it.next();
            if (e[1] >= 0 && e[1] < mark) {
                it.remove();
            }
        }
    }

    /** The suspects, most recently started first. */
    synchronized List<Long> suspects() {
        List<Long> out = new ArrayList<>(sessions.size());
        sessions.descendingIterator().forEachRemaining(e -> out.add(e[0]));
        return out;
    }

    synchronized void clear() {
        sessions.clear();
    }
}
