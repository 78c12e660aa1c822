package org.mmsspec.server.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mmsspec.server.Behaviour;
import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.asf.AsfFile;

/**
 * Everything a mock server does, as one value: what it serves, on which listeners and how, and which faults it
 * injects. Build one with {@link #builder()}, or load one from a scenario file ({@code ScenarioFile}).
 *
 * @param pingInterval the KeepAlive timer (MS-MMSP 3.2.2): 30 s by default; the spec's minimum is 10 s, and a shorter
 *                     value is allowed only so that a test need not wait, and is not conformant
 * @param idleTimeout  the Idle-Timeout timer (MS-MMSP 3.2.2), 3600 s by default
 * @param openFileId   the openFileId ReportOpenFile gives; real servers give small numbers, most clients assume 1
 * @param serverVersion ServerVersionInfo of ReportConnectedEX; its major version changes how clients read the end of
 *                      a stream (MS-MMSP 3.1.5.18)
 * @param redirect     where set, OpenFile is answered with ReportRedirect to this URL (MS-MMSP 2.2.4.9) and MMSH
 *                     requests with a 302
 * @param packetPair   grant packet-pair bandwidth estimation when a client asks for it (MS-MMSP 3.2.5.3, 3.2.5.4)
 * @param mmshBurstBit set the B bit (first byte 0xA4) on $D frames sent back to back (MS-WMSP 2.2.3.1.1)
 * @param mmshChunked  answer Play with chunked transfer coding when the client sent version11-enabled=1
 * @param mutation     one deliberate fault, for the mutation harness; {@link Mutation#NONE} by default and never
 *                     in a scenario file
 * @param planted      bugs planted on purpose, for fuzzing's proof; none by default and never in a scenario file
 * @param recording    what the server keeps of connections that are over; {@link Recording#FULL} by default
 */
