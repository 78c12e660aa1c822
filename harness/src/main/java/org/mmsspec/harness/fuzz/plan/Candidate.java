package org.mmsspec.harness.fuzz.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.gen.Mutation;
import org.mmsspec.codec.gen.Mutator;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;

/**
 * A message a state allows next, as the valid packet it would go as, with its field layout and its field-aware
 * mutations. The codec's {@link Mutator} lists every mutation of a packet at once (a truncation per offset, an encode
 * per field value): far too dear per session, so each candidate keeps {@link #POOLS} lists, built once from seeds of
 * the campaign's, and a session draws from one of them.
 */
final class Candidate {

    private static final Pattern SIZING = Pattern.compile("(?i).*(length|len|count|size)$|^cb.*|^c[A-Z].*");
    private static final Pattern NAMING = Pattern.compile("(?i).*(id|offset|incarnation)$");

    /** Mutator seeds per candidate: each gives fresh field values, insertions and flips. */
    static final int POOLS = 4;

    /** The kinds of field-aware mutation, drawn evenly so that a packet's many truncations do not crowd out the rest. */
    enum Kind { TRUNCATION, NOISE, STRINGS, FRAMING, VALUES, HEADER }

    private final String name;
    private final byte[] packet;
    private final long seed;
    private final List<FieldSpan> numbers = new ArrayList<>();
    private final int[] weights;
    private final AtomicReferenceArray<List<List<Mutation>>> pools = new AtomicReferenceArray<>(POOLS);

    Candidate(String name, byte[] packet, long seed) {
        this.name = name;
        this.packet = packet;
        Layout layout = CommandPacketCodec.layout(packet, Direction.C2S);
        this.seed = seed;
        List<Integer> w = new ArrayList<>();
        for (Layout.MessageLayout m : layout.messages()) {
            for (FieldSpan s : m.bodyFields()) {
                boolean integer = s.kind() == FieldSpan.Kind.INTEGER || s.kind() == FieldSpan.Kind.LENGTH;
                if (integer || s.kind() == FieldSpan.Kind.FLOAT && s.size() == 8) {
                    numbers.add(s);
                    w.add(!integer ? 1 : SIZING.matcher(s.name()).matches() ? 4 : NAMING.matcher(s.name()).matches()
                            ? 2 : 1);
                }
            }
        }
        if (numbers.isEmpty()) {
            // a message without numbers: its header's messageLength then
            numbers.add(layout.headerField("messageLength"));
            w.add(1);
        }
        this.weights = w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether {@code s} sizes or counts something. */
    boolean sizing(FieldSpan s) {
        return s.kind() != FieldSpan.Kind.FLOAT && SIZING.matcher(s.name()).matches();
    }

    /** A numeric field for an extreme value: lengths and counts most often, then ids and offsets, then the rest. */
    FieldSpan extremeField(SplittableRandom r) {
        return numbers.get(Draw.weighted(r, weights));
    }

    /** The message type without its LinkViewerToMac prefix: "ReadBlock". */
    String name() {
        return name;
    }

    /** The valid packet; callers copy before they change it. */
    byte[] packet() {
        return packet;
    }

    /** One field-aware mutation: a kind first, then one of that kind, from one of the pools. */
    Mutation fieldMutation(SplittableRandom r) {
        List<List<Mutation>> kinds = pool(r.nextInt(POOLS));
        return Draw.pick(r, Draw.pick(r, kinds));
    }

    private List<List<Mutation>> pool(int k) {
        List<List<Mutation>> p = pools.get(k);
        if (p == null) {
            // built from the seed alone, so a race only builds the same list twice
            p = group(new Mutator(seed * 0x9E3779B97F4A7C15L + k).commandPacket(packet, Direction.C2S));
            pools.compareAndSet(k, null, p);
        }
        return p;
    }

    private static List<List<Mutation>> group(List<Mutation> all) {
        List<List<Mutation>> byKind = new ArrayList<>();
        for (int i = 0; i < Kind.values().length; i++) {
            byKind.add(new ArrayList<>());
        }
        for (Mutation m : all) {
            byKind.get(kind(m.name()).ordinal()).add(m);
        }
        byKind.removeIf(List::isEmpty);
        return byKind.stream().map(List::copyOf).toList();
    }

    /** The kind of a mutation, read from the name the Mutator gives it. */
    static Kind kind(String mutation) {
        if (mutation.startsWith("truncate@")) {
            return Kind.TRUNCATION;
        }
        if (mutation.startsWith("insert ") || mutation.startsWith("flip")) {
            return Kind.NOISE;
        }
        if (mutation.contains(" without NUL") || mutation.contains(" lone surrogate") || mutation.contains("-1 (")) {
            return Kind.STRINGS;
        }
        if (mutation.contains(".chunkLen") || mutation.contains(".MID ")) {
            return Kind.FRAMING;
        }
        return mutation.contains("#") ? Kind.VALUES : Kind.HEADER;
    }
}
