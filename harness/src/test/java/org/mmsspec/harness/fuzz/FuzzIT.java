package org.mmsspec.harness.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.mmsspec.harness.Mmsspec;

/**
 * A fuzzing campaign as {@code mvn verify -Dfuzz=10m} runs it: against {@code -Dtarget=HOST:PORT}, against the client
 * of {@code -Dclient="COMMAND {url}"}, or against the embedded reference server when neither is given. The build fails
 * when the campaign finds anything; the findings, stats.json and the campaign state are in {@code -Dfuzz.out}
 * (default target/mmsspec-fuzz), where {@code -Dfuzz.resume=true} goes on with them (without it, a campaign left
 * there is moved aside, its name suffixed with the time). Also {@code -Dfuzz.seed}, {@code fuzz.jobs},
 * {@code fuzz.shard}, {@code fuzz.timeout}, {@code fuzz.path}, {@code fuzz.target-cmd}, and for a client
 * {@code client.scheme} and {@code client.user}.
 */
@EnabledIfSystemProperty(named = "fuzz", matches = ".+", disabledReason = "give -Dfuzz=DURATION (30s, 10m, 2h)")
class FuzzIT {

    @Test
    void campaign() throws Exception {
        List<String> args = new ArrayList<>(List.of("fuzz"));
        String target = System.getProperty("target");
        String client = System.getProperty("client");
        args.add(client != null ? "client" : "server");
        if (client == null) {
            args.add(target != null ? target : "--embedded");
            option(args, "--target-cmd", "fuzz.target-cmd");
        } else {
            option(args, "--scheme", "client.scheme");
            option(args, "--user", "client.user");
        }
        Path out = Path.of(System.getProperty("fuzz.out", "target/mmsspec-fuzz"));
        args.addAll(List.of("--duration", System.getProperty("fuzz"), "--out", out.toString(), "--quiet"));
        option(args, "--seed", "fuzz.seed");
        option(args, "--jobs", "fuzz.jobs");
        option(args, "--shard", "fuzz.shard");
        option(args, "--timeout", "fuzz.timeout");
        option(args, "--path", "fuzz.path");
        if (Boolean.getBoolean("fuzz.resume")) {
            args.add("--resume");
        } else if (Files.exists(out)) {
            // a second mvn verify starts a new campaign; the last one's findings stay where they were, renamed
            Path kept = out.resolveSibling(out.getFileName() + "-" + java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(out, kept);
            System.out.println("mmsspec fuzz: the previous campaign is now in " + kept);
        }
        if (client != null) {
            args.add("--");
            args.add(client);
        }
        StringWriter text = new StringWriter();
        int code = Mmsspec.commandLine(System.in).setOut(new PrintWriter(text)).setErr(new PrintWriter(text))
                .execute(args.toArray(String[]::new));
        System.out.println("mmsspec " + String.join(" ", args) + "\n" + text);

        assertThat(code).as("mmsspec fuzz could not run the campaign:\n" + text).isNotEqualTo(2).isNotEqualTo(3);
        assertThat(findings(out)).as("the campaign found these (replay one with: java -jar "
                + "harness/target/mmsspec.jar replay FILE):\n" + text).isEmpty();
    }

    private static void option(List<String> args, String flag, String property) {
        String v = System.getProperty(property);
        if (v != null && !v.isBlank()) {
            args.add(flag);
            args.add(v);
        }
    }

    private static List<Path> findings(Path out) throws java.io.IOException {
        return ReproducerFile.list(out.resolve("findings"));
    }
}
