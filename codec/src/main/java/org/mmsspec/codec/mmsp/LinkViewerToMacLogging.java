package org.mmsspec.codec.mmsp;

import org.mmsspec.codec.Checks;
import org.mmsspec.codec.WireReader;
import org.mmsspec.codec.WireWriter;

/** The client reports the statistics of a stream that stopped (MS-MMSP 2.2.4.20): one CLIENT_LOG. */
public record LinkViewerToMacLogging(ClientLog log) implements ViewerToMac {

    public static final MessageType TYPE = MessageType.of(0x00030032L, "LinkViewerToMacLogging", "2.2.4.20",
            LinkViewerToMacLogging::decode);

    public LinkViewerToMacLogging {
        java.util.Objects.requireNonNull(log, "log");
    }

    static LinkViewerToMacLogging decode(WireReader r) {
        return new LinkViewerToMacLogging(ClientLog.read(r));
    }

    @Override
    public MessageType type() {
        return TYPE;
    }

    @Override
    public void encodeBody(WireWriter w) {
        log.write(w);
    }

    @Override
    public void check(Checks c) {
        log.check(c);
    }
}
