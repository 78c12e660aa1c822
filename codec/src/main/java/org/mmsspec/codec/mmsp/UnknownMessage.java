package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Bytes;
import org.mmsspec.codec.Checks;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.Section;
import org.mmsspec.codec.WireWriter;

/** A message whose MID MS-MMSP 2.2.4 does not define; its fields are kept as bytes. */
public record UnknownMessage(long MID, Bytes body) implements MmsMessage {

    @Override
    public MessageType type() {
        return new MessageType(MID, "Unknown", Section.mmsp("2.2.4"), Direction.ofMid(MID), null);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.bytes(body);
    }

    @Override
    public void check(Checks c) {
        c.add(org.mmsspec.codec.Level.MUST, "MID", "a MID defined in MS-MMSP 2.2.4", Checks.hex(MID));
    }
}
