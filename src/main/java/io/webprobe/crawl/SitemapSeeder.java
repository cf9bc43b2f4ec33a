package io.webprobe.crawl;

import io.webprobe.http.HttpProbe;
import io.webprobe.http.WebUrl;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the site's sitemaps once (the robots.txt Sitemap lines, else /sitemap.xml) and takes
 * their URLs on: new ones are queued, known ones marked as listed (for the orphan report).
 * Runs on the worker that finished the site's first page, before that worker calls
 * {@code done}, so the crawl cannot end while the sitemaps are read.
 */
final class SitemapSeeder {
    private final RobotsRules robots;
    private final SitemapReader reader;
    private final LinkGraph graph;
    private final int maxUrls;

    SitemapSeeder(RobotsRules robots, HttpProbe probe, Duration timeout, LinkGraph graph,
            int maxPages) {
        this.robots = robots;
        this.reader = new SitemapReader(probe, timeout);
        this.graph = graph;
        this.maxUrls = Math.min(maxPages, 1_000_000);
    }

    /** The sitemaps' new URLs, to queue. */
    List<QueueItem> seed(URI site) throws InterruptedException {
        List<String> maps = new ArrayList<>(robots.rulesFor(site).rules().getSitemaps());
        boolean named = !maps.isEmpty();
        if (maps.isEmpty()) {
            maps.add(SitemapReader.defaultFor(site));
        }
        List<WebUrl> listed = reader.read(maps, maxUrls, named);
        return graph.sitemapUrls(listed);
    }

    /** Plain sentences about sitemaps that could not be read. */
    List<String> problems() {
        return reader.problems();
    }
}
