package io.webprobe.crawl;

import java.time.Duration;

/**
 * What one worker of a running crawl is fetching now.
 *
 * @param worker the worker thread's name ({@code crawl-worker-3})
 * @param url the URL
 * @param startNanos when the fetch began, on the job's ticker
 * @param running how long it has been running
 */
public record ActiveFetch(String worker, String url, long startNanos, Duration running) {}
