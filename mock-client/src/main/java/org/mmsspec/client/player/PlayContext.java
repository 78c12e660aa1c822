package org.mmsspec.client.player;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the attempts of one play share: the config, the player's GUID (one per player, MS-MMSP 2.2.4.17), the log, and
 * the stop flag with whatever must be closed to end a blocked read at once.
 */
final class PlayContext {

    private final PlayerConfig config;
    private final String guid = newGuid();
    private final List<String> log = new ArrayList<>();
    private volatile boolean stopped;
    private volatile AutoCloseable open;
    private int connections;

    PlayContext(PlayerConfig config) {
        this.config = config;
    }

    PlayerConfig config() {
        return config;
    }

    boolean has(PlayerFault f) {
        return config.has(f);
    }

    /** The player's GUID, or a fresh one per connection under {@link PlayerFault#NEW_GUID_PER_RECONNECT}. */
    String guidForConnection() {
        return connections++ > 0 && has(PlayerFault.NEW_GUID_PER_RECONNECT) ? newGuid() : guid;
    }

    String guid() {
        return guid;
    }

    /** The GUID as sent: registry form, or with 0x prefixes under {@link PlayerFault#GUID_WITH_0X}, as VLC writes it. */
    String written(String g) {
        if (!has(PlayerFault.GUID_WITH_0X)) {
            return g;
        }
        return "{0x" + String.join("-0x", g.substring(1, g.length() - 1).toLowerCase(Locale.ROOT).split("-")) + "}";
    }

    /** NSPlayer 9.0 (WMF 9 SDK), or a version no table lists under {@link PlayerFault#WRONG_PLAYER_VERSION}. */
    String playerVersion() {
        return has(PlayerFault.WRONG_PLAYER_VERSION) ? "NSPlayer/5.0.0.1" : "NSPlayer/9.0.0.2980";
    }

    static String newGuid() {
        return "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
    }

    synchronized void log(String line) {
        log.add(line);
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    /**
     * Registers what {@link #stop()} closes at once: an MMSH request, whose stop is the close (MS-WMSP 3.1.4). An MMS
     * session polls the flag instead and stops cleanly (StopPlaying, Logging, CloseFile).
     */
    void opened(AutoCloseable c) {
        open = c;
        if (stopped) {
            closeQuietly(c);
        }
    }

    void stop() {
        stopped = true;
        AutoCloseable c = open;
        if (c != null) {
            closeQuietly(c);
        }
    }

    /** Ends the attempt where stop() was called. */
    void checkStopped() {
        if (stopped || Thread.currentThread().isInterrupted()) {
            throw new PlayEnd(PlayEnd.Kind.STOPPED, "stopped");
        }
    }

    boolean stopped() {
        return stopped;
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // best effort: the read in flight ends either way
        }
    }
}
