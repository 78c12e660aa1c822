package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The server checks that the client is alive (MS-MMSP 2.2.4.1); the client answers with a Pong. */
public record LinkMacToViewerPing(long dwParam1, long dwParam2) implements MacToViewer {

    public static final MessageType TYPE = MessageType.of(0x0004001BL, "LinkMacToViewerPing", "2.2.4.1",
            LinkMacToViewerPing::decode);

    public static LinkMacToViewerPing of() {
        return new LinkMacToViewerPing(0, 0);
    }

    static LinkMacToViewerPing decode(WireReader r) {
        return new LinkMacToViewerPing(r.u32("dwParam1"), r.u32("dwParam2"));
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
