package org.mmsspec.harness;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mmsspec.codec.DecodeOptions;
import org.mmsspec.codec.Direction;
import org.mmsspec.codec.MalformedInputException;
import org.mmsspec.codec.Profile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mmsspec decode}: frames a captured byte stream and prints one JSON object per line for every unit (every
 * message of a command packet), with the violations found in it.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Decode a captured stream and print one JSON object per unit (per message of a command packet).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every unit decoded (and, with --strict, no violation)",
            "1:a unit could not be decoded, or --strict and a violation was printed",
            "2:the input could not be read or the stream could not be framed"})
final class DecodeCommand implements Callable<Integer> {

    static final int NONCONFORMING = 1;
    static final int UNREADABLE = 2;

    @ParentCommand
    private Mmsspec parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--hex", description = "The file is hex text; whitespace and #-comments are ignored.")
    private boolean hex;

    @Option(names = "--direction", paramLabel = "c2s|s2c", converter = DirectionConverter.class,
            description = "Who sent the stream; every MID is judged against it. Default: not judged.")
    private Direction direction;

    @Option(names = "--strict", description = "Exit with status 1 if any violation is printed.")
    private boolean strict;

    @Option(names = "--profile", paramLabel = "deployed|literal", defaultValue = "deployed",
            description = "How errata are judged: as deployed peers behave, or by the spec's words. Default: ${DEFAULT-VALUE}.")
    private Profile profile;

    @Option(names = "--max-message-size", paramLabel = "N",
            description = "Largest unit accepted, in bytes. Default: ${DEFAULT-VALUE}.")
    private int maxMessageSize = DecodeOptions.DEFAULT_MAX_MESSAGE_SIZE;

    @Option(names = "--kind", paramLabel = "mmsp|mmsh|resend", defaultValue = "mmsp",
            description = "What the input carries: mmsp (a TCP stream of command and Data packets), mmsh (an MMSH "
                    + "response, HTTP headers optional), resend (one UDP resend request). Default: ${DEFAULT-VALUE}.")
    private StreamKind kind;

    @Parameters(paramLabel = "FILE", description = "The captured stream; - for standard input.")
    private String file;

    /** Made on first use: picocli builds every subcommand at start-up, and a mapper costs a cold JVM 0.4 s. */
    private ObjectMapper json;

    @Override
    public Integer call() {
        DecodeOptions options;
        try {
            options = new DecodeOptions(strict, profile, maxMessageSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--max-message-size: " + e.getMessage());
        }
        byte[] input;
        try {
            input = read();
        } catch (NoSuchFileException e) {
            return fail("no such file");
        } catch (IOException e) {
            return fail("cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail("not hex: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Tally tally = new Tally();
        try {
            kind.open(direction, options).decode(input, line -> {
                tally.count(line);
                out.println(write(line));
            });
        } catch (MalformedInputException e) {
            out.flush();
            return fail("offset " + e.offset() + ": " + e.section() + " " + e.field() + ": " + Json.reason(e));
        } finally {
            out.flush();
        }
        if (tally.undecodable || strict && tally.violations) {
            return NONCONFORMING;
        }
        return 0;
    }

    private static final class Tally {
        boolean undecodable;
        boolean violations;

        void count(Map<String, Object> line) {
            undecodable |= line.containsKey("error");
            violations |= !((List<?>) line.get("violations")).isEmpty();
        }
    }

    private byte[] read() throws IOException {
        byte[] raw = "-".equals(file) ? parent.stdin().readAllBytes() : Files.readAllBytes(Path.of(file));
        return hex ? parseHex(new String(raw, StandardCharsets.UTF_8)) : raw;
    }

    /** Hex text as the vector tables write it: any whitespace, {@code #} to the end of a line is a comment. */
    static byte[] parseHex(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            digits.append((hash < 0 ? line : line.substring(0, hash)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(digits);
    }

    private String write(Map<String, Object> line) {
        try {
            if (json == null) {
                json = new ObjectMapper();
            }
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a line of plain values cannot fail to serialise", e);
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("mmsspec decode: " + file + ": " + message);
        spec.commandLine().getErr().flush();
        return UNREADABLE;
    }

    static final class DirectionConverter implements picocli.CommandLine.ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            return Direction.parse(value);
        }
    }
}
