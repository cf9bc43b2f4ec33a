package io.webprobe.testsupport;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One thread ("fake-fx") standing in for the JavaFX thread in toolkit-free view-model tests:
 * the view model posts to it as it would to {@code Platform::runLater}, and the test reads and
 * acts through {@link #on} so every property is touched on one thread.
 */
public final class FakeFxThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-fx");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs on the fake FX thread and returns the result (waits at most 10 s). */
    public <T> T on(Callable<T> action) throws Exception {
        return thread.submit(action).get(10, TimeUnit.SECONDS);
    }

    /** Runs on the fake FX thread and waits for it (at most 10 s). */
    public void on(Runnable action) throws Exception {
        thread.submit(action).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
