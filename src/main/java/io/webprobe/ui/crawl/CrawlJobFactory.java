package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;

/** Makes crawl jobs; the app wires the real HTTP backend in, tests may wire another. */
@FunctionalInterface
public interface CrawlJobFactory {
    CrawlJob create(CrawlPlan plan, CrawlListener listener);
}
