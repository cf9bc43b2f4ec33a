package io.webprobe.ui.crawl.actions;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.Recheck;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.store.UrlQuery;
import io.webprobe.ui.crawl.session.OpenCrawl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-check: fetches stored URLs again and updates their rows in the crawl file, off the FX
 * thread: the rows are read on the table lane, fetched on a background thread with
 * {@link Recheck}, written through the file's sink and waited for; then the screen is told
 * (on the FX thread) so it reads them again.
 */
public final class Rechecker {
    private static final Logger log = LoggerFactory.getLogger(Rechecker.class);

    /** Makes a {@link Recheck} for a crawl file (the app wires the HTTP backend). */
    @FunctionalInterface
    public interface Factory {
        Recheck recheck(CrawlStore store, Clock clock) throws StoreException;
    }

    /**
     * New URLs a re-check found: links of the pages it read again to URLs the crawl did not
     * know, stored queued for a resume to fetch.
     *
     * @param now how many this re-check found
     * @param toFetch how many URLs the crawl file has to fetch now (these and any before)
     * @param finished whether its crawl had finished (nothing else was left to fetch)
     */
    public record Found(long now, long toFetch, boolean finished) {}

    /** How often a long re-check says how far it got. */
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    private final Factory factory;
    private final Executor background;
    private final Executor fx;
    /** Set by {@link #stop()}: the re-check running ends after its current URL. */
    private final java.util.concurrent.atomic.AtomicBoolean stopping =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger running =
            new java.util.concurrent.atomic.AtomicInteger();

    public Rechecker(Factory factory, Executor background, Executor fx) {
        this.factory = factory;
        this.background = background;
        this.fx = fx;
    }

    /**
     * Fetches the URLs again.
     *
     * @param done gets a sentence saying what happened (on the FX thread), after
     *     {@code changed} ran when anything was stored
     * @param changed runs on the FX thread once the new rows are in the file
     */
    public void recheck(OpenCrawl crawl, long[] ids, Runnable changed, Consumer<String> done) {
        recheck(crawl, ids, changed, done, said -> { });
    }

    /** Whether a re-check is running (Esc stops it). */
    public boolean running() {
        return running.get() > 0;
    }

    /** Ends the running re-checks after their current URL; what was fetched is kept. */
    public void stop() {
        if (running()) {
            stopping.set(true);
        }
    }

    /**
     * As {@link #recheck(OpenCrawl, long[], Runnable, Consumer)}, saying how far a long one got
     * about four times a second ({@code progress}, on the FX thread).
     */
    public void recheck(OpenCrawl crawl, long[] ids, Runnable changed, Consumer<String> done,
            Consumer<String> progress) {
        recheck(crawl, ids, changed, done, progress, f -> { });
    }

    /**
     * As {@link #recheck(OpenCrawl, long[], Runnable, Consumer, Consumer)}, telling
     * {@code found} (on the FX thread, before {@code done}) when the pages re-checked link to
     * URLs the crawl did not know.
     */
    public void recheck(OpenCrawl crawl, long[] ids, Runnable changed, Consumer<String> done,
            Consumer<String> progress, Consumer<Found> found) {
        recheck(crawl, ids, changed, done, progress, found, "");
    }

    /**
     * As {@link #recheck(OpenCrawl, long[], Runnable, Consumer, Consumer, Consumer)}, with
     * {@code after} ending the sentence of a re-check that fetched (finished or stopped), not
     * one that could not run (" Re-checked without its Authorization header…").
     */
    public void recheck(OpenCrawl crawl, long[] ids, Runnable changed, Consumer<String> done,
            Consumer<String> progress, Consumer<Found> found, String after) {
        CrawlStore store = crawl.store();
        if (store.readOnly()) {
            done.accept(store.file().getFileName() + " is open read-only, so its URLs cannot "
                    + "be re-checked.");
            return;
        }
        running.incrementAndGet();
        crawl.tableLane().call(q -> q.urls().rows(ids)).whenCompleteAsync((rows, failure) -> {
            try {
                run(crawl, rows, failure, changed, done, progress, found, after);
            } finally {
                if (running.decrementAndGet() == 0) {
                    stopping.set(false);
                }
            }
        }, background);
    }

