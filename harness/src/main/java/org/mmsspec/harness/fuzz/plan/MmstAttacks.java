package org.mmsspec.harness.fuzz.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.gen.MessageGenerator;
import org.mmsspec.codec.gen.Mutation;
import org.mmsspec.codec.gen.ViewerToMacGenerators;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.LinkViewerToMacPong;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.harness.fuzz.FuzzState;
import org.mmsspec.harness.fuzz.Step;

/**
 * The attacks of an MMST session: a valid prefix to a seeded state, then one family of damage. Every attack step
 * awaits nothing: whether the server survived is the liveness probe's to say, and a step that waited for an answer
 * a broken message never gets would cost the whole timeout.
 */
final class MmstAttacks {

    /** The families; the label starts the plan's attack. */
    enum Family {
        /** A field-aware mutation from the codec's Mutator. */
        FIELD,
        /** One numeric field set to an extreme: 0, 1, all ones, the top bit; lengths, counts and ids first. */
        EXTREME,
        /** Bit flips, insertions, deletions, truncations, junk. */
        BYTES,
        /** A valid message of any type, whatever the state. */
        WRONG_STATE,
        /** Pongs no Ping asked for. */
        PONG,
        /** A message of the prefix, or the expected one, sent again. */
        REPEAT,
        /** A later message of the sequence sent before an earlier one. */
        REORDER,
        /** A valid message in 1-byte writes, slow writes, or split across writes. */
        SEGMENTS,
        /** Several messages of the sequence in one write. */
        COALESCE,
        /** Further connections running their own sequences between this one's steps. */
        CONCURRENT;

        /** The name that starts a plan's attack. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * How often each state is the target, in the order of {@link MmstPath#STATES}: the cheap ones most (the streaming
     * states cost Data packets), each at least one session in 20.
     */
    static final int[] STATE_WEIGHTS = {14, 14, 12, 20, 16, 8, 9, 7};

    /** How often each family comes, in the order of {@link Family}. */
    static final int[] FAMILY_WEIGHTS = {20, 20, 12, 10, 7, 6, 6, 8, 5, 6};

    /** A planned attack: the state its valid prefix reaches, what it is, every step. */
    record Attack(FuzzState state, String attack, List<Step> steps) {
    }

    private final MmstPath path;

    MmstAttacks(MmstPath path) {
        this.path = path;
    }

    Attack plan(SplittableRandom r) {
        FuzzState state = MmstPath.STATES.get(Draw.weighted(r, STATE_WEIGHTS));
        Family f = Family.values()[Draw.weighted(r, FAMILY_WEIGHTS)];
        return switch (f) {
            case FIELD, EXTREME, BYTES -> damaged(r, f, state);
            case WRONG_STATE -> wrongState(r, state);
            case PONG -> pong(r, state);
            case REPEAT -> repeat(r, state);
            case REORDER -> reorder(r, state);
            case SEGMENTS -> segments(r, state);
            case COALESCE -> coalesce(r, state);
            case CONCURRENT -> concurrent(r, state);
        };
    }

    /** The prefix, then one message the state allows (mostly the expected one) damaged by {@code f}. */
    private Attack damaged(SplittableRandom r, Family f, FuzzState state) {
        Candidate c = Draw.mostlyFirst(r, path.next(state));
        Step attack = damage(r, f, c, 0);
        return attack(state, f, attack.note(), path.prefix(state), attack);
    }

    /** Candidate {@code c} damaged by FIELD, EXTREME or BYTES, as a step on {@code connection}. */
    private static Step damage(SplittableRandom r, Family f, Candidate c, int connection) {
        String what;
        byte[] b;
        switch (f) {
            case FIELD -> {
                Mutation m = c.fieldMutation(r);
                b = m.bytes().toArray();
                what = m.name();
            }
            case EXTREME -> {
                b = c.packet().clone();
                what = extreme(r, c, b);
            }
            default -> {
                ByteMutations.Damaged d = ByteMutations.any(r, c.packet());
                b = d.bytes();
                what = d.name();
            }
        }
        return new Step(connection, b, Step.Segmenting.WHOLE, Step.Await.NOTHING, c.name() + ": " + what);
    }

    /** Sets one numeric field of {@code c}'s packet copy {@code b} to an extreme; returns "field=value". */
    static String extreme(SplittableRandom r, Candidate c, byte[] b) {
        FieldSpan s = c.extremeField(r);
        if (s.kind() == FieldSpan.Kind.FLOAT) {
            double v = Draw.pick(r, 0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MAX_VALUE, Double.MIN_VALUE);
            write(b, s.offset(), 8, Double.doubleToRawLongBits(v));
            return s.name() + "=" + v;
        }
        long mask = s.size() >= 8 ? -1L : (1L << 8 * s.size()) - 1;
        long old = read(b, s.offset(), s.size());
        // 0 is the extreme that breaks most: an empty length or count, a zero id
        int zeros = c.sizing(s) ? 4 : 3;
        int k = r.nextInt(8);
        long v = k < zeros ? 0 : switch (k) {
            case 3 -> 1;
            case 4 -> mask;
            case 5 -> mask - 1;
            case 6 -> 1L << 8 * s.size() - 1;
            default -> r.nextBoolean() ? old + 1 : old - 1;
        } & mask;
        write(b, s.offset(), s.size(), v);
        return s.name() + "=0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
    }

