package org.mmsspec.harness.fuzz;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mmsspec.cases.client.ClientExit;
import org.mmsspec.harness.client.ProcessGroups;

/**
 * A server mmsspec starts itself ({@code --target-cmd}): through {@code sh -c} in a process group of its own (so that
 * a restart stops whatever it started), its output watched for sanitizer reports, its exit status and signal taken as
 * findings, and started again after each.
 */
final class CommandTarget implements ServerTarget {

    private static final Duration LISTEN_WAIT = Duration.ofSeconds(30);
    private static final long GRACE_MILLIS = 2000;
    private static final Duration GRACE = Duration.ofMillis(GRACE_MILLIS);

    private final String command;
    private final String hostPort;
    private final InetSocketAddress address;
    private volatile Process process;
    private volatile TargetOutput output;

    CommandTarget(String command, String hostPort) throws InterruptedException {
        this.command = command;
        this.hostPort = hostPort;
        this.address = AddressTarget.parse(hostPort);
        start();
    }

    private void start() throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("setsid", "sh", "-c", command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CampaignException("cannot start the target command: " + e.getMessage(), e);
        }
        output = new TargetOutput(process.getInputStream(), "fuzz-target-output");
        long end = System.nanoTime() + LISTEN_WAIT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                output.awaitEnd(GRACE_MILLIS);
                throw new CampaignException("the target command exited with status " + process.exitValue()
                        + " before it listened on " + hostPort + "; its last output:\n" + output.tail());
            }
            if (System.nanoTime() - end > 0) {
                stop();
                throw new CampaignException("the target command did not listen on " + hostPort + " within "
                        + LISTEN_WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(address, 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public InetSocketAddress address(SessionPlan.Transport transport) {
        return address;
    }

    @Override
    public Reproducer.Target describe() {
        return new Reproducer.Target(hostPort, command, null);
    }

    @Override
    public Optional<Observation> death() {
        Process p = process;
        TargetOutput out = output;
        if (p.isAlive() && out.sanitizer() == null) {
            return Optional.empty();
        }
        if (!p.isAlive()) {
            try {
                out.awaitEnd(GRACE_MILLIS); // a sanitizer writes its report just before the process ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (out.sanitizer() != null) {
            return Optional.of(new Observation(Symptom.SANITIZER, "the target reported: " + out.sanitizer()));
        }
        int code = p.exitValue();
        String signal = ClientExit.signalOfStatus(code);
        return Optional.of(signal != null ? new Observation(Symptom.SIGNAL, "the target died by " + signal)
                : new Observation(Symptom.EXIT, "the target exited with status " + code));
    }

    @Override
    public Optional<Observation> deathWithin(long millis) throws InterruptedException {
        process.waitFor(millis, TimeUnit.MILLISECONDS);
        return death();
    }

    @Override
    public void restart(BooleanSupplier healthy) throws InterruptedException {
        stop();
        start();
        AddressTarget.waitFor(healthy, LISTEN_WAIT, () -> new CampaignException("the target command listens on "
                + hostPort + " again after a restart, but does not answer the liveness probe"));
    }

    private void stop() throws InterruptedException {
        ProcessGroups.stop(process, GRACE);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
