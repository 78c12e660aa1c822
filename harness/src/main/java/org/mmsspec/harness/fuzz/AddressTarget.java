package org.mmsspec.harness.fuzz;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A server somebody else runs: nothing to restart, only to wait for, within a bound. */
final class AddressTarget implements ServerTarget {

    private final String hostPort;
    private final InetSocketAddress address;
    private final Duration comeBack;

    AddressTarget(String hostPort, Duration comeBack) {
        this.hostPort = hostPort;
        this.address = parse(hostPort);
        this.comeBack = comeBack;
    }

    /** HOST:PORT, with [v6]:PORT for IPv6. */
    static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("target '" + hostPort + "': want HOST:PORT");
        }
        String host = hostPort.substring(0, colon).replaceAll("^\\[|\\]$", "");
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target '" + hostPort + "': the port is not a number in 1..65535");
        }
    }

    @Override
    public InetSocketAddress address(SessionPlan.Transport transport) {
        return address;
    }

    @Override
    public Reproducer.Target describe() {
        return new Reproducer.Target(hostPort, null, null);
    }

    @Override
    public void restart(BooleanSupplier healthy) throws InterruptedException {
        waitFor(healthy, comeBack, () -> new CampaignException("the target " + hostPort + " did not come back within "
                + comeBack.toSeconds() + " s after the finding; restart it and go on with --resume"));
    }

    static void waitFor(BooleanSupplier healthy, Duration bound, java.util.function.Supplier<CampaignException> gone)
            throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (!healthy.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw gone.get();
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
    }
}
