package org.mmsspec.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.mmsspec.bench.load.MmstLoad;
import org.mmsspec.server.asf.AsfException;
import org.mmsspec.server.asf.AsfFile;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options the streaming benches share: what the server serves, its JVM, and the load generator's threads. */
final class LoadSetup {

    /** Descriptors besides the sockets: the JVM's own jars, pipes and the like. */
    private static final int SPARE_FILES = 200;

    @Option(names = "--media", paramLabel = "FILE.asf", description = "The file to stream. Default: the sample.")
    private Path media;

    @Option(names = "--client-threads", paramLabel = "N", defaultValue = "2",
            description = "Event-loop threads of the load generator. Default: ${DEFAULT-VALUE}.")
    private int clientThreads;

    @Option(names = "--server-jvm-option", paramLabel = "OPT", description = "A JVM option of the server process "
            + "(-XX:StartFlightRecording=..., -Xmx256m, say); repeatable.")
    private List<String> serverJvm = new ArrayList<>();

    /**
     * The file to stream, once this process is known to have the descriptors for {@code sessions} sockets (the
     * server, a child, has the same limit); null, after one line on the command's error stream saying why, when the
     * bench cannot run.
     */
    AsfFile prepare(CommandSpec spec, int sessions) {
        String why;
        OptionalLong limit = ProcessStats.openFilesLimit(ProcessHandle.current().pid());
        if (limit.isPresent() && limit.getAsLong() < sessions + SPARE_FILES) {
            why = "the open-files limit is " + limit.getAsLong() + ", too low for " + sessions + " sessions: raise it "
                    + "to " + (sessions + SPARE_FILES) + " or more (ulimit -n) and run again";
        } else {
            try {
                return media == null ? AsfFile.sample() : AsfFile.read(media);
            } catch (IOException | AsfException e) {
                why = "--media: " + e;
            }
        }
        spec.commandLine().getErr().println("bench " + spec.name() + ": " + why);
        spec.commandLine().getErr().flush();
        return null;
    }

    ServeProcess serve(boolean fast) throws IOException, InterruptedException {
        return ServeProcess.start(media, fast, serverJvm);
    }

    MmstLoad load(CommandSpec spec) {
        return new MmstLoad(FuzzBench.positive(spec, "--client-threads", clientThreads));
    }
}
