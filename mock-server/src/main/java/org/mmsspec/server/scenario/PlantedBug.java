package org.mmsspec.server.scenario;

/**
 * Bugs the reference server can be given on purpose, off by default, so that a fuzzing campaign can show it finds and
 * minimises what a real server gets wrong: each one crashes the server (it stops listening and drops every
 * connection, as a dead process would) or wedges it (it still accepts, but never answers again) on one specific input.
 */
public enum PlantedBug {
    /** Crash on a Connect whose subscriberName has no terminating NUL (MS-MMSP 2.2.4.17). */
    UNTERMINATED_SUBSCRIBER_NAME("unterminated-subscriber-name", Effect.CRASH),
    /** Wedge on a ReadBlock whose length field is 0 (MS-MMSP 2.2.4.23). */
    READ_BLOCK_LENGTH_ZERO("read-block-length-zero", Effect.WEDGE),
    /** Crash on a Pong when the server has sent no Ping (MS-MMSP 2.2.4.22, 3.2.5.x). */
    PONG_BEFORE_PING("pong-before-ping", Effect.CRASH);

    /** What the bug does to the whole server when it fires. */
    public enum Effect {
        /** The server dies as a process would: every socket closed, connections refused afterwards. */
        CRASH,
        /** The server hangs: connections are still accepted, nothing is answered again. */
        WEDGE
    }

    private final String label;
    private final Effect effect;

    PlantedBug(String label, Effect effect) {
        this.label = label;
        this.effect = effect;
    }

    public Effect effect() {
        return effect;
    }

    /** The name on the command line ({@code --plant}) and in reproducers. */
    public String label() {
        return label;
    }

    public static PlantedBug byLabel(String label) {
        for (PlantedBug b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no planted bug '" + label + "'");
    }
}