    private Attack wrongState(SplittableRandom r, FuzzState state) {
        List<Step> prefix = path.prefix(state);
        MessageGenerator g = Draw.pick(r, ViewerToMacGenerators.ALL);
        MmsMessage m = g.generate(r);
        String name = m.type().name().replace("LinkViewerToMac", "");
        Step s = new Step(0, CommandPacketCodec.encode(prefix.size(), m), Step.Segmenting.WHOLE, Step.Await.NOTHING,
                name + " (wrong state)");
        return attack(state, Family.WRONG_STATE, name + " at " + state.label(), prefix, s);
    }

    /** Pongs after any step of the prefix (the last most often), where the server sent no Ping. */
    private Attack pong(SplittableRandom r, FuzzState target) {
        List<Step> all = path.prefix(target);
        int at = r.nextBoolean() ? all.size() : r.nextInt(all.size() + 1);
        FuzzState state = MmstPath.reached(at, target);
        int n = 1 + r.nextInt(3);
        List<Step> pongs = new ArrayList<>();
        boolean odd = Draw.oneIn(r, 4);
        for (int i = 0; i < n; i++) {
            // dwParam1 and dwParam2 must be 0; now and then they are not
            LinkViewerToMacPong p = odd ? new LinkViewerToMacPong(r.nextLong() & 0xFFFFFFFFL, 0xFFFFFFFFL)
                    : LinkViewerToMacPong.of();
            pongs.add(new Step(0, CommandPacketCodec.encode(at + i, p), Step.Segmenting.WHOLE, Step.Await.NOTHING,
                    "Pong (unasked)"));
        }
        return attack(state, Family.PONG, n + " Pong" + (n > 1 ? "s" : "") + (odd ? " with odd params" : "")
                + " at " + state.label(), all.subList(0, at), pongs.toArray(Step[]::new));
    }

    private Attack repeat(SplittableRandom r, FuzzState state) {
        List<Step> prefix = path.prefix(state);
        int times = 1 + r.nextInt(3);
        Step again;
        if (prefix.isEmpty() || r.nextBoolean()) {
            Candidate c = Draw.mostlyFirst(r, path.next(state));
            again = new Step(0, c.packet(), Step.Segmenting.WHOLE, Step.Await.NOTHING, c.name() + " (repeated)");
            times++;
        } else {
            Step s = Draw.pick(r, prefix);
            again = new Step(0, s.bytes(), Step.Segmenting.WHOLE, Step.Await.NOTHING, s.note() + " (repeated)");
        }
        Step[] steps = new Step[times];
        java.util.Arrays.fill(steps, again);
        return attack(state, Family.REPEAT, again.note().replace(" (repeated)", "") + " x" + times, prefix, steps);
    }

    /** The valid sequence of {@code state} with its expected next message, at least two messages long. */
    private List<Step> sequence(FuzzState state) {
        List<Step> seq = new ArrayList<>(path.prefix(state));
        Candidate c = path.next(state).get(0);
        seq.add(new Step(0, c.packet(), Step.Segmenting.WHOLE, Step.Await.NOTHING, c.name()));
        return seq.size() >= 2 ? seq : path.prefix(FuzzState.FUNNEL);
    }

    private Attack reorder(SplittableRandom r, FuzzState target) {
        List<Step> seq = sequence(target);
        int i = r.nextInt(seq.size() - 1);
        int j = i + 1 + r.nextInt(seq.size() - i - 1);
        FuzzState state = MmstPath.reached(i, target);
        return attack(state, Family.REORDER, seq.get(j).note() + " before " + seq.get(i).note(), seq.subList(0, i),
                noWait(seq.get(j), " (early)"), noWait(seq.get(i), " (late)"));
    }

    private Attack segments(SplittableRandom r, FuzzState state) {
        List<Step> prefix = path.prefix(state);
        if (!prefix.isEmpty() && Draw.oneIn(r, 4)) {
            // the last valid step itself in 1-byte writes, still awaiting its reply: the state must be reached
            Step last = prefix.get(prefix.size() - 1);
            Step slow = new Step(0, last.bytes(), Step.Segmenting.ONE_BYTE, last.await(), last.note() + " (1-byte)");
            return attack(MmstPath.reached(prefix.size() - 1, state), Family.SEGMENTS, last.note() + " in 1-byte "
                    + "writes", prefix.subList(0, prefix.size() - 1), slow);
        }
        Candidate c = Draw.mostlyFirst(r, path.next(state));
        byte[] b = c.packet();
        switch (r.nextInt(7)) {
            case 0, 1, 2 -> {
                return attack(state, Family.SEGMENTS, c.name() + " in 1-byte writes", prefix,
                        new Step(0, b, Step.Segmenting.ONE_BYTE, Step.Await.NOTHING, c.name() + " (1-byte)"));
            }
            case 3 -> {
                return attack(state, Family.SEGMENTS, c.name() + " in slow writes", prefix,
                        new Step(0, b, Step.Segmenting.SLOW, Step.Await.NOTHING, c.name() + " (slow)"));
            }
            default -> {
                int parts = 2 + r.nextInt(3);
                int[] cuts = r.ints(parts - 1, 1, b.length).sorted().distinct().toArray();
                List<Step> steps = new ArrayList<>();
                int from = 0;
                for (int k = 0; k <= cuts.length; k++) {
                    int to = k < cuts.length ? cuts[k] : b.length;
                    steps.add(new Step(0, java.util.Arrays.copyOfRange(b, from, to), Step.Segmenting.WHOLE,
                            Step.Await.NOTHING, c.name() + " bytes " + from + ".." + to));
                    from = to;
                }
                return attack(state, Family.SEGMENTS, c.name() + " split at " + java.util.Arrays.toString(cuts),
                        prefix, steps.toArray(Step[]::new));
            }
        }
    }

