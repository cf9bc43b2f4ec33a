package io.webprobe.ui.crawl;

/** What Start does: crawl a site from a start URL, or check a list of URLs once each. */
public enum CrawlMode {
    /** Follow links from the start URL. */
    SPIDER,
    /** Fetch each URL of a list once, following redirects, not links. */
    LIST
}
