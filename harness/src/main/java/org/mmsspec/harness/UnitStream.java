package org.mmsspec.harness;

import java.util.Map;
import java.util.function.Consumer;

import org.mmsspec.codec.MalformedInputException;

/**
 * Frames and decodes one captured stream of some kind, turning every unit into the JSON object {@code mmsspec decode}
 * prints. One implementation per {@link StreamKind}.
 */
interface UnitStream {

    /**
     * Decodes all of {@code input}, handing out one line object per unit (or per message) in stream order.
     *
     * @throws MalformedInputException when the stream cannot be framed any further; lines already handed out stand
     */
    void decode(byte[] input, Consumer<Map<String, Object>> out);
}
