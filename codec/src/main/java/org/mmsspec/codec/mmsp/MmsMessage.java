package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireWriter;

/**
 * An MMS message (MS-MMSP 2.2.4): chunkLen, MID, then fields. Implementations are immutable records whose components
 * carry the spec's field names; chunkLen and MID are derived from the type and the encoded size.
 */
public sealed interface MmsMessage permits ViewerToMac, MacToViewer, UnknownMessage {

    MessageType type();

    default long mid() {
        return type().mid();
    }

    /** Writes the fields after MID, without padding, exactly as held (a test may hold non-canonical values). */
    void encodeBody(WireWriter w);

    /** Judges the field values against the rules of the message's section (and others it names). */
    void check(Checks c);
}
