package org.mmsspec.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every connection event of one server, in order, or the latest {@code capacity} of them. Thread-safe; listeners
 * append from I/O threads while a test reads or waits. Like WireMock's request journal, it is what a test verifies
 * against afterwards.
 */
public final class EventLog {

    private final ArrayDeque<ConnectionEvent> events = new ArrayDeque<>();
    private final int capacity;
    private long sequence;
    private final List<Consumer<ConnectionEvent>> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final Clock clock;

    public EventLog() {
        this(Clock.systemUTC());
    }

    public EventLog(Clock clock) {
        this(clock, Integer.MAX_VALUE);
    }

    /** Keeping only the latest {@code capacity} events (0: none); sequence numbers still count every one. */
    public EventLog(Clock clock, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** A fresh connection number for {@link ConnectionEvent#connection()}. */
    public long nextConnection() {
        return connections.incrementAndGet();
    }

    public ConnectionEvent record(Protocol protocol, int port, String remote, long connection,
            ConnectionEvent.What what, String detail) {
        ConnectionEvent e;
        synchronized (events) {
            e = new ConnectionEvent(sequence++, clock.instant(), protocol, port, remote, connection, what,
                    detail == null ? "" : detail);
            if (capacity > 0) {
                if (events.size() == capacity) {
                    events.removeFirst();
                }
                events.addLast(e);
            }
            events.notifyAll();
        }
        subscribers.forEach(s -> s.accept(e));
        return e;
    }

    /** How many events were ever recorded, kept or not. */
    public long recorded() {
        synchronized (events) {
            return sequence;
        }
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
