package io.webprobe.crawl;

import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Collects a crawl's events from the worker threads; when attached to the crawl's store, it
 * also reads back the stored rows and broken links when the crawl finishes (before
 * {@link #awaitFinish()} returns), as exports do.
 */
final class RecordingCrawlListener implements CrawlListener {
    final ConcurrentLinkedQueue<CrawlResult> results = new ConcurrentLinkedQueue<>();
    /** The broken links as stored (filled at the end). */
    final ConcurrentLinkedQueue<BrokenLink> broken = new ConcurrentLinkedQueue<>();
    final CompletableFuture<CrawlSummary> finished = new CompletableFuture<>();
    final ConcurrentLinkedQueue<String> eventsAfterFinish = new ConcurrentLinkedQueue<>();
    private volatile CrawlStore store;
    private volatile List<CrawlResult> stored = List.of();
    private volatile CrawlReader.Counts storedCounts;
    private volatile java.util.Map<String, RedirectChains.Summary> chains = java.util.Map.of();

    /** Reads the results and broken links back from this store when the crawl finishes. */
    void attach(CrawlStore s) {
        store = s;
    }

    @Override
    public void onResult(CrawlResult result) {
        if (finished.isDone()) {
            eventsAfterFinish.add(result.url());
        }
        results.add(result);
    }

    @Override
    public void onFinished(CrawlSummary summary) {
        CrawlStore s = store;
        if (s != null) {
            try (CrawlReader reader = s.reader()) {
                stored = reader.results();
                broken.addAll(reader.brokenLinks());
                storedCounts = reader.counts();
                chains = reader.redirectChains();
            } catch (StoreException e) {
                finished.completeExceptionally(e);
                return;
            }
        }
        if (!finished.complete(summary)) {
            eventsAfterFinish.add("second onFinished");
        }
    }

    CrawlSummary awaitFinish() throws Exception {
        return finished.get(30, TimeUnit.SECONDS);
    }

    /** The results as the listener saw them, live (inlinks as known at that moment). */
    List<CrawlResult> results() {
        return List.copyOf(results);
    }

    /** The stored crawl's counts, as a workspace opening it counts (filled at the end). */
    CrawlReader.Counts storedCounts() {
        return storedCounts;
    }

    /** The redirect chain of every stored URL that redirects, as the pages CSV reads them. */
    java.util.Map<String, RedirectChains.Summary> chains() {
        return chains;
    }

    /** The results as stored, in completion order, with their final inlink counts. */
    List<CrawlResult> stored() {
        return stored;
    }
}
