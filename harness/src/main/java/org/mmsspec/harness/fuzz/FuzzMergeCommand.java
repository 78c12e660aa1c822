package org.mmsspec.harness.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmsspec fuzz merge}: one output directory from the output directories of a campaign's shards. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge the output directories of a campaign's shards (--shard K/N): each finding once, the "
                + "smaller transcript where shards found the same, and stats.json summed.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:merged",
            "2:a directory or a file in it could not be read, OUT already holds a campaign, or the seeds differ "
                    + "(without --force)"})
public final class FuzzMergeCommand implements Callable<Integer> {

    static final int UNUSABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The merged directory (new, or empty).")
    private Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "The shards' output directories.")
    private List<Path> dirs;

    @Option(names = "--force", description = "Merge directories of different seeds (different campaigns) as well.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CampaignMerge.MergeResult m;
        try {
            m = CampaignMerge.merge(out, dirs, force);
        } catch (IOException | IllegalArgumentException e) {
            err.println("mmsspec fuzz merge: " + e.getMessage());
            return UNUSABLE;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("merged %d directories into %s: %d sessions, %d findings (%d duplicates left out)%n",
                m.directories(), out, m.sessions(), m.findings(), m.duplicates());
        o.flush();
        return 0;
    }
}
