package io.webprobe.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Named pipes (FIFOs) for tests of files that are none: a test is skipped where there is none. */
public final class NamedPipes {
    private NamedPipes() {}

    /** Makes a named pipe at {@code file} with {@code mkfifo}, or aborts the test. */
    public static Path make(Path file) throws InterruptedException {
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", file.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here");
            return file;
        }
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed");
        return file;
    }
}
