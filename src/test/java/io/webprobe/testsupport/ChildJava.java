package io.webprobe.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line that runs Webprobe's code in a child JVM as run.sh runs it: this
 * JDK's java with run.sh's own JVM options (its jvm_options but the heap cap, which each test
 * sets). C1 only, as there (ADR 0009): a child's start-up took a third less CPU, which counts
 * on two cores shared by the suite's forks.
 */
public final class ChildJava {
    private ChildJava() {
    }

    /** The running JVM's own java binary. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@link #java()} and run.sh's options, to add the test's own and the class to. */
    public static List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1"));
        // JDK 24+ warns about JavaFX's use of sun.misc.Unsafe; the flag does not exist before 23
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        return cmd;
    }
}
