package org.mmsspec.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mmsspec} command. Each tool is a subcommand; this class only holds what they share (standard input, so
 * that tests can supply their own).
 */
@Command(name = "mmsspec", mixinStandardHelpOptions = true, versionProvider = Mmsspec.Version.class,
        description = "Conformance tools for MS-MMSP and MMSH (MS-WMSP).",
        subcommands = {DecodeCommand.class})
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
        return new CommandLine(new Mmsspec(stdin)).setCaseInsensitiveEnumValuesAllowed(true);
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
