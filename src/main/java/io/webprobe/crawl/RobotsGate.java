package io.webprobe.crawl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Asks robots.txt before a URL of the site is fetched, and hands each host's Crawl-delay
 * (capped) to the frontier the first time the host is seen. URLs of other hosts are checked,
 * not crawled, so robots.txt is not asked for them. Thread-safe.
 */
final class RobotsGate {
    /** Receives a host's least gap between starts. */
    interface HostGaps {
        void setHostGap(String hostKey, long nanos);
    }

    private final RobotsRules robots;
    private final boolean obey;
    private final long maxCrawlDelayMillis;
    private final HostGaps gaps;
    /** Hosts whose Crawl-delay has been handed to the frontier. */
    private final Set<String> delaysSet = ConcurrentHashMap.newKeySet();

    RobotsGate(RobotsRules robots, boolean obey, long maxCrawlDelayMillis, HostGaps gaps) {
        this.robots = robots;
        this.obey = obey;
        this.maxCrawlDelayMillis = maxCrawlDelayMillis;
        this.gaps = gaps;
    }

    /**
     * Why robots.txt forbids fetching this URL, or null (always null for other hosts, or when
     * robots.txt is not obeyed).
     *
     * @throws InterruptedException when the crawl is stopped while robots.txt is fetched
     */
    String blockReason(QueueItem item) throws InterruptedException {
        if (item.external || !obey) {
            return null;
        }
        RobotsRules.HostRules rules = robots.rulesFor(item.uri());
        if (delaysSet.add(item.hostKey)) {
            long delayMillis = rules.rules().getCrawlDelay();
            if (delayMillis > 0 && maxCrawlDelayMillis > 0) {
                gaps.setHostGap(item.hostKey,
                        TimeUnit.MILLISECONDS.toNanos(Math.min(delayMillis, maxCrawlDelayMillis)));
            }
        }
        // the URI form: what a URI cannot hold raw (| ^ a stray "%") percent-encoded, as RFC
        // 9309 compares paths; crawler-commons let the raw /x|y through "Disallow: /x|y"
        return rules.rules().isAllowed(item.uri().toString()) ? null : rules.disallowReason();
    }
}
