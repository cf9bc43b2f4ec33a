package io.webprobe.store;

/**
 * The crawl file made for a new crawl of the desktop app ({@link CrawlFiles#createNew}).
 *
 * @param store the crawl file, open to write
 * @param notKept null when it is in the crawls folder; else the sentence saying that the
 *     folder cannot take crawl files, why, and that this crawl is in a temporary file, deleted
 *     when it is closed
 */
public record NewCrawlFile(CrawlStore store, String notKept) {
    /** A crawl file in the crawls folder, kept. */
    public static NewCrawlFile kept(CrawlStore store) {
        return new NewCrawlFile(store, null);
    }
}
