package org.mmsspec.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM on this one's class path, as a user starts {@code java -jar mmsspec.jar}: the benches that measure a
 * whole process (its wall time, its CPU, its memory) run the tool in one of these.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /** {@code java [jvmOptions] -cp CLASSPATH mainClass args}. */
    static List<String> of(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmOptions);
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(mainClass);
        c.addAll(args);
        return c;
    }

    /** The {@code mmsspec} command line with these arguments. */
    static List<String> mmsspec(List<String> jvmOptions, List<String> args) {
        return of(jvmOptions, "org.mmsspec.harness.Mmsspec", args);
    }
}
