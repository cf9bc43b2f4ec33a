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

    private final Factory factory;
    private final Executor background;
    private final Executor fx;

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
        CrawlStore store = crawl.store();
        if (store.readOnly()) {
            done.accept(store.file().getFileName() + " is open read-only, so its URLs cannot "
                    + "be re-checked.");
            return;
        }
        crawl.tableLane().call(q -> q.urls().rows(ids)).whenCompleteAsync((rows, failure) -> {
            if (failure != null) {
                fx.execute(() -> done.accept(failure.getMessage()));
                return;
            }
            List<CrawlResult> results = new ArrayList<>();
            try (Recheck r = factory.recheck(store, Clock.systemUTC())) {
                for (UrlQuery.Row row : rows) {
                    CrawlResult old = row.result();
                    results.add(r.run(new Recheck.Target(row.id(), old.url(), old.depth(),
                            old.referrer(), old.external())));
                }
                store.sink().flush().get(r.timeout().toMillis(), TimeUnit.MILLISECONDS);
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
            String text = results.size() == 1
                    ? "Re-checked " + results.get(0).url() + ": " + answer(results.get(0)) + "."
                    : String.format(Locale.ROOT, "Re-checked %,d URLs.", results.size());
            fx.execute(() -> {
                changed.run();
                done.accept(text);
            });
        }, background);
    }

    private static String answer(CrawlResult r) {
        String s = r.statusText();
        return s.isEmpty() ? "no answer" : s;
    }
}
