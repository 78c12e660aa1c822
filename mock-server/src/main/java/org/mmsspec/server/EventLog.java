package org.mmsspec.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every connection event of one server, in order. Thread-safe; listeners append from I/O threads while a test reads
 * or waits. Like WireMock's request journal, it is what a test verifies against afterwards.
 */
public final class EventLog {

    private final List<ConnectionEvent> events = new ArrayList<>();
    private final List<Consumer<ConnectionEvent>> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final Clock clock;

    public EventLog() {
        this(Clock.systemUTC());
    }

    public EventLog(Clock clock) {
        this.clock = clock;
    }

    /** A fresh connection number for {@link ConnectionEvent#connection()}. */
    public long nextConnection() {
        return connections.incrementAndGet();
    }

    public ConnectionEvent record(Protocol protocol, int port, String remote, long connection,
            ConnectionEvent.What what, String detail) {
        ConnectionEvent e;
        synchronized (events) {
            e = new ConnectionEvent(events.size(), clock.instant(), protocol, port, remote, connection, what,
                    detail == null ? "" : detail);
            events.add(e);
            events.notifyAll();
        }
        subscribers.forEach(s -> s.accept(e));
        return e;
    }

    /** Called for every event from now on, on the thread that records it; keep it short. */
    public void subscribe(Consumer<ConnectionEvent> subscriber) {
        subscribers.add(subscriber);
    }

    public List<ConnectionEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<ConnectionEvent> events(Predicate<ConnectionEvent> filter) {
        return events().stream().filter(filter).toList();
    }

    /** The protocols of the REQUEST events, in order: the order a client tried them in. */
    public List<Protocol> requestOrder() {
        return events(e -> e.what() == ConnectionEvent.What.REQUEST).stream().map(ConnectionEvent::protocol)
                .toList();
    }

    /**
     * Waits until some event matches, or the timeout passes.
     *
     * @return the first matching event, or null on timeout
     */
    public ConnectionEvent await(Predicate<ConnectionEvent> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (ConnectionEvent e : events) {
                    if (condition.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
