package org.mmsspec.codec;

/**
 * How to decode.
 *
 * @param strict         strict decoding reports every violation as a failure; lenient accepts and records them
 * @param profile        how errata are judged
 * @param maxMessageSize the largest unit (command packet, Data packet, MMSH frame) accepted, in bytes; it bounds every
 *                       allocation the decoder makes
 */
public record DecodeOptions(boolean strict, Profile profile, int maxMessageSize) {

    /** 64 KiB + header: a Data packet's PacketSize is 16 bits, and no command comes near it. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_536 + 32;

    public static final DecodeOptions LENIENT = new DecodeOptions(false, Profile.DEPLOYED, DEFAULT_MAX_MESSAGE_SIZE);
    public static final DecodeOptions STRICT = new DecodeOptions(true, Profile.DEPLOYED, DEFAULT_MAX_MESSAGE_SIZE);

    public DecodeOptions {
        if (profile == null) {
            throw new IllegalArgumentException("profile");
        }
        if (maxMessageSize < 64) {
            throw new IllegalArgumentException("maxMessageSize below 64: " + maxMessageSize);
        }
    }

    public DecodeOptions withStrict(boolean s) {
        return new DecodeOptions(s, profile, maxMessageSize);
    }

    public DecodeOptions withProfile(Profile p) {
        return new DecodeOptions(strict, p, maxMessageSize);
    }

    public DecodeOptions withMaxMessageSize(int max) {
        return new DecodeOptions(strict, profile, max);
    }
}