    /** The re-check itself, on the background thread. */
    private void run(OpenCrawl crawl, List<UrlQuery.Row> rows, Throwable failure,
            Runnable changed, Consumer<String> done, Consumer<String> progress,
            Consumer<Found> found, String after) {
        CrawlStore store = crawl.store();
        if (failure != null) {
            fx.execute(() -> done.accept(failure.getMessage()));
            return;
        }
        List<CrawlResult> results = new ArrayList<>();
        boolean stopped = false;
        UrlQuery.Row now = null;
        Found news = null;
        long newUrls = 0;
        try (Recheck r = factory.recheck(store, Clock.systemUTC())) {
            long lastSaid = System.nanoTime();
            for (UrlQuery.Row row : rows) {
                if (stopping.get()) {
                    stopped = true;
                    break;
                }
                CrawlResult old = row.result();
                long id = row.id();
                int hops = !Recheck.Target.asksRedirects(old) ? 0
                        : redirectsInto(crawl, id, r.timeout().toMillis());
                results.add(r.run(Recheck.Target.of(id, old, hops)));
                if (System.nanoTime() - lastSaid >= PROGRESS_EVERY_NANOS) {
                    lastSaid = System.nanoTime();
                    String far = String.format(Locale.ROOT, "Re-checking %,d URLs: %,d done "
                            + "(Esc stops).", rows.size(), results.size());
                    fx.execute(() -> progress.accept(far));
                }
            }
            store.sink().flush().get(r.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!stopped && results.size() == 1) {
                // the row as the table reads it now: a 301 into a loop is a "Redirect loop"
                long id = rows.get(0).id();
                List<UrlQuery.Row> again = crawl.tableLane().call(q -> q.urls().rows(
                        new long[] {id})).get(r.timeout().toMillis(), TimeUnit.MILLISECONDS);
                now = again.isEmpty() ? null : again.get(0);
            }
            newUrls = r.newUrls();
            if (newUrls > 0) {
                news = found(crawl, newUrls, r.timeout().toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            log.warn("Re-check failed", e);
            String why = e instanceof StoreException ? e.getMessage()
                    : e instanceof java.util.concurrent.TimeoutException
                    ? "The re-check's results were not saved in time; try again."
                    : "The re-check failed; the details are in Webprobe's log.";
            fx.execute(() -> done.accept(why));
            return;
        }
        String text = stopped
                ? String.format(Locale.ROOT, "Re-check stopped: %,d of %,d URLs re-checked.",
                        results.size(), rows.size())
                : results.size() == 1
                ? "Re-checked " + results.get(0).url() + ": " + answer(rows.get(0), now,
                        results.get(0)) + "."
                : String.format(Locale.ROOT, "Re-checked %,d URLs.", results.size());
        Found told = news;
        String said = (newUrls == 0 ? text : text + " Found " + io.webprobe.Words.count(
                newUrls, "new URL") + ", not crawled yet.") + after;
        fx.execute(() -> {
            changed.run();
            if (told != null) {
                found.accept(told);
            }
            done.accept(said);
        });
    }

    /**
     * How many redirects led to this URL, as its crawl file counts them; the limit when the
     * file cannot say in time (a busy reader): the URL is then judged as the limit's, as before
     * files were asked, and the re-check goes on rather than failing with a false sentence
     * about results not saved.
     */
    private static int redirectsInto(OpenCrawl crawl, long id, long waitMillis)
            throws InterruptedException {
        try {
            return crawl.tableLane().call(q -> q.reader().redirectsInto(id))
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            log.warn("Could not read how many redirects led to URL {}", id, e);
            return io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        }
    }

    /**
     * What a resume of the crawl would fetch now, and whether it had finished: the file's own
     * word, as a crawl run or resumed in this window left it. Null when the file cannot say
     * (the re-check's rows are stored all the same).
     */
    private static Found found(OpenCrawl crawl, long now, long waitMillis)
            throws InterruptedException {
        try {
            return crawl.tableLane().call(q -> new Found(now, q.reader().toFetch(),
                    q.reader().infoNow().state() == io.webprobe.crawl.CrawlState.FINISHED))
                    .get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            log.warn("Re-check: what is left to fetch could not be read", e);
            return null;
        }
    }

    /**
     * What the row says now, as the table's Status column says it ("Redirect loop", "404"),
     * and whether it is broken still, now, or no longer.
     *
     * @param now the row read again after the re-check, or null when it could not be
     */
    static String answer(UrlQuery.Row before, UrlQuery.Row now, CrawlResult result) {
        String s = now != null ? now.statusText() : result.statusText();
        String status = s.isEmpty() ? "no answer" : s;
        boolean was = before.broken();
        boolean is = now != null ? now.broken() : result.isBroken();
        return status + (was && is ? ", still broken" : is ? ", now broken"
                : was ? ", no longer broken" : "");
    }
}
