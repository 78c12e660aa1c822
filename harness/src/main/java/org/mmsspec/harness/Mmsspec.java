package org.mmsspec.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.mmsspec.harness.fuzz.ReplayCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmsspec} command. Each tool is a subcommand; this class only holds what they share (standard input, so
 * that tests can supply their own).
 */
@Command(name = "mmsspec", mixinStandardHelpOptions = true, versionProvider = Mmsspec.Version.class,
        description = "Conformance tools for MS-MMSP and MMSH (MS-WMSP).",
        subcommands = {DecodeCommand.class, ServeCommand.class, ServerCommand.class, ClientCommand.class,
            MatrixCommand.class, FuzzCommand.class, ReplayCommand.class})
public final class Mmsspec {

    private final InputStream stdin;

    public Mmsspec(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    /** The command line as {@code main} runs it, reading {@code stdin} where a file argument is {@code -}. */
    public static CommandLine commandLine(InputStream stdin) {
        CommandLine cl = new CommandLine(new Mmsspec(stdin)).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Mmsspec::internalError);
        // the client's own options (ffmpeg -i ...) are its, not ours, from its first word on
        cl.getSubcommands().get("client").setStopAtPositional(true);
        cl.getSubcommands().get("fuzz").getSubcommands().get("client").setStopAtPositional(true);
        return cl;
    }

    /**
     * A bug of ours, not bad input (bad input has its own messages and exit 2): one line, exit 3, and the trace only
     * where {@code MMSSPEC_DEBUG} is set.
     */
    private static int internalError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        cl.getErr().println("mmsspec " + cl.getCommandName() + ": internal error: " + e
                + " (please report it; set MMSSPEC_DEBUG=1 for the stack trace)");
        if (System.getenv("MMSSPEC_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        }
        return 3;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.in).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Mmsspec.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"mmsspec " + p.getProperty("version", "unknown")};
        }
    }
}
