package org.mmsspec.codec;

/**
 * How errata are judged. Where the specification's words and every deployed peer disagree, {@link #DEPLOYED} follows
 * the peers and {@link #LITERAL} follows the words.
 */
public enum Profile {
    /**
     * The deployed world: chunkCount = messageLength / 8 (MS-MMSP 2.2.3 says total packet size / 8).
     */
    DEPLOYED,
    /** The spec's own words: chunkCount = total packet size / 8 = (messageLength + 16) / 8. */
    LITERAL
}
