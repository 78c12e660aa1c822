package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.mmsspec.server.ListenerSpec;
import org.mmsspec.server.MockMmsServer;
import org.mmsspec.server.Protocol;
import org.mmsspec.server.ServerOptions;
import org.mmsspec.server.ServerStartException;
import org.mmsspec.server.asf.AsfException;
import org.mmsspec.server.asf.AsfFile;
import org.mmsspec.server.scenario.MediaEntry;
import org.mmsspec.server.scenario.Pacing;
import org.mmsspec.server.scenario.PlantedBug;
import org.mmsspec.server.scenario.Recording;
import org.mmsspec.server.scenario.Scenario;
import org.mmsspec.server.scenario.ScenarioException;
import org.mmsspec.server.scenario.ScenarioFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmsspec serve}: runs the mock MMS server until interrupted, printing the URLs it serves and then one line
 * per connection event.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the mock MMS server: print the URLs it serves, then one line per connection event, "
                + "until Ctrl-C.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:stopped by Ctrl-C (or SIGTERM)",
            "2:a port could not be bound, or a media or scenario file could not be read",
            "3:a planted bug (--plant) crashed the server"})
final class ServeCommand implements Callable<Integer> {

    static final int UNUSABLE = 2;
    static final int CRASHED = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--media", paramLabel = "FILE.asf",
            description = "An ASF file to serve at its file name; repeatable. Default: the bundled sample.asf.")
    private List<Path> media = new ArrayList<>();

    @Option(names = "--mms-port", paramLabel = "N",
            description = "MMS over TCP (and the UDP socket of MMS over UDP); 0 for any free port. Default: 1755.")
    private Integer mmsPort;

    @Option(names = "--http-port", paramLabel = "N", description = "MMS over HTTP (MMSH). Default: 80.")
    private Integer httpPort;

    @Option(names = "--rtsp-port", paramLabel = "N",
            description = "RTSP, where the scenario does not refuse it. Default: 554.")
    private Integer rtspPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "A bundled scenario (" + "wms41, wms9, wms2008, rtsp-refused, rtsp-not-supported, "
                    + "mmsu-disconnected-funnel, mmsu-no-data, mmst-refused, all-but-http-refused) or a scenario "
                    + "file. Default: wms41.")
    private String scenarioName = "wms41";

    @Option(names = "--fast", description = "Send Data packets as fast as the client takes them, not in real time.")
    private boolean fast;

    @Option(names = "--quiet", description = "Print only what it serves and when it stops, not each connection's "
            + "events, and keep none of them: a server under load (a benchmark) spends its time serving.")
    private boolean quiet;

    @Option(names = "--plant", paramLabel = "LABEL", converter = PlantedLabel.class,
            description = "Plant a bug for a fuzzing campaign to find; repeatable: unterminated-subscriber-name and "
                    + "pong-before-ping crash the server (exit 3), read-block-length-zero wedges it (it accepts "
                    + "and answers nothing).")
    private List<PlantedBug> plant = new ArrayList<>();

    /** {@code --plant}'s labels, as reproducers name them; an unknown one is a usage error listing the known ones. */
    static final class PlantedLabel implements picocli.CommandLine.ITypeConverter<PlantedBug> {
        @Override
        public PlantedBug convert(String label) {
            try {
                return PlantedBug.byLabel(label);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage() + "; planted bugs: "
                        + java.util.Arrays.stream(PlantedBug.values()).map(PlantedBug::label).toList());
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = scenario();
        } catch (IOException | ScenarioException | AsfException e) {
            err.println("mmsspec serve: " + e.getMessage());
            return UNUSABLE;
        }
        MockMmsServer server;
        try {
            server = MockMmsServer.start(scenario, ServerOptions.defaults().withBindAddress(bind));
        } catch (ServerStartException e) {
            err.println("mmsspec serve: " + e.getMessage()
                    + "; choose another with --" + option(e.protocol()) + " (0 for any free port)");
            return UNUSABLE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop();
            stop.countDown();
        }, "mmsspec-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, sun.misc.SignalHandler> previous = onSignals(stop);
        // A crash ends the process as a dead server's would, non-zero, which is what fuzz --target-cmd watches for.
        java.util.concurrent.atomic.AtomicReference<PlantedBug> crashed = new java.util.concurrent.atomic
                .AtomicReference<>();
        server.death().thenAccept(bug -> {
            crashed.set(bug);
            stop.countDown();
        });
        try {
            synchronized (out) {
                out.println("mmsspec serve: scenario " + scenario.name() + ", serving:");
                server.urls().forEach(u -> out.println("  " + u));
                out.println("Press Ctrl-C to stop.");
                out.flush();
            }
            if (!quiet) {
                server.events().subscribe(e -> {
                    synchronized (out) {
                        out.println(e);
                        out.flush();
                    }
                });
            }
            stop.await();
        } catch (InterruptedException e) {
            // Stopped from within the JVM (a test, an embedding program): the same clean stop as Ctrl-C.
        } finally {
            previous.forEach((name, h) -> sun.misc.Signal.handle(new sun.misc.Signal(name), h));
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running or has run.
            }
        }
        if (crashed.get() != null) {
            err.println("mmsspec serve: planted bug " + crashed.get().label() + " crashed the server");
            err.flush();
            return CRASHED;
        }
        synchronized (out) {
            out.println("mmsspec serve: stopped");
            out.flush();
        }
        return 0;
    }

    /**
     * Ctrl-C and SIGTERM end the wait instead of the JVM, so that the server stops in order and the exit status is
     * 0 rather than the 130 of a JVM killed by SIGINT. The shutdown hook still covers the other signals.
     */
    private static Map<String, sun.misc.SignalHandler> onSignals(CountDownLatch stop) {
        Map<String, sun.misc.SignalHandler> previous = new LinkedHashMap<>();
        for (String name : List.of("INT", "TERM")) {
            try {
                previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.countDown()));
            } catch (IllegalArgumentException unsupported) {
                // Not on this platform, or the JVM was told to ignore it (-Xrs): the shutdown hook stops us.
            }
        }
        return previous;
    }

    private static String option(Protocol p) {
        return switch (p) {
            case MMST, MMSU -> "mms-port";
            case MMSH -> "http-port";
            case RTSP -> "rtsp-port";
        };
    }

    /** The scenario, with the command line's media, ports and pacing applied. */
    Scenario scenario() throws IOException {
        Scenario base = ScenarioFile.load(scenarioName);
        Scenario.Builder b = base.toBuilder();
        for (Protocol p : Protocol.values()) {
            ListenerSpec l = base.listener(p);
            Integer given = switch (p) {
                case MMST, MMSU -> mmsPort;
                case MMSH -> httpPort;
                case RTSP -> rtspPort;
            };
            b.listener(l.withPort(given != null ? given : l.port() != 0 ? l.port() : p.defaultPort()));
        }
        if (fast) {
            b.pacing(Pacing.FAST);
        }
        b.plant(plant.toArray(PlantedBug[]::new));
        // Every event is printed as it happens (or, quiet, read by nobody); keeping them all as well would grow
        // without end under a fuzzer.
        b.recording(quiet ? Recording.OFF : Recording.BOUNDED);
        Scenario s = b.build();
        if (media.isEmpty()) {
            return s;
        }
        Map<String, MediaEntry> entries = new LinkedHashMap<>();
        for (Path p : media) {
            AsfFile f = AsfFile.read(p);
            if (entries.put(f.name(), new MediaEntry(f.name(), List.of(f))) != null) {
                throw new ScenarioException("two media files are named " + f.name());
            }
        }
        return new Scenario(s.name(), List.copyOf(entries.values()), s.listeners(), s.credentials(),
                s.pingInterval(), s.idleTimeout(), s.pacing(), s.openFileId(), s.serverVersion(), s.redirect(),
                s.packetPair(), s.mmshBurstBit(), s.mmshChunked(), s.faults(), s.mutation(), s.planted(),
                s.recording());
    }
}
