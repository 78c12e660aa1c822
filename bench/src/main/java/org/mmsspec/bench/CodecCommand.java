package org.mmsspec.bench;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench codec}: figure 1, {@link CodecBench} under JMH, and the ratio of Data-packet framing to a plain copy of
 * the same bytes, both measured in the same run.
 */
@Command(name = "codec", sortOptions = false, description = "Run CodecBench under JMH (one fork) and print each "
        + "score; last, 'decode_ops_s=X encode_ops_s=X frame_bytes_s=X copy_bytes_s=X frame_copy_ratio=R'. For other "
        + "JMH options run: java -cp mmsspec-bench.jar org.openjdk.jmh.Main CodecBench ...")
final class CodecCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "3",
            description = "Warm-up iterations of each benchmark. Default: ${DEFAULT-VALUE}.")
    private int warmups;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Measured iterations of each benchmark. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--time", paramLabel = "SECONDS", defaultValue = "2",
            description = "Length of one iteration. Default: ${DEFAULT-VALUE}.")
    private int seconds;

    @Override
    public Integer call() throws RunnerException {
        PrintWriter out = spec.commandLine().getOut();
        Options options = new OptionsBuilder().include(CodecBench.class.getName() + "\\.").forks(1)
                .warmupIterations(warmups).measurementIterations(iterations)
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds)).build();
        Collection<RunResult> results = new Runner(options).run();
        double decode = score(results, "decodeCommandPacket");
        double encode = score(results, "encodeCommandPacket");
        double frame = score(results, "frameStream");
        double copy = score(results, "copyStream");
        out.println(new Figures().put("decode_ops_s", decode, 0).put("encode_ops_s", encode, 0)
                .put("frame_bytes_s", frame, 0).put("copy_bytes_s", copy, 0).put("frame_copy_ratio", frame / copy, 2));
        out.flush();
        return 0;
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH ran no " + method))
                .getPrimaryResult().getScore();
    }
}
