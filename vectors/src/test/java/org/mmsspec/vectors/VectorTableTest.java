package org.mmsspec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Decoded;
import org.mmsspec.codec.FieldMap;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Violation;
import org.mmsspec.codec.mmsp.CommandPacket;
import org.mmsspec.codec.mmsp.CommandPacketCodec;
import org.mmsspec.codec.mmsp.MmsMessage;

/** Runs every row of every vector table as its own test, named by id and section. */
class VectorTableTest {

    /** What decoding one row gave, in the terms a row states expectations in. */
    record Outcome(Map<String, Object> header, Map<String, Object> fields, List<String> messages,
            List<Violation> violations, byte[] reencoded) {
    }

    @TestFactory
    Stream<DynamicTest> everyRow() {
        return VectorTable.bundled().stream().map(v -> DynamicTest.dynamicTest(v.displayName(), () -> run(v)));
    }

    /**
     * What real clients send is accepted by lenient decoding, deviations recorded, and refused by strict decoding
     * exactly where a deviation was found.
     */
    @TestFactory
    Stream<DynamicTest> capturedRowsAreAcceptedLenientlyAndJudgedStrictly() {
        return VectorTable.bundled().stream().filter(v -> v.id().startsWith("CAP-") && v.kind() == Vector.Kind.COMMAND)
                .map(v -> DynamicTest.dynamicTest(v.id() + " lenient and strict", () -> {
                    byte[] b = v.bytes().toArray();
                    Decoded<CommandPacket> lenient = CommandPacketCodec.decode(b, v.direction(),
                            DecodeOptions.LENIENT.withProfile(v.profile()));
                    Decoded<CommandPacket> strict = CommandPacketCodec.decode(b, v.direction(),
                            DecodeOptions.STRICT.withProfile(v.profile()));
                    assertThat(lenient.accepted()).as("lenient accepts " + v.id()).isTrue();
                    assertThat(lenient.failures()).isEmpty();
                    assertThat(lenient.violations()).isEqualTo(strict.violations());
                    assertThat(strict.accepted()).as("strict refuses " + v.id() + " iff it deviates")
                            .isEqualTo(v.violations().isEmpty());
                    assertThat(strict.failures()).isEqualTo(strict.violations());
                }));
    }

    @Test
    void theKnownClientDeviationsAreAmongTheCapturedViolations() {
        List<Vector> all = VectorTable.bundled();
        assertThat(all).filteredOn(v -> v.id().startsWith("CAP-VLC-"))
                .flatExtracting(Vector::violations).extracting(Vector.Expected::field).contains("subscriberName");
        assertThat(all).filteredOn(v -> v.id().startsWith("CAP-MPLAYER-"))
                .flatExtracting(Vector::violations).extracting(Vector.Expected::toString)
                .contains("MS-MMSP 2.2.4.23 MUST flags");
        assertThat(all).filteredOn(v -> v.id().startsWith("CAP-"))
                .flatExtracting(Vector::violations).extracting(Vector.Expected::field).contains("padding");
    }

    @Test
    void idsAreUniqueAndEveryTableHasRows() {
        List<Vector> all = VectorTable.bundled();
        assertThat(all).isNotEmpty();
        assertThat(all.stream().map(Vector::id).distinct().count()).as("distinct ids").isEqualTo(all.size());
    }

    static void run(Vector v) {
        DecodeOptions options = DecodeOptions.STRICT.withProfile(v.profile());
        byte[] b = v.bytes().toArray();
        if (v.error() != null) {
            assertThatThrownBy(() -> decode(v, b, options)).as(v.id())
                    .isInstanceOf(MalformedInputException.class).hasMessageContaining(v.error());
            return;
        }
        Outcome o = decode(v, b, options);
        List<String> actual = o.violations().stream()
                .map(x -> new Vector.Expected(x.section(), x.level(), x.field()).toString()).sorted().toList();
        List<String> expected = v.violations().stream().map(Vector.Expected::toString).sorted().toList();
        assertThat(actual).as("%s violations, decoded: %s", v.id(), o.violations()).isEqualTo(expected);
        assertSubset(v.id() + " header", v.header(), o.header());
        assertSubset(v.id() + " fields", v.fields(), o.fields());
        if (!v.messages().isEmpty()) {
            assertThat(o.messages()).as(v.id() + " messages").isEqualTo(v.messages());
        }
        if (expected.isEmpty() && o.reencoded() != null) {
            assertThat(o.reencoded()).as(v.id() + ": a conforming row re-encodes to its own bytes").isEqualTo(b);
        }
    }

    static Outcome decode(Vector v, byte[] b, DecodeOptions options) {
        return switch (v.kind()) {
            case COMMAND -> {
                Decoded<CommandPacket> d = CommandPacketCodec.decode(b, v.direction(), options);
                List<MmsMessage> ms = d.value().messages();
                List<String> names = new ArrayList<>();
                ms.forEach(m -> names.add(m.type().name()));
                Map<String, Object> fields = ms.isEmpty() ? Map.of() : FieldMap.of((Record) ms.get(0));
                yield new Outcome(FieldMap.of(d.value().header()), fields, names, d.violations(),
                        CommandPacketCodec.encode(d.value()));
            }
            case DATA -> {
                var d = org.mmsspec.codec.DataPacket.decode(b, 0, b.length, options);
                yield new Outcome(Map.of(), FieldMap.of(d.value()), List.of(), d.violations(), d.value().encode());
            }
            case RESEND -> {
                var d = org.mmsspec.codec.RequestPacketListResend.decode(b, options);
                yield new Outcome(Map.of(), FieldMap.of(d.value()), List.of(), d.violations(), d.value().encode());
            }
            case MMSH -> {
                var d = org.mmsspec.codec.mmsh.MmshFrameCodec.decode(b, options);
                yield new Outcome(Map.of(), FieldMap.of((Record) d.value()), List.of(d.value().type().name()),
                        d.violations(), org.mmsspec.codec.mmsh.MmshFrameCodec.encode(d.value()));
            }
        };
    }

    static void assertSubset(String what, Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            if (!actual.containsKey(e.getKey())) {
                fail("%s: no field '%s' in %s", what, e.getKey(), actual.keySet());
            }
            assertThat(same(e.getValue(), actual.get(e.getKey())))
                    .as("%s.%s: expected %s, actual %s", what, e.getKey(), e.getValue(), actual.get(e.getKey()))
                    .isTrue();
        }
    }

    /** YAML and the codec spell numbers differently (Integer, Long, BigInteger, Double); compare by value. */
    @SuppressWarnings("unchecked")
    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            return ((Map<String, Object>) a).entrySet().stream()
                    .allMatch(e -> b.containsKey(e.getKey()) && same(e.getValue(), b.get(e.getKey())));
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return String.valueOf(expected).equals(String.valueOf(actual));
    }
}