    private Attack coalesce(SplittableRandom r, FuzzState target) {
        List<Step> seq = sequence(target);
        int i = r.nextInt(seq.size() - 1);
        int k = 2 + r.nextInt(seq.size() - i - 1);
        byte[][] parts = new byte[k][];
        StringBuilder names = new StringBuilder();
        for (int n = 0; n < k; n++) {
            parts[n] = seq.get(i + n).bytes();
            names.append(n == 0 ? "" : "+").append(seq.get(i + n).note());
        }
        Step one = new Step(0, ByteMutations.concat(parts), Step.Segmenting.WHOLE, Step.Await.NOTHING,
                names + " (one write)");
        return attack(MmstPath.reached(i, target), Family.COALESCE, names + " in one write", seq.subList(0, i), one);
    }

    /**
     * The prefix on connection 0 and, between its steps, one or two other connections walking their own valid
     * prefixes to cheap states; then each sends its next message, connection 1's damaged half the time.
     */
    private Attack concurrent(SplittableRandom r, FuzzState state) {
        int others = Draw.oneIn(r, 4) ? 2 : 1;
        List<List<Step>> lanes = new ArrayList<>();
        List<FuzzState> states = new ArrayList<>();
        lanes.add(new ArrayList<>(path.prefix(state)));
        states.add(state);
        for (int k = 1; k <= others; k++) {
            FuzzState s = MmstPath.STATES.get(1 + r.nextInt(4)); // CONNECTED to READ_BLOCK: no Data packets
            states.add(s);
            List<Step> lane = new ArrayList<>();
            for (Step p : path.prefix(s)) {
                lane.add(on(k, p, p.await(), ""));
            }
            lanes.add(lane);
        }
        List<Step> steps = interleave(r, lanes);
        StringBuilder what = new StringBuilder().append(others + 1).append(" connections");
        List<Step> last = new ArrayList<>();
        for (int k = 0; k < lanes.size(); k++) {
            Candidate c = Draw.mostlyFirst(r, path.next(states.get(k)));
            Family f = Draw.pick(r, Family.FIELD, Family.EXTREME, Family.BYTES);
            Step s = k == 1 && r.nextBoolean() ? damage(r, f, c, k)
                    : new Step(k, c.packet(), Step.Segmenting.WHOLE, Step.Await.NOTHING, c.name());
            last.add(s);
            what.append(", ").append(k).append(" at ").append(states.get(k).label()).append(": ").append(s.note());
        }
        if (r.nextBoolean()) {
            java.util.Collections.reverse(last);
        }
        steps.addAll(last);
        return new Attack(state, Family.CONCURRENT.label() + ": " + what, steps);
    }

    /** The lanes' steps merged in a seeded order that keeps each lane's own order. */
    private static List<Step> interleave(SplittableRandom r, List<List<Step>> lanes) {
        List<Step> out = new ArrayList<>();
        int[] at = new int[lanes.size()];
        int left = lanes.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int x = r.nextInt(left);
            for (int k = 0; k < lanes.size(); k++) {
                int rest = lanes.get(k).size() - at[k];
                if (x < rest) {
                    out.add(lanes.get(k).get(at[k]++));
                    break;
                }
                x -= rest;
            }
            left--;
        }
        return out;
    }

    private static Step noWait(Step s, String suffix) {
        return on(s.connection(), s, Step.Await.NOTHING, suffix);
    }

    private static Step on(int connection, Step s, Step.Await await, String suffix) {
        return new Step(connection, s.bytes(), s.segmenting(), await, s.note() + suffix);
    }

    private static Attack attack(FuzzState state, Family f, String what, List<Step> prefix, Step... attack) {
        List<Step> steps = new ArrayList<>(prefix.size() + attack.length);
        steps.addAll(prefix);
        steps.addAll(List.of(attack));
        return new Attack(state, f.label() + ": " + what, steps);
    }

    static long read(byte[] b, int at, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    static void write(byte[] b, int at, int size, long v) {
        for (int i = 0; i < size; i++) {
            b[at + i] = (byte) (v >>> 8 * i);
        }
    }
}