public record Scenario(String name, List<MediaEntry> media, List<ListenerSpec> listeners,
        Optional<Credentials> credentials, Duration pingInterval, Duration idleTimeout, Pacing pacing,
        long openFileId, String serverVersion, Optional<String> redirect, boolean packetPair,
        boolean mmshBurstBit, boolean mmshChunked, Faults faults, Mutation mutation, Set<PlantedBug> planted,
        Recording recording) {

    public Scenario {
        mutation = mutation == null ? Mutation.NONE : mutation;
        planted = planted == null || planted.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(planted));
        recording = recording == null ? Recording.FULL : recording;
        media = List.copyOf(media);
        listeners = List.copyOf(listeners);
        if (pingInterval.isNegative() || pingInterval.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timers must be positive");
        }
    }

    /** A scenario without a mutation. */
    public Scenario(String name, List<MediaEntry> media, List<ListenerSpec> listeners,
            Optional<Credentials> credentials, Duration pingInterval, Duration idleTimeout, Pacing pacing,
            long openFileId, String serverVersion, Optional<String> redirect, boolean packetPair,
            boolean mmshBurstBit, boolean mmshChunked, Faults faults) {
        this(name, media, listeners, credentials, pingInterval, idleTimeout, pacing, openFileId, serverVersion,
                redirect, packetPair, mmshBurstBit, mmshChunked, faults, Mutation.NONE);
    }

    /** A scenario without planted bugs, recording everything. */
    public Scenario(String name, List<MediaEntry> media, List<ListenerSpec> listeners,
            Optional<Credentials> credentials, Duration pingInterval, Duration idleTimeout, Pacing pacing,
            long openFileId, String serverVersion, Optional<String> redirect, boolean packetPair,
            boolean mmshBurstBit, boolean mmshChunked, Faults faults, Mutation mutation) {
        this(name, media, listeners, credentials, pingInterval, idleTimeout, pacing, openFileId, serverVersion,
                redirect, packetPair, mmshBurstBit, mmshChunked, faults, mutation, Set.of(), Recording.FULL);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        media.forEach(m -> b.media.put(m.path(), m));
        listeners.forEach(l -> b.listeners.put(l.protocol(), l));
        b.credentials = credentials.orElse(null);
        b.pingInterval = pingInterval;
        b.idleTimeout = idleTimeout;
        b.pacing = pacing;
        b.openFileId = openFileId;
        b.serverVersion = serverVersion;
        b.redirect = redirect.orElse(null);
        b.packetPair = packetPair;
        b.mmshBurstBit = mmshBurstBit;
        b.mmshChunked = mmshChunked;
        b.faults = faults;
        b.mutation = mutation;
        b.planted.addAll(planted);
        b.recording = recording;
        return b;
    }

    /** The listener of {@code p}; every scenario has one per protocol (REFUSE where it is off). */
    public ListenerSpec listener(Protocol p) {
        for (ListenerSpec l : listeners) { // asked on every Connect: no stream, no spare ListenerSpec
            if (l.protocol() == p) {
                return l;
            }
        }
        return new ListenerSpec(p, 0, Behaviour.REFUSE, 0);
    }

    /** The media at {@code path} (no leading slash), if any. */
    public Optional<MediaEntry> media(String path) {
        return media.stream().filter(m -> m.path().equals(path)).findFirst();
    }

    /** Fluent construction, defaults as a conformant WMS 4.1-like server on ephemeral ports. */
    public static final class Builder {
        private String name = "custom";
        private final Map<String, MediaEntry> media = new LinkedHashMap<>();
        private final Map<Protocol, ListenerSpec> listeners = new LinkedHashMap<>();
        private Credentials credentials;
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(3600);
        private Pacing pacing = Pacing.REALTIME;
        private long openFileId = 1;
        private String serverVersion = "4.1.0.3928";
        private String redirect;
        private boolean packetPair = true;
        private boolean mmshBurstBit;
        private boolean mmshChunked = true;
        private Faults faults = Faults.NONE;
        private Mutation mutation = Mutation.NONE;
        private final java.util.EnumSet<PlantedBug> planted = java.util.EnumSet.noneOf(PlantedBug.class);
        private Recording recording = Recording.FULL;

        private Builder() {
            for (Protocol p : List.of(Protocol.MMST, Protocol.MMSU, Protocol.MMSH)) {
                listeners.put(p, ListenerSpec.serve(p, 0));
            }
            listeners.put(Protocol.RTSP, new ListenerSpec(Protocol.RTSP, 0, Behaviour.REFUSE, 0));
        }

        public Builder name(String n) {
            name = n;
            return this;
        }

        /** Serves {@code file} at its own name. */
        public Builder media(AsfFile file) {
            return media(file.name(), file);
        }

        /** Serves {@code files} at {@code path}: one file, or a playlist of several. */
        public Builder media(String path, AsfFile... files) {
            media.put(path, new MediaEntry(path, List.of(files)));
            return this;
        }

        public Builder listener(ListenerSpec spec) {
            listeners.put(spec.protocol(), spec);
            return this;
        }

        public Builder listener(Protocol p, int port, Behaviour b) {
            return listener(new ListenerSpec(p, port, b, 0));
        }

        public Builder port(Protocol p, int port) {
            return listener(listeners.get(p).withPort(port));
        }

        /** The port set so far for {@code p} (0: ephemeral), so a redirect can name this very server. */
        public int port(Protocol p) {
            return listeners.get(p).port();
        }

        public Builder behaviour(Protocol p, Behaviour b) {
            return listener(listeners.get(p).withBehaviour(b));
        }

        /** The error code a listener with behaviour ERROR answers with (an MMS hr, an HTTP or RTSP status). */
        public Builder errorCode(Protocol p, long code) {
            return listener(listeners.get(p).withErrorCode(code));
        }

        public Builder credentials(String user, String password) {
            credentials = new Credentials(user, password, "mmsspec");
            return this;
        }

        public Builder pingInterval(Duration d) {
            pingInterval = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            idleTimeout = d;
            return this;
        }

        public Builder pacing(Pacing p) {
            pacing = p;
            return this;
        }

        public Builder openFileId(long id) {
            openFileId = id;
            return this;
        }

        public Builder serverVersion(String v) {
            serverVersion = v;
            return this;
        }

        public Builder redirect(String url) {
            redirect = url;
            return this;
        }

        public Builder packetPair(boolean on) {
            packetPair = on;
            return this;
        }

        public Builder mmshBurstBit(boolean on) {
            mmshBurstBit = on;
            return this;
        }

        public Builder mmshChunked(boolean on) {
            mmshChunked = on;
            return this;
        }

        public Builder faults(Faults f) {
            faults = f;
            return this;
        }

        /** One deliberate fault (the mutation harness); null or {@link Mutation#NONE} for none. */
        public Builder mutation(Mutation m) {
            mutation = m;
            return this;
        }

        /** Bugs planted on purpose (fuzzing's proof); none by default and never in a scenario file. */
        public Builder plant(PlantedBug... bugs) {
            planted.addAll(java.util.List.of(bugs));
            return this;
        }

        /** What the server keeps of connections that are over; {@link Recording#FULL} by default. */
        public Builder recording(Recording r) {
            recording = r;
            return this;
        }

        public Scenario build() {
            List<MediaEntry> m = new ArrayList<>(media.values());
            if (m.isEmpty()) {
                m.add(new MediaEntry("sample.asf", List.of(AsfFile.sample())));
            }
            return new Scenario(name, m, new ArrayList<>(listeners.values()), Optional.ofNullable(credentials),
                    pingInterval, idleTimeout, pacing, openFileId, serverVersion, Optional.ofNullable(redirect),
                    packetPair, mmshBurstBit, mmshChunked, faults, mutation, planted, recording);
        }
    }
}
