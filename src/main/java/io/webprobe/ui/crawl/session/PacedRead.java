package io.webprobe.ui.crawl.session;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A read repeated while a crawl runs (counts, charts, broken links), paced so it never takes
 * more than about a third of its lane: at most one at a time, and the next one starts no
 * sooner than twice as long as the last one took after it, nor sooner than half a second. {@link #request()} on every tick asks for a fresh result when due;
 * {@link #now()} asks for one as soon as the lane is free (the crawl ended, a row was
 * re-checked). FX thread only.
 *
 * @param <T> the result
 */
public final class PacedRead<T> {
    /** The lane rests this many times as long as the last read took: a third of it at most. */
    static final int IDLE_FACTOR = 2;
    /** And rests at least this long between two reads asked for by ticks (ns). */
    static final long MIN_GAP_NANOS = 500_000_000L;

    private final String kind;
    private final java.util.function.Supplier<ReaderLane.Read<T>> read;
    private final Consumer<? super T> apply;
    private final Consumer<String> onError;
    private final LongSupplier nanoTime;
    private ReaderLane lane;
    private boolean inFlight;
    /** A tick asked while a read ran or before the last one was paid for. */
    private boolean pending;
    /** {@link #now()} asked while a read ran: the next one starts as soon as it ends. */
    private boolean urgent;
    private long lastTook;
    private long lastDone;
    private int generation;

    /**
     * @param kind names the read on its lane (a newer one waiting replaces an older)
     * @param read makes each read, on the FX thread when it starts (so it may capture state)
     * @param apply takes the result on the FX thread
     */
    public PacedRead(String kind, java.util.function.Supplier<ReaderLane.Read<T>> read, Consumer<? super T> apply,
            Consumer<String> onError, LongSupplier nanoTime) {
        this.kind = kind;
        this.read = read;
        this.apply = apply;
        this.onError = onError;
        this.nanoTime = nanoTime;
    }

    /** Reads from this lane from now on (null: stops); a result of the last lane is dropped. */
    public void setLane(ReaderLane l) {
        lane = l;
        generation++;
        inFlight = false;
        pending = false;
        urgent = false;
        lastTook = 0;
    }

    /** A tick: reads again when the last read is done and paid for. */
    public void request() {
        if (lane == null) {
            return;
        }
        if (inFlight || nanoTime.getAsLong() - lastDone < Math.max(MIN_GAP_NANOS,
                IDLE_FACTOR * lastTook)) {
            pending = true;
            return;
        }
        start();
    }

    /** Reads again as soon as the current read (if any) is done. */
    public void now() {
        if (lane == null) {
            return;
        }
        if (inFlight) {
            urgent = true;
            return;
        }
        start();
    }

    /** Whether a read is running, or asked for to run as soon as the lane is free. */
    public boolean busy() {
        return inFlight || urgent;
    }

    private void start() {
        int gen = generation;
        long t0 = nanoTime.getAsLong();
        inFlight = true;
        pending = false;
        urgent = false;
        lane.submitLatest(kind, read.get(), result -> {
            if (gen != generation) {
                return;
            }
            done(t0);
            boolean again = urgent;
            apply.accept(result);
            if (again) {
                start();
            } else if (pending) {
                request();
            }
        }, message -> {
            if (gen != generation) {
                return;
            }
            done(t0);
            urgent = false;
            onError.accept(message);
        });
    }

    private void done(long t0) {
        inFlight = false;
        lastDone = nanoTime.getAsLong();
        lastTook = lastDone - t0;
    }
}
