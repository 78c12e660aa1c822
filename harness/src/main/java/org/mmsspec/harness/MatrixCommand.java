package org.mmsspec.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mmsspec.harness.conformance.PeerMatrix;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mmsspec matrix --out matrix.html ffmpeg=ffmpeg/report.json vlc=vlc/report.json}: peers side by side. */
@Command(name = "matrix", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Mmsspec.Version.class,
        description = "Put the verdicts of several reports side by side: cases as rows, peers as columns, one "
                + "self-contained HTML page.")
final class MatrixCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = PeerMatrix.FILE,
            description = "The page to write. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Parameters(arity = "1..*", paramLabel = "NAME=REPORT", description = "A peer's name and its report.json, "
            + "one per column.")
    private List<String> reports;

    @Override
    public Integer call() throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (String r : reports) {
            int eq = r.indexOf('=');
            if (eq <= 0 || eq == r.length() - 1) {
                spec.commandLine().getErr().println("mmsspec matrix: give NAME=REPORT, not '" + r + "'");
                return ServerCommand.UNUSABLE;
            }
            if (byName.put(r.substring(0, eq), Path.of(r.substring(eq + 1))) != null) {
                spec.commandLine().getErr().println("mmsspec matrix: two columns are named " + r.substring(0, eq));
                return ServerCommand.UNUSABLE;
            }
        }
        PeerMatrix matrix;
        try {
            matrix = PeerMatrix.read(byName);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            spec.commandLine().getErr().println("mmsspec matrix: " + e.getMessage());
            return ServerCommand.UNUSABLE;
        }
        Path file = matrix.write(out);
        spec.commandLine().getOut().println("matrix: " + matrix.rows().size() + " cases, "
                + matrix.peers().size() + " peers: " + file);
        return 0;
    }
}
