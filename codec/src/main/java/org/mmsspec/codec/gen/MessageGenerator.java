package org.mmsspec.codec.gen;

import java.util.random.RandomGenerator;

import org.mmsspec.codec.mmsp.MessageType;
import org.mmsspec.codec.mmsp.MmsMessage;

/**
 * A seeded source of valid messages of one type: each one, encoded canonically and decoded strictly, comes back equal
 * and without violations. Generators cover boundary values, empty, maximal and non-BMP strings, and every
 * combination of optional fields.
 */
public interface MessageGenerator {

    MessageType type();

    MmsMessage generate(RandomGenerator r);

    static MessageGenerator of(MessageType type, java.util.function.Function<RandomGenerator, MmsMessage> f) {
        return new MessageGenerator() {
            @Override
            public MessageType type() {
                return type;
            }

            @Override
            public MmsMessage generate(RandomGenerator r) {
                return f.apply(r);
            }
        };
    }
}
