package io.webprobe.ui.crawl.session;

import io.webprobe.store.CrawlInfo;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Notices that another Webprobe changed a crawl file this window only reads (it resumed the
 * crawl, finished it, re-checked URLs): every {@code every} it asks SQLite, on a lane, whether
 * another connection committed since ({@code PRAGMA data_version}, a read of no rows), and
 * when one did hands over what the file now says about its crawl, so that the window reads it
 * again rather than showing counts, rows and a state its own export contradicts.
 *
 * <p>The first version is read before anything else is asked of the lane, so no change made
 * after the window's first reads is missed. A check is skipped while the window is still
 * reading ({@code busy}): a crawl running elsewhere is followed at the pace the window reads.
 * FX thread only, but for the timer.
 */
public final class ChangeWatch implements AutoCloseable {
    /** What a check read. */
    private record Seen(long version, CrawlInfo info) {}

    private final ReaderLane lane;
    private final Executor fx;
    private final BooleanSupplier busy;
    private final Consumer<CrawlInfo> changed;
    private final ScheduledFuture<?> timer;
    private long version = -1;
    private boolean checking;
    private boolean closed;

    /**
     * Starts watching: the first version is read at once.
     *
     * @param busy whether the window is still reading the file (no check then)
     * @param changed takes what the file says about its crawl once another Webprobe changed it
     */
    public ChangeWatch(ReaderLane lane, ScheduledExecutorService timer, Executor fx,
            Duration every, BooleanSupplier busy, Consumer<CrawlInfo> changed) {
        this.lane = lane;
        this.fx = fx;
        this.busy = busy;
        this.changed = changed;
        checking = true;
        lane.submit(q -> q.urls().dataVersion(), v -> {
            checking = false;
            version = v;
        }, message -> checking = false);
        long ms = Math.max(1, every.toMillis());
        this.timer = timer.scheduleWithFixedDelay(() -> fx.execute(this::check), ms, ms,
                TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (closed || checking || version < 0 || busy.getAsBoolean()) {
            return;
        }
        checking = true;
        lane.submit(q -> {
            long v = q.urls().dataVersion();
            return new Seen(v, v == version ? null : q.reader().infoNow());
        }, seen -> {
            checking = false;
            if (closed || seen.version() == version) {
                return;
            }
            version = seen.version();
            changed.accept(seen.info());
        }, message -> checking = false);
    }

    /** Stops watching; a check under way is dropped. */
    @Override
    public void close() {
        closed = true;
        timer.cancel(false);
    }
}
