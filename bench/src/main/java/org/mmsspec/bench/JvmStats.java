package org.mmsspec.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What another JVM holds on its heap, asked through the JDK's jcmd: no JMX port, no agent in the process measured. */
final class JvmStats {

    private static final long JCMD_LIMIT_S = 60;
    /** The histogram's last line: instances and bytes of every live object. */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private JvmStats() {
    }

    static Path jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    static boolean available() {
        return Files.isExecutable(jcmd());
    }

    /**
     * Bytes of the objects alive in JVM {@code pid}: GC.class_histogram runs a full GC first, so this is the heap
     * used after a full GC, garbage excluded.
     */
    static long liveHeapBytes(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(jcmd().toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(JCMD_LIMIT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram still running after " + JCMD_LIMIT_S + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        Matcher m = TOTAL.matcher(text);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IOException("jcmd " + pid + " GC.class_histogram exited " + p.exitValue() + ": "
                    + text.lines().limit(3).toList());
        }
        return Long.parseLong(m.group(2));
    }
}
