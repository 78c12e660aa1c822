package org.mmsspec.server;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.mmsspec.server.scenario.PlantedBug;

/**
 * What a long run against one server must be able to read without keeping a log: how many connections are open now,
 * and how many exceptions reached a handler's exceptionCaught without being a client's doing (each is a server
 * bug). Also where a planted bug, once set off, strikes the whole server. Thread-safe.
 */
public final class ServerHealth {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong unhandled = new AtomicLong();
    private final AtomicReference<Throwable> first = new AtomicReference<>();
    private final Consumer<PlantedBug> strike;

    /** A health record whose planted bugs strike nothing: for a protocol server run without a MockMmsServer. */
    public ServerHealth() {
        this(bug -> { });
    }

    /** @param strike what a planted bug does to the server: crash or wedge it, as {@link PlantedBug#effect()} says */
    public ServerHealth(Consumer<PlantedBug> strike) {
        this.strike = strike;
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    /** Accepted TCP connections not yet closed. */
    public int openConnections() {
        return open.get();
    }

    /**
     * Counts an exception no handler expected and logs it, once, as a PROTOCOL_ERROR of {@code c}; the caller closes
     * the connection.
     */
    public void unhandled(Connection c, Throwable cause) {
        unhandled.incrementAndGet();
        first.compareAndSet(null, cause);
        c.record(ConnectionEvent.What.PROTOCOL_ERROR, "server closed after an unhandled " + cause);
    }

    public long unhandledExceptions() {
        return unhandled.get();
    }

    /** The first unhandled exception, with its stack trace, for a bench to print. */
    public Optional<Throwable> firstUnhandled() {
        return Optional.ofNullable(first.get());
    }

    /**
     * {@code bug} was set off on {@code c}: crashes or wedges the whole server, then logs which, so that whoever sees
     * the event finds the server already struck.
     */
    public void strike(PlantedBug bug, Connection c) {
        strike.accept(bug);
        c.record(ConnectionEvent.What.PLANTED_BUG, bug.label() + ": " + bug.effect().name().toLowerCase(
                java.util.Locale.ROOT));
    }
}
