package org.mmsspec.codec.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.DataPacket;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.FieldSpan;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.RequestPacketListResend;
import org.mmsspec.codec.StreamFramer;
import org.mmsspec.codec.mmsh.MmshData;
import org.mmsspec.codec.mmsh.MmshEnd;
import org.mmsspec.codec.mmsh.MmshFrameCodec;
import org.mmsspec.codec.mmsh.MmshHeader;
import org.mmsspec.codec.mmsh.MmshPacket;
import org.mmsspec.codec.mmsh.MmshPacketPair;
import org.mmsspec.codec.mmsh.MmshStreamFramer;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.MmsMessage;
import org.mmsspec.codec.mmsp.TcpMessageHeader;

/**
 * Seeded properties of the codec over every generator in {@link Generators#all()}: round trips, decoders that throw
 * nothing but {@link MalformedInputException}, and mutations reported invalid that the decoder indeed refuses.
 *
 * <p>Each property runs once per seed. A failure names its seed and the bytes in hex; rerun that seed alone with
 * {@code mvn -B -q test -pl codec -am -Dtest=CodecPropertiesTest -Dmmsspec.seed=S} (decimal or 0x hex).
 */
class CodecPropertiesTest {

    private static final int SEEDS = 24;

    static LongStream seeds() {
        String one = System.getProperty("mmsspec.seed");
        return one != null && !one.isBlank() ? LongStream.of(Long.decode(one.strip()))
                : LongStream.range(0, SEEDS).map(i -> 0x5EED_0000L + i);
    }

