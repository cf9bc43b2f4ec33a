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
 * <p>It also notices that the process holding the file for writing is gone (killed, or it
 * closed the file): a killed one commits nothing more, so the version alone never says so,
 * and the window went on saying "running in another Webprobe" over the counts of its last
 * commit. While the file is held, each check also reads its lock row (two rows of its meta
 * table); once no live process holds it, the change is handed over as {@link
 * Change#released}: the window then reads through new readers, which count the inlinks a
 * killed writer had not written, and the version is read again through this lane's.
 *
 * <p>The first version is read before anything else is asked of the lane, so no change made
 * after the window's first reads is missed. A check is skipped while the window is still
 * reading ({@code busy}): a crawl running elsewhere is followed at the pace the window reads.
 * FX thread only, but for the timer.
 */
public final class ChangeWatch implements AutoCloseable {
    /**
     * What another Webprobe did to the file.
     *
     * @param info what the file now says about its crawl
     * @param held whether a running process holds it for writing now
     * @param released whether one held it at the last check and none does now (it was killed,
     *     or closed the file)
     */
    public record Change(CrawlInfo info, boolean held, boolean released) {}

    /** What a check read: the info only when something changed. */
    private record Seen(long version, boolean held, CrawlInfo info) {}

    private final ReaderLane lane;
    private final Executor fx;
    private final BooleanSupplier busy;
    private final Consumer<Change> changed;
    private final ScheduledFuture<?> timer;
    private long version = -1;
    /** Whether a running process held the file for writing at the last check. */
    private boolean held;
    private boolean checking;
    private boolean closed;

    /**
     * Starts watching: the first version is read at once.
     *
     * @param held whether a running process held the file for writing when it was opened
     *     (a crawl running elsewhere): if it is gone by the first check, that is a release
     * @param busy whether the window is still reading the file (no check then)
     * @param changed takes what the file says about its crawl once another Webprobe changed it
     *     (on the FX thread); given a {@link Change#released} one, it renews the lanes' readers
     *     ({@link OpenCrawl#renewReaders}) before it returns
     */
    public ChangeWatch(ReaderLane lane, ScheduledExecutorService timer, Executor fx,
            Duration every, boolean held, BooleanSupplier busy, Consumer<Change> changed) {
        this.lane = lane;
        this.held = held;
        this.fx = fx;
        this.busy = busy;
        this.changed = changed;
        readVersion();
        long ms = Math.max(1, every.toMillis());
        this.timer = timer.scheduleWithFixedDelay(() -> fx.execute(this::check), ms, ms,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the version (and who holds the file) before anything else asked of the lane. A
     * holder known before and gone now is not forgotten: the next check says it was released.
     */
    private void readVersion() {
        checking = true;
        lane.submit(q -> new Seen(q.urls().dataVersion(), q.reader().heldNow(), null), seen -> {
            checking = false;
            version = seen.version();
            held = held || seen.held();
        }, message -> checking = false);
    }

    private void check() {
        if (closed || checking || version < 0 || busy.getAsBoolean()) {
            return;
        }
        checking = true;
        long last = version;
        boolean wasHeld = held;
        lane.submit(q -> {
            long v = q.urls().dataVersion();
            if (v == last && !wasHeld) {
                return new Seen(v, false, null);
            }
            boolean now = q.reader().heldNow();
            boolean released = wasHeld && !now;
            return new Seen(v, now, v == last && !released ? null : q.reader().infoNow());
        }, seen -> {
            checking = false;
            if (closed || seen.info() == null) {
                return;
            }
            boolean released = held && !seen.held();
            version = seen.version();
            held = seen.held();
            changed.accept(new Change(seen.info(), seen.held(), released));
            if (released && !closed) {
                // the readers were renewed (changed's work, OpenCrawl.renewReaders): the
                // version is read again through this lane's new one (each connection counts
                // its own)
                version = -1;
                readVersion();
            }
        }, message -> checking = false);
    }

    /** Stops watching; a check under way is dropped. */
    @Override
    public void close() {
        closed = true;
        timer.cancel(false);
    }
}
