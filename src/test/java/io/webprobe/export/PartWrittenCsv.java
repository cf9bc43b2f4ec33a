package io.webprobe.export;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child process for {@link AtomicCsvFileTest}: starts writing a CSV file (args[0]), says
 * "writing" on standard output, then waits to be ended, as an export interrupted by Ctrl-C.
 */
public final class PartWrittenCsv {
    private PartWrittenCsv() {}

    public static void main(String[] args) throws Exception {
        AtomicCsvFile f = AtomicCsvFile.create(Path.of(args[0]), new String[] {"url"}, false);
        f.write(new String[] {"http://127.0.0.1/"});
        System.out.println("writing");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
