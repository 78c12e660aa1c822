package org.mmsspec.server.scenario;

/**
 * What a server keeps of connections that are over, for a test or a log to read afterwards: the event log, the MMST
 * transcripts and the MMSH request journal. A fuzzing campaign runs millions of sessions against one server, so it
 * asks for {@link #BOUNDED} or {@link #OFF}; tests that verify afterwards keep the default, {@link #FULL}.
 */
public enum Recording {
    /** Every event; the last 256 MMST transcripts of up to 10,000 units each, and 10,000 MMSH requests. */
    FULL(Integer.MAX_VALUE, 256, 10_000, 10_000),
    /**
     * The last 4,096 events, 64 MMST transcripts of up to 256 units each, and 256 MMSH requests: memory stays flat
     * however long the server runs.
     */
    BOUNDED(4_096, 64, 256, 256),
    /** Nothing: subscribers still see every event as it happens, and the counters still count. */
    OFF(0, 0, 0, 0);

    private final int events;
    private final int transcripts;
    private final int transcriptUnits;
    private final int requests;

    Recording(int events, int transcripts, int transcriptUnits, int requests) {
        this.events = events;
        this.transcripts = transcripts;
        this.transcriptUnits = transcriptUnits;
        this.requests = requests;
    }

    /** How many connection events the event log keeps, the latest ones. */
    public int events() {
        return events;
    }

    /** How many MMST connections' transcripts are kept, the latest ones. */
    public int transcripts() {
        return transcripts;
    }

    /** How many units one MMST transcript holds, the first ones: a chatty client cannot grow it without end. */
    public int transcriptUnits() {
        return transcriptUnits;
    }

    /** How many MMSH requests the journal keeps, the latest ones. */
    public int requests() {
        return requests;
    }
}
