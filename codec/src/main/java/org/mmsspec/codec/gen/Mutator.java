package org.mmsspec.codec.gen;

import static org.mmsspec.codec.gen.Mutation.Validity.INVALID;
import static org.mmsspec.codec.gen.Mutation.Validity.UNKNOWN;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.FieldSpan.Kind;
import org.mmsspec.codec.Profile;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.gen.Mutation.Validity;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.Layout;
import org.mmsspec.codec.mmsp.MessageTypes;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * Seeded, field-aware damage to valid units. Given the canonical bytes of a command packet (with the direction it is
 * sent in) or of a Data packet, it finds each field through the codec's {@link Layout} and breaks one thing at a time,
 * saying for each mutation whether the result certainly breaks a rule the decoder judges. The same seed and input
 * always give the same mutations.
 */
public final class Mutator {

    private static final Section HEADER = Section.mmsp("2.2.3");
    private static final Section MESSAGES = Section.mmsp("2.2.4");

    private final RandomGenerator r;

    public Mutator(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** One mutation of a command packet, drawn from {@link #commandPacket}. */
    public Mutation anyCommandPacket(byte[] packet, Direction direction) {
        return Gen.pick(r, commandPacket(packet, direction));
    }

    /**
     * Every field-aware mutation of a canonical command packet: header fields, each message's framing and fields,
     * strings, truncation at every offset, and a few seeded insertions and bit flips.
     */
    public List<Mutation> commandPacket(byte[] packet, Direction direction) {
        Layout layout = CommandPacketCodec.layout(packet, direction);
        CommandPacket value = CommandPacketCodec.decode(packet, direction, DecodeOptions.LENIENT).value();
        List<Mutation> out = new ArrayList<>();
        header(packet, layout, out);
        for (int i = 0; i < layout.messages().size(); i++) {
            message(packet, layout, value, i, direction, out);
        }
        BitSet cuts = cuts(packet.length, layout);
        for (int k = cuts.nextSetBit(0); k >= 0; k = cuts.nextSetBit(k + 1)) {
            // below 32 bytes there is no header; above, messageLength no longer matches
            out.add(new Mutation("truncate@" + k, HEADER, Bytes.view(packet, 0, k), INVALID));
        }
        noise(packet, HEADER, out);
        return out;
    }

    /** Packets up to this size are cut at every offset. */
    static final int CUT_EVERYWHERE = 256;

    /**
     * Where to cut a packet: everywhere in a short one. In a long one (a 1504-byte Logging, a Redirect near the 64 KiB
     * bound) cuts inside one field all meet the same rules, and each decode reads the whole packet, so cutting at
     * every offset costs the square of the size: there the cuts are the header, each field's first, second and last
     * byte, the last bytes, and a seeded sample of the rest.
     */
    private BitSet cuts(int length, Layout layout) {
        BitSet at = new BitSet(length);
        if (length <= CUT_EVERYWHERE) {
            at.set(0, length);
            return at;
        }
        at.set(0, TcpMessageHeader.SIZE + 8);
        at.set(length - 16, length);
        for (Layout.MessageLayout m : layout.messages()) {
            for (FieldSpan f : m.fields()) {
                for (int k : new int[] {f.offset(), f.offset() + 1, f.end() - 1, f.end()}) {
                    if (k >= 0 && k < length) {
                        at.set(k);
                    }
                }
            }
        }
        for (int k = 0; k < 64; k++) {
            at.set(r.nextInt(length));
        }
        return at;
    }

    private void header(byte[] p, Layout layout, List<Mutation> out) {
        FieldSpan length = layout.headerField("messageLength");
        for (int delta : new int[] {1, -1, 8, -8}) {
            out.add(add(p, length, delta, "messageLength" + signed(delta), HEADER, INVALID));
        }
        FieldSpan count = layout.headerField("chunkCount");
        // ±1 matches neither the deployed count nor the literal one (2 more)
        out.add(add(p, count, 1, "chunkCount+1", HEADER, INVALID));
        out.add(add(p, count, -1, "chunkCount-1", HEADER, INVALID));
        out.add(set(p, layout.headerField("rep"), except(1, 0xFF), "rep", HEADER, INVALID));
        out.add(set(p, layout.headerField("version"), except(0, 0xFF), "version", HEADER, INVALID));
        out.add(set(p, layout.headerField("versionMinor"), except(0, 0xFF), "versionMinor", HEADER, INVALID));
        out.add(set(p, layout.headerField("padding"), except(0, 0xFF), "padding", HEADER, INVALID));
        out.add(set(p, layout.headerField("MBZ"), except(0, 0xFFFF), "MBZ", HEADER, INVALID));
        out.add(flipBit(p, layout.headerField("sessionId"), "sessionId", HEADER, INVALID));
        out.add(flipBit(p, layout.headerField("seal"), "seal", HEADER, INVALID));
    }

    private void message(byte[] p, Layout layout, CommandPacket value, int index, Direction direction,
            List<Mutation> out) {
        Layout.MessageLayout m = layout.messages().get(index);
        boolean last = index == layout.messages().size() - 1;
        String at = m.type().name() + "#" + index + ".";
        FieldSpan chunkLen = m.field("chunkLen");
        // More than the packet holds is judged; one less leaves 8 bytes read as a message whose chunkLen is their
        // first u32, certainly wrong unless that u32 is 1.
        out.add(add(p, chunkLen, 1, at + "chunkLen+1", MESSAGES, last ? INVALID : UNKNOWN));
        long chunks = read(p, chunkLen);
        boolean tailIsOne = m.length() >= 16 && readU32(p, m.end() - 8) == 1;
        out.add(add(p, chunkLen, -1, at + "chunkLen-1", MESSAGES,
                chunks == 1 || last && !tailIsOne ? INVALID : UNKNOWN));

        FieldSpan mid = m.field("MID");
        long midValue = read(p, mid);
        out.add(put(p, mid, midValue ^ 0x00070000L, at + "MID direction flipped", MESSAGES,
                direction != null ? INVALID : UNKNOWN));
        long unknown;
        do {
            unknown = (midValue & 0xFFFF0000L) | r.nextInt(0x10000);
        } while (MessageTypes.byMid(unknown) != null);
        out.add(put(p, mid, unknown, at + "MID unknown", MESSAGES, INVALID));

        List<FieldSpan> fields = m.bodyFields();
        for (int f = 0; f < fields.size(); f++) {
            FieldSpan s = fields.get(f);
            boolean lastField = f == fields.size() - 1;
            switch (s.kind()) {
                case INTEGER, LENGTH, FLOAT -> {
                    for (int k = 0; k < 2; k++) {
                        out.add(fieldValue(p, value, index, m, s, at));
                    }
                }
                case UTF16, UTF16Z -> strings(p, m, s, lastField, at, out);
                default -> {
                }
            }
        }
    }

    /** A new value for a numeric field, judged by the message's own rules where the change moves nothing else. */
    private Mutation fieldValue(byte[] p, CommandPacket value, int index, Layout.MessageLayout m, FieldSpan s,
            String at) {
        long old = read(p, s);
        long mask = s.size() == 8 ? -1L : (1L << 8 * s.size()) - 1;
        long v;
        if (s.kind() == Kind.FLOAT) {
            v = Double.doubleToRawLongBits(Gen.pick(r, 0.0, -1.0, Double.NaN, 1e300, Double.longBitsToDouble(old) + 1,
                    r.nextDouble() * 1e6));
        } else {
            v = Gen.pick(r, 0L, 1L, mask, old + 1, old - 1, old ^ 1L << r.nextInt(8 * s.size()), r.nextLong())
                    & mask;
        }
        if (v == old) {
            v = (old + 1) & mask;
        }
        byte[] b = p.clone();
        write(b, s.offset(), s.size(), v);
        MmsMessage changed = withField(value.messages().get(index), s, v);
        Validity validity = UNKNOWN;
        Section rule = m.type().section();
        if (s.kind() == Kind.LENGTH) {
            // A length moves where the fields after it lie, so the bytes no longer mean the changed message: a longer
            // cbToken may just take in zero padding and stay valid. Only a claim past the end of the message is
            // certainly wrong, and every length is judged against the bytes present.
            if (v > m.end() - s.end()) {
                validity = INVALID;
            }
        } else if (changed != null) {
            List<MmsMessage> messages = new ArrayList<>(value.messages());
            messages.set(index, changed);
            // The damaged bytes are exactly the canonical form of the changed message, so its own check applies.
            if (java.util.Arrays.equals(b, CommandPacketCodec.encode(new CommandPacket(value.header(), messages)))) {
                Checks c = new Checks(rule, Profile.DEPLOYED);
                changed.check(c);
                if (!c.isEmpty()) {
                    validity = INVALID;
                    rule = c.violations().get(0).section();
                }
            }
        }
        String shown = s.kind() == Kind.FLOAT ? Double.toString(Double.longBitsToDouble(v)) : Checks.hex(v);
        return new Mutation(at + s.name() + "=" + shown, rule, Bytes.copyOf(b), validity);
    }

    /** The message with the record component named like the field set to {@code v}, or null where there is none. */
    private static MmsMessage withField(MmsMessage m, FieldSpan s, long v) {
        if (!(m instanceof Record)) {
            return null;
        }
        RecordComponent[] cs = m.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        boolean found = false;
        try {
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = cs[i].getAccessor().invoke(m);
                if (cs[i].getName().equals(s.name())) {
                    Class<?> t = cs[i].getType();
                    if (t == long.class) {
                        args[i] = v; // u32 and u64 are both held as long
                    } else if (t == int.class && s.size() <= 2) {
                        args[i] = (int) v;
                    } else if (t == double.class && s.kind() == Kind.FLOAT) {
                        args[i] = Double.longBitsToDouble(v);
                    } else {
                        return null;
                    }
                    found = true;
                }
            }
            return found ? (MmsMessage) m.getClass().getDeclaredConstructor(types).newInstance(args) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void strings(byte[] p, Layout.MessageLayout m, FieldSpan s, boolean lastField, String at,
            List<Mutation> out) {
        Section rule = m.type().section();
        int n = s.size();
        boolean terminated = n >= 2 && p[s.end() - 2] == 0 && p[s.end() - 1] == 0;
        if (terminated) {
            // A sized string keeps its size, so its last unit is no longer NUL. A string that runs to its NUL runs on
            // to the end of the message only if it is the last field and the padding is no longer zero.
            byte[] b = p.clone();
            b[s.end() - 2] = 'A';
            boolean certain = s.kind() == Kind.UTF16;
            if (s.kind() == Kind.UTF16Z && lastField) {
                for (int i = s.end(); i < m.end(); i++) {
                    b[i] = 'A';
                }
                certain = true;
            }
            out.add(new Mutation(at + s.name() + " without NUL", MESSAGES, Bytes.copyOf(b),
                    certain ? INVALID : UNKNOWN));
        }
        if (n >= 4) {
            // A low surrogate first is unpaired whatever follows; the reader judges strings as UTF-16.
            byte[] b = p.clone();
            b[s.offset()] = 0x00;
            b[s.offset() + 1] = (byte) 0xDC;
            out.add(new Mutation(at + s.name() + " lone surrogate", MESSAGES, Bytes.copyOf(b), INVALID));
        }
        if (s.kind() == Kind.UTF16 && n >= 2) {
            // The count field giving the size, in bytes or in UTF-16 units: one less cuts an odd byte count or the
            // NUL (the unit before a NUL is never NUL, strings hold none).
            for (FieldSpan c : m.bodyFields()) {
                if (c.kind() == Kind.LENGTH && c.offset() < s.offset() && c.name().startsWith("cb")) {
                    long count = read(p, c);
                    if (count == n || count == n / 2 && count >= 2) {
                        boolean bytes = count == n;
                        out.add(add(p, c, -1, at + c.name() + "-1 (" + s.name() + (bytes ? " odd)" : " short)"),
                                bytes ? MESSAGES : rule, bytes || terminated ? INVALID : UNKNOWN));
                        break;
                    }
                }
            }
        }
    }

    /** Every field-aware mutation of a canonical Data packet (MS-MMSP 2.2.2). */
    public List<Mutation> dataPacket(byte[] packet) {
        Section rule = DataPacket.SECTION;
        List<Mutation> out = new ArrayList<>();
        FieldSpan incarnation = new FieldSpan("playIncarnation", 4, 1, Kind.INTEGER);
        FieldSpan flags = new FieldSpan("AFFlags", 5, 1, Kind.INTEGER);
        FieldSpan size = new FieldSpan("PacketSize", 6, 2, Kind.INTEGER);
        out.add(add(packet, size, 1, "PacketSize+1", rule, INVALID));
        out.add(add(packet, size, -1, "PacketSize-1", rule, INVALID));
        out.add(put(packet, incarnation, 0, "playIncarnation=0", rule, INVALID));
        byte[] pair = packet.clone();
        // a packet-pair packet is marked by its LocationId (0xF0F0F000, then 0xF0F0F001)
        pair[0] = 0x00;
        pair[1] = pair[2] = pair[3] = (byte) 0xF0;
        pair[flags.offset()] = DataPacket.AF_PACKET_PAIR;
        pair[incarnation.offset()] = (byte) Gen.between(r, 1, 0xFE);
        out.add(new Mutation("packet-pair without incarnation 0xFF", rule, Bytes.copyOf(pair), INVALID));
        for (int k = 0; k < packet.length; k++) {
            out.add(new Mutation("truncate@" + k, rule, Bytes.view(packet, 0, k), INVALID));
        }
        noise(packet, rule, out);
        return out;
    }

    /** One mutation of a Data packet, drawn from {@link #dataPacket}. */
    public Mutation anyDataPacket(byte[] packet) {
        return Gen.pick(r, dataPacket(packet));
    }

    /** Seeded insertions and bit flips: anything may come of them. */
    private void noise(byte[] p, Section rule, List<Mutation> out) {
        for (int k = 0; k < 4; k++) {
            int at = r.nextInt(p.length + 1);
            byte[] ins = new byte[1 + r.nextInt(8)];
            r.nextBytes(ins);
            byte[] b = new byte[p.length + ins.length];
            System.arraycopy(p, 0, b, 0, at);
            System.arraycopy(ins, 0, b, at, ins.length);
            System.arraycopy(p, at, b, at + ins.length, p.length - at);
            out.add(new Mutation("insert " + ins.length + "@" + at, rule, Bytes.copyOf(b), UNKNOWN));
        }
        for (int k = 0; k < 4 && p.length > 0; k++) {
            byte[] b = p.clone();
            int flips = 1 + r.nextInt(3);
            StringBuilder name = new StringBuilder("flip");
            for (int i = 0; i < flips; i++) {
                int bit = r.nextInt(8 * p.length);
                b[bit >> 3] ^= (byte) (1 << (bit & 7));
                name.append(' ').append(bit);
            }
            out.add(new Mutation(name.toString(), rule, Bytes.copyOf(b), UNKNOWN));
        }
    }

    private long except(long keep, long max) {
        long v;
        do {
            v = Gen.between(r, 0, max);
        } while (v == keep);
        return v;
    }

    private static String signed(int d) {
        return d < 0 ? Integer.toString(d) : "+" + d;
    }

    private static Mutation add(byte[] p, FieldSpan s, long delta, String name, Section rule, Validity v) {
        return put(p, s, read(p, s) + delta, name, rule, v);
    }

    private Mutation set(byte[] p, FieldSpan s, long value, String name, Section rule, Validity v) {
        return put(p, s, value, name + "=" + Checks.hex(value), rule, v);
    }

    private Mutation flipBit(byte[] p, FieldSpan s, String name, Section rule, Validity v) {
        int bit = r.nextInt(8 * s.size());
        return put(p, s, read(p, s) ^ 1L << bit, name + " bit " + bit + " flipped", rule, v);
    }

    private static Mutation put(byte[] p, FieldSpan s, long value, String name, Section rule, Validity v) {
        byte[] b = p.clone();
        write(b, s.offset(), s.size(), value);
        return new Mutation(name, rule, Bytes.copyOf(b), v);
    }

    static long read(byte[] b, FieldSpan s) {
        long v = 0;
        for (int i = s.size() - 1; i >= 0; i--) {
            v = v << 8 | (b[s.offset() + i] & 0xFF);
        }
        return v;
    }

    private static long readU32(byte[] b, int at) {
        return read(b, new FieldSpan("", at, 4, Kind.INTEGER));
    }

    private static void write(byte[] b, int at, int size, long v) {
        for (int i = 0; i < size; i++) {
            b[at + i] = (byte) (v >>> 8 * i);
        }
    }
}
