package io.webprobe.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C stops the job and then waits (up to 20 s) until this is closed, so the
 * command can still write its CSV files and summary with what was measured before the JVM
 * exits. The hook runs on its own thread ({@code cli-interrupt}).
 */
final class CtrlC implements AutoCloseable {
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    CtrlC(Runnable stopJob) {
        hook = new Thread(() -> {
            stopJob.run();
            try {
                reported.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cli-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The report is written: let an interrupted JVM exit, or drop the hook. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C was pressed: the hook is running and has just been released
        }
    }
}
