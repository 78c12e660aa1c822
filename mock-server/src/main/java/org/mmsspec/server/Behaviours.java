package org.mmsspec.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

/** The ways the server ends a connection, each logged as it happens. */
final class Behaviours {

    private Behaviours() {
    }

    static void closeByServer(Channel ch, Connection c, String why) {
        c.record(ConnectionEvent.What.CLOSED_BY_SERVER, why);
        ch.close();
    }

    /** SO_LINGER 0 makes close send RST instead of FIN. */
    static void reset(Channel ch, Connection c, String why) {
        c.record(ConnectionEvent.What.RESET, why);
        try {
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
        } catch (RuntimeException e) {
            // The channel is already gone; close is all that is left.
        }
        ch.close();
    }
}
