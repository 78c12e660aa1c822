package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client answers a Ping (MS-MMSP 2.2.4.22). */
public record LinkViewerToMacPong(long dwParam1, long dwParam2) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x0003001BL, "LinkViewerToMacPong", "2.2.4.22",
            LinkViewerToMacPong::decode);

    public static LinkViewerToMacPong of() {
        return new LinkViewerToMacPong(0, 0);
    }

    static LinkViewerToMacPong decode(WireReader r) {
        return new LinkViewerToMacPong(r.u32("dwParam1"), r.u32("dwParam2"));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(dwParam1).u32(dwParam2);
    }

    @Override
    public void check(Checks c) {
        c.shouldEqual("dwParam1", 0, dwParam1);
        c.shouldEqual("dwParam2", 0, dwParam2);
    }
}