    private static Stream<DynamicTest> perSeed(java.util.function.LongConsumer property) {
        return seeds().mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> property.accept(seed)));
    }

    /** The seed's message from generator {@code g}, and a packet with a seeded sequence number. */
    static MmsMessage message(long seed, int g) {
        return Generators.all().get(g).generate(new SplittableRandom(seed ^ (g + 1) * 0x9E3779B97F4A7C15L));
    }

    static byte[] packet(long seed, int g) {
        return CommandPacketCodec.encode((int) (seed & 0xFFFF), message(seed, g));
    }

    static Direction direction(int g) {
        return Generators.all().get(g).type().direction();
    }

    static String context(long seed, String what, byte[] bytes) {
        return "seed " + seed + " (-Dmmsspec.seed=" + seed + "), " + what + ", bytes " + Bytes.copyOf(bytes).hex();
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedMessageRoundTrips() {
        return perSeed(seed -> {
            for (int g = 0; g < Generators.all().size(); g++) {
                MmsMessage m = message(seed, g);
                byte[] b = CommandPacketCodec.encode((int) (seed & 0xFFFF), m);
                String where = context(seed, Generators.all().get(g).type().name(), b);
                Decoded<CommandPacket> d = CommandPacketCodec.decode(b, direction(g), DecodeOptions.STRICT);
                assertThat(d.violations()).as(where).isEmpty();
                assertThat(d.value().message()).as(where).isEqualTo(m);
                assertThat(CommandPacketCodec.encode(d.value())).as(where).isEqualTo(b);
            }
            // several messages of one direction in one packet, within the default bound (a Redirect alone may fill it)
            SplittableRandom r = new SplittableRandom(seed);
            for (Direction dir : Direction.values()) {
                List<MmsMessage> ms = new ArrayList<>();
                int room = DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE - TcpMessageHeader.SIZE;
                for (int g = 0; g < Generators.all().size(); g++) {
                    int size = packet(seed, g).length - TcpMessageHeader.SIZE;
                    if (direction(g) == dir && r.nextBoolean() && size <= room) {
                        ms.add(message(seed, g));
                        room -= size;
                    }
                }
                byte[] b = CommandPacketCodec.encode(CommandPacket.of(1, ms.toArray(MmsMessage[]::new)));
                Decoded<CommandPacket> d = CommandPacketCodec.decode(b, dir, DecodeOptions.STRICT);
                assertThat(d.violations()).as(context(seed, "packet of " + ms.size(), b)).isEmpty();
                assertThat(d.value().messages()).as(context(seed, "packet of " + ms.size(), b)).isEqualTo(ms);
                assertThat(CommandPacketCodec.encode(d.value())).isEqualTo(b);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> commandPacketDecoderThrowsOnlyMalformedInput() {
        return perSeed(seed -> {
            for (int g = 0; g < Generators.all().size(); g++) {
                for (Mutation m : new Mutator(seed).commandPacket(packet(seed, g), direction(g))) {
                    for (Direction d : new Direction[] {Direction.C2S, Direction.S2C, null}) {
                        decodeCommand(seed, m.name(), m.toArray(), d);
                    }
                }
            }
            SplittableRandom r = new SplittableRandom(seed);
            for (int k = 0; k < 200; k++) {
                byte[] b = randomBytes(r, packet(seed, r.nextInt(Generators.all().size())));
                decodeCommand(seed, "random", b, Direction.C2S);
                decodeCommand(seed, "random", b, Direction.S2C);
            }
        });
    }

    /** Random bytes, half of them behind a valid header prefix so that decoding gets past it. */
    private static byte[] randomBytes(SplittableRandom r, byte[] template) {
        byte[] b = new byte[r.nextInt(200)];
        r.nextBytes(b);
        if (r.nextBoolean()) {
            System.arraycopy(template, 0, b, 0, Math.min(b.length, Math.min(template.length, 40)));
        }
        return b;
    }

    /** Only MalformedInputException, and a packet judged conforming re-encodes to its own bytes. */
    private static void decodeCommand(long seed, String what, byte[] b, Direction d) {
        for (DecodeOptions o : new DecodeOptions[] {DecodeOptions.STRICT, DecodeOptions.LENIENT}) {
            onlyMalformed(seed, what, b, () -> {
                Decoded<CommandPacket> p = CommandPacketCodec.decode(b, d, o);
                if (p.violations().isEmpty()) {
                    assertThat(CommandPacketCodec.encode(p.value()))
                            .as(context(seed, what + " decoded conforming", b)).isEqualTo(b);
                }
            });
        }
    }

    private static void onlyMalformed(long seed, String what, byte[] b, Runnable decode) {
        try {
            decode.run();
        } catch (MalformedInputException expected) {
            // the one exception allowed
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(context(seed, what, b) + ": threw " + e, e);
        }
    }

    static byte[] dataPacket(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int af = Gen.pick(r, DataPacket.AF_HEADER_MORE, DataPacket.AF_HEADER_LAST, 0, DataPacket.AF_PACKET_PAIR);
        int inc = af == DataPacket.AF_PACKET_PAIR ? DataPacket.PACKET_PAIR_INCARNATION : (int) Gen.between(r, 1, 0xFE);
        return DataPacket.of(Gen.between(r, 0, 0xF0F0EFFFL), inc, af, Gen.bytes(r, 300)).encode();
    }

    @TestFactory
    Stream<DynamicTest> dataPacketDecoderThrowsOnlyMalformedInput() {
        return perSeed(seed -> {
            byte[] p = dataPacket(seed);
            Decoded<DataPacket> ok = DataPacket.decode(p, 0, p.length, DecodeOptions.STRICT);
            assertThat(ok.violations()).as(context(seed, "canonical", p)).isEmpty();
            assertThat(ok.value().encode()).isEqualTo(p);
            for (Mutation m : new Mutator(seed).dataPacket(p)) {
                byte[] b = m.toArray();
                onlyMalformed(seed, m.name(), b, () -> DataPacket.decode(b, 0, b.length, DecodeOptions.STRICT));
            }
            SplittableRandom r = new SplittableRandom(seed);
            for (int k = 0; k < 200; k++) {
                byte[] b = randomBytes(r, p);
                onlyMalformed(seed, "random", b, () -> DataPacket.decode(b, 0, b.length, DecodeOptions.LENIENT));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> streamFramerThrowsOnlyMalformedInputAtAnySplit() {
        return perSeed(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            for (int round = 0; round < 40; round++) {
                // a stream of whole units, some damaged, cut at random places
                java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
                Direction dir = Gen.pick(r, Direction.values());
                for (int u = 0, n = 1 + r.nextInt(5); u < n; u++) {
                    int g = r.nextInt(Generators.all().size());
                    byte[] unit = r.nextBoolean() ? packet(seed + u, g) : dataPacket(seed + u);
                    if (r.nextInt(3) == 0) {
                        Mutator mut = new Mutator(seed + round);
                        unit = (unit.length >= 8 && unit[4] == (byte) 0xCE && unit[5] == (byte) 0xFA
                                ? mut.anyCommandPacket(unit, direction(g)) : mut.anyDataPacket(unit)).toArray();
                    }
                    s.writeBytes(unit);
                }
                byte[] stream = s.toByteArray();
                int maxSize = Gen.pick(r, 64, 256, DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE);
                StreamFramer f = new StreamFramer(dir, DecodeOptions.STRICT.withMaxMessageSize(maxSize));
                onlyMalformed(seed, "stream split at random, bound " + maxSize, stream, () -> {
                    for (int at = 0; at < stream.length;) {
                        int n = Math.min(stream.length - at, r.nextInt(1, 40));
                        f.feed(stream, at, n, u -> {
                        });
                        at += n;
                    }
                    f.finish();
                });
                assertThat(f.pendingBytes()).as(context(seed, "bound " + maxSize, stream)).isLessThanOrEqualTo(
                        maxSize);
            }
        });
    }

    /** A seeded RequestPacketListResend datagram and MMSH response body (packet pairs, header, data, end). */
    static byte[] resend(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Long> list = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(RequestPacketListResend.MAX_PACKETS); i < n; i++) {
            list.add(Gen.between(r, 0, 0xFFFFFFFFL));
        }
        return RequestPacketListResend.of(Gen.between(r, 0, 0xFFFFFFFFL), r.nextInt(), list).encode();
    }

    static List<byte[]> mmshPackets(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] fill = Gen.bytes(r, 400).toArray();
        List<MmshPacket> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(MmshPacketPair.of(i, 1 + r.nextInt(300), fill));
        }
        ps.add(MmshHeader.of(DataPacket.of(0, 0, DataPacket.AF_HEADER_LAST, Gen.bytes(r, 200))));
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            ps.add(MmshData.of(DataPacket.of(i, 0, 0, Gen.bytes(r, 200))));
        }
        ps.add(MmshEnd.of(MmshEnd.S_OK));
        return ps.stream().map(MmshFrameCodec::encode).toList();
    }

    /** Every cut, seeded flips and random bytes: nothing but MalformedInputException, conforming re-encodes. */
    @TestFactory
    Stream<DynamicTest> resendAndMmshDecodersThrowOnlyMalformedInput() {
        return perSeed(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<byte[]> units = new ArrayList<>(mmshPackets(seed));
            units.add(resend(seed));
            for (int u = 0; u < units.size(); u++) {
                byte[] p = units.get(u);
                boolean isResend = u == units.size() - 1;
                List<byte[]> damaged = new ArrayList<>();
                for (int k = 0; k < p.length; k++) {
                    damaged.add(java.util.Arrays.copyOf(p, k));
                }
                for (int k = 0; k < 16; k++) {
                    byte[] b = p.clone();
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    damaged.add(b);
                    damaged.add(randomBytes(r, p));
                }
                for (byte[] b : damaged) {
                    onlyMalformed(seed, isResend ? "resend" : "mmsh", b, () -> {
                        if (isResend) {
                            var d = RequestPacketListResend.decode(b, DecodeOptions.STRICT);
                            if (d.violations().isEmpty()) {
                                assertThat(d.value().encode()).as(context(seed, "resend conforming", b)).isEqualTo(b);
                            }
                        } else {
                            var d = MmshFrameCodec.decode(b, DecodeOptions.STRICT);
                            if (d.violations().isEmpty()) {
                                assertThat(MmshFrameCodec.encode(d.value())).as(context(seed, "mmsh conforming", b))
                                        .isEqualTo(b);
                            }
                        }
                    });
                }
            }
        });
    }

    /** An MMSH body, some packets damaged, gives the same units at any split as fed whole. */
    @TestFactory
    Stream<DynamicTest> mmshStreamFramerUnitsDoNotDependOnTheSplit() {
        return perSeed(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
            for (byte[] p : mmshPackets(seed)) {
                if (r.nextInt(4) == 0) {
                    p[r.nextInt(p.length)] ^= (byte) (1 << r.nextInt(8));
                }
                s.writeBytes(p);
            }
            byte[] body = s.toByteArray();
            DecodeOptions o = DecodeOptions.STRICT.withMaxMessageSize(Gen.pick(r, 64, 512,
                    DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE));
            String whole = mmshUnits(seed, body, o, r, false);
            for (int round = 0; round < 20; round++) {
                assertThat(mmshUnits(seed, body, o, r, true)).as(context(seed, "split body", body)).isEqualTo(whole);
            }
        });
    }

    private static String mmshUnits(long seed, byte[] body, DecodeOptions o, SplittableRandom r, boolean split) {
        StringBuilder out = new StringBuilder();
        MmshStreamFramer f = new MmshStreamFramer(o);
        onlyMalformed(seed, "mmsh body", body, () -> {
            try {
                for (int at = 0; at < body.length;) {
                    int n = split ? Math.min(body.length - at, r.nextInt(0, 40)) : body.length;
                    f.feed(body, at, n, u -> out.append(u.offset()).append('+').append(u.length()).append(
                            u instanceof MmshStreamFramer.Frame x ? x.decoded().violations().toString()
                                    : ((MmshStreamFramer.Undecodable) u).error().getMessage()).append(' '));
                    at += n;
                }
                f.finish();
            } catch (MalformedInputException e) {
                out.append("refused: ").append(e.getMessage());
                throw e;
            }
        });
        return out.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyMutationReportedInvalidIsRefused() {
        return perSeed(seed -> {
            int invalid = 0;
            for (int g = 0; g < Generators.all().size(); g++) {
                Direction dir = direction(g);
                for (Mutation m : new Mutator(seed).commandPacket(packet(seed, g), dir)) {
                    if (m.validity() == Mutation.Validity.INVALID) {
                        invalid++;
                        byte[] b = m.toArray();
                        refused(seed, m, () -> CommandPacketCodec.decode(b, dir, DecodeOptions.STRICT));
                    }
                }
            }
            byte[] p = dataPacket(seed);
            for (Mutation m : new Mutator(seed).dataPacket(p)) {
                if (m.validity() == Mutation.Validity.INVALID) {
                    byte[] b = m.toArray();
                    refused(seed, m, () -> DataPacket.decode(b, 0, b.length, DecodeOptions.STRICT));
                }
            }
            assertThat(invalid).isPositive();
        });
    }

    private static void refused(long seed, Mutation m, java.util.function.Supplier<Decoded<?>> decode) {
        try {
            Decoded<?> d = decode.get();
            if (d.accepted()) {
                fail(context(seed, "mutation " + m.name() + " reported INVALID was accepted", m.toArray()));
            }
        } catch (MalformedInputException expected) {
            // refused outright
        }
    }

    /**
     * Counts and lengths read from the wire never drive an allocation: each u32 of each generated message, and each
     * u16 length, set to the largest values, in a packet decoded under a small bound, gives a violation or
     * MalformedInputException and never an OutOfMemoryError. The fields that size, count or locate bytes of the
     * message ({@link FieldSpan.Kind#LENGTH}, as each decoder reads them) must be judged; other values such as
     * ReportStreamChange's cbPacketSize describe the content, not the message, and may hold anything.
     */
    @TestFactory
    Stream<DynamicTest> hugeLengthsAndCountsAreRefusedWithoutAllocating() {
        return perSeed(seed -> {
            int lengths = 0;
            for (int g = 0; g < Generators.all().size(); g++) {
                byte[] p = packet(seed, g);
                var layout = CommandPacketCodec.layout(p, direction(g));
                for (FieldSpan f : layout.messages().get(0).bodyFields()) {
                    boolean length = f.kind() == FieldSpan.Kind.LENGTH;
                    if (!(f.size() == 4 && (length || f.kind() == FieldSpan.Kind.INTEGER) || length && f.size() == 2)) {
                        continue;
                    }
                    lengths += length ? 1 : 0;
                    long top = (1L << 8 * f.size()) - 1;
                    for (long huge : new long[] {top, top >>> 1, (top >>> 1) + 1}) {
                        byte[] b = p.clone();
                        for (int i = 0; i < f.size(); i++) {
                            b[f.offset() + i] = (byte) (huge >>> 8 * i);
                        }
                        String what = f.name() + "=" + Long.toHexString(huge);
                        try {
                            Decoded<CommandPacket> d = CommandPacketCodec.decode(b, direction(g),
                                    DecodeOptions.STRICT.withMaxMessageSize(Math.max(64, p.length)));
                            if (length) {
                                assertThat(d.violations()).as(context(seed, what, b)).isNotEmpty();
                            }
                        } catch (MalformedInputException expected) {
                            // refused
                        } catch (RuntimeException | OutOfMemoryError e) {
                            throw new AssertionError(context(seed, what, b) + ": threw " + e, e);
                        }
                    }
                }
            }
            assertThat(lengths).as("length fields found").isPositive();
        });
    }

    @TestFactory
    Stream<DynamicTest> hugeUnitSizesAreRefusedBeforeBuffering() {
        return perSeed(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int bound = 64 + r.nextInt(256);
            DecodeOptions small = DecodeOptions.STRICT.withMaxMessageSize(bound);
            byte[] cmd = packet(seed, r.nextInt(Generators.all().size()));
            long claim = Gen.pick(r, 0xFFFFFFFFL, 0xFFFFFFF0L, 0x7FFFFFFFL, (long) bound - 15);
            for (int i = 0; i < 4; i++) {
                cmd[8 + i] = (byte) (claim >>> 8 * i);
            }
            byte[] data = dataPacket(seed);
            data[6] = (byte) 0xFF;
            data[7] = (byte) 0xFF;
            for (byte[] unit : new byte[][] {cmd, data}) {
                StreamFramer f = new StreamFramer(null, small);
                Function<byte[], Boolean> refused = b -> {
                    try {
                        f.feed(b);
                        return false;
                    } catch (MalformedInputException e) {
                        return true;
                    }
                };
                assertThat(refused.apply(java.util.Arrays.copyOf(unit, Math.min(unit.length, 16))))
                        .as(context(seed, "unit sized past the bound " + bound, unit)).isTrue();
                assertThat(f.pendingBytes()).isLessThanOrEqualTo(16);
            }
            byte[] big = new byte[bound + 1];
            for (Function<byte[], Object> decode : List.<Function<byte[], Object>>of(
                    b -> CommandPacketCodec.decode(b, null, small), b -> DataPacket.decode(b, 0, b.length, small))) {
                try {
                    decode.apply(big);
                    fail("a unit past the bound was decoded");
                } catch (MalformedInputException expected) {
                    assertThat(expected.getMessage()).contains("bound");
                }
            }
        });
    }
}
