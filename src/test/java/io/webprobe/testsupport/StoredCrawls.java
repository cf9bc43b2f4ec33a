package io.webprobe.testsupport;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A crawl of a site on loopback stored in a crawl file: the store tests' setup, once. */
public final class StoredCrawls {
    private StoredCrawls() {}

    /** Crawls the plan into a new crawl file and closes it, finished; the file. */
    public static Path crawlInto(Path file, CrawlPlan plan) throws Exception {
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            run(plan, store);
        }
        return file;
    }

    /** Crawls the plan into an open store, to the crawl's end. */
    public static void run(CrawlPlan plan, CrawlStore store) throws Exception {
        CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe(plan.userAgent(),
                Duration.ofSeconds(5)), store.sink()).build();
        job.start();
        job.completion().get(30, TimeUnit.SECONDS);
        job.close();
    }

    /**
     * Makes a crawl file look as a Webprobe before the checks of mailto: and file: links made
     * it: no {@code href_checks} in its meta, and none of the links they find in {@code
     * invalid_links} (LIKE ignores the case of ASCII letters: MAILTO: too).
     *
     * @return how many such links were removed
     */
    public static int madeBeforeHrefChecks(Path file) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = c.createStatement()) {
            if (st.executeUpdate("DELETE FROM meta WHERE key = 'href_checks'") != 1) {
                throw new IllegalStateException(file + " records no href_checks");
            }
            return st.executeUpdate("DELETE FROM invalid_links "
                    + "WHERE href LIKE 'mailto:%' OR href LIKE 'file:%'");
        }
    }

    /**
     * Makes a crawl file of the chain /r0 → /r1 → … read as one made when a crawl followed 10
     * redirects: the URLs past /r10 gone, and /r10's row as that crawl wrote it.
     */
    public static void madeWithTen(Path file, String r, int limit) throws Exception {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement()) {
            String past = "(SELECT id FROM urls WHERE url IN (" + java.util.stream.IntStream
                    .rangeClosed(11, limit).mapToObj(i -> "'" + r + i + "'")
                    .collect(java.util.stream.Collectors.joining(", ")) + "))";
            st.executeUpdate("DELETE FROM links WHERE target_id IN " + past
                    + " OR source_id IN " + past);
            st.executeUpdate("UPDATE urls SET (error, redirect_id) = (SELECT error, NULL "
                    + "FROM urls WHERE url = '" + r + limit + "'), error_message = 'More than "
                    + "10 redirects: 10 led here, so its redirect to " + r + "11 is not "
                    + "followed' WHERE url = '" + r + "10'");
            st.executeUpdate("DELETE FROM urls WHERE id IN " + past);
        }
    }
}
