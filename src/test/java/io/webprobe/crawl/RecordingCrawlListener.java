package io.webprobe.crawl;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** Collects a crawl's events from the worker threads. */
final class RecordingCrawlListener implements CrawlListener {
    final ConcurrentLinkedQueue<CrawlResult> results = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<BrokenLink> broken = new ConcurrentLinkedQueue<>();
    final CompletableFuture<CrawlSummary> finished = new CompletableFuture<>();
    final ConcurrentLinkedQueue<String> eventsAfterFinish = new ConcurrentLinkedQueue<>();

    @Override
    public void onResult(CrawlResult result) {
        if (finished.isDone()) {
            eventsAfterFinish.add(result.url());
        }
        results.add(result);
    }

    @Override
    public void onBrokenLink(BrokenLink link) {
        broken.add(link);
    }

    @Override
    public void onFinished(CrawlSummary summary) {
        if (!finished.complete(summary)) {
            eventsAfterFinish.add("second onFinished");
        }
    }

    CrawlSummary awaitFinish() throws Exception {
        return finished.get(30, TimeUnit.SECONDS);
    }

    List<CrawlResult> results() {
        return List.copyOf(results);
    }
}
