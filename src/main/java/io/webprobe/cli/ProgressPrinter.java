package io.webprobe.cli;

import io.webprobe.NamedThreads;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress on stderr from its own thread ({@code cli-progress-1}): one line rewritten in place
 * four times a second when stderr is a terminal (run.sh tells us with
 * {@code -Dwebprobe.stderrTerminal=true}), otherwise a new line every 5 s, none when quiet.
 */
final class ProgressPrinter implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final NamedThreads.Joinable thread = NamedThreads.joinable("cli-progress-");
    private final PrintWriter err;
    private final boolean terminal;
    private final Supplier<String> line;

    ProgressPrinter(PrintWriter err, boolean quiet, Supplier<String> line) {
        this.err = err;
        this.line = line;
        this.terminal = Boolean.getBoolean("webprobe.stderrTerminal");
        if (quiet) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(thread);
        long period = terminal ? 250 : 5000;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
    }

    private void print() {
        String text = line.get();
        if (terminal) {
            err.print("\r\033[K" + text);
        } else {
            err.println(text);
        }
        err.flush();
    }

    @Override
    public void close() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        timer.shutdownNow();
        try {
            // a line being printed ends before the summary (and before the clearing below)
            thread.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
