package io.webprobe.store;

import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.RedirectChains;
import java.util.Map;

/**
 * What the end of a stored crawl says that only the whole file can ({@link
 * CrawlSink.Conclusion}): the broken links and redirects, the skips, the sitemap's URLs and
 * orphans, the accepted statuses, the pages cut at the download cap, and the sentence for a
 * start URL that gave nothing to crawl. Read through a {@link CrawlReader}, under its monitor
 * (its callers hold it).
 */
final class StoredConclusion {
    private StoredConclusion() {}

    /**
     * URLs that answered a status the crawl accepts ({@code --accept}), by that status, in
     * number order; none without a read (and no scan of the rows) when it accepts none.
     */
    static Map<Integer, Long> acceptedByStatus(CrawlReader r) throws StoreException {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        io.webprobe.crawl.CrawlPlan plan = r.plan();
        if (plan == null || plan.accept().isEmpty()) {
            return out;
        }
        // a blocked row (a bot wall's 403) is counted among the blocked, never here too
        r.query("SELECT status, COUNT(*) FROM urls WHERE state = 1 AND skip_reason IS NULL AND "
                + "(flags & " + Schema.ACCEPTED + ") <> 0 GROUP BY status",
                rs -> out.put(rs.getInt(1), rs.getLong(2)));
        return out;
    }

    /** Everything the end of a crawl reports that only the whole file can say. */
    static CrawlSink.Conclusion of(CrawlReader r) throws StoreException {
        long[] broken = {0};
        r.forEachBrokenLink(l -> broken[0]++);
        return new CrawlSink.Conclusion(broken[0], r.redirectsBroken(true).cardinality(),
                r.rowSkips(), r.sitemapUrls(), r.orphans(), startProblem(r),
                acceptedByStatus(r), cutPages(r));
    }

    /**
     * The site's pages and stylesheets cut at the download cap ({@code --max-size}): read for
     * links only up to the cut, so links past it were never seen.
     */
    static long cutPages(CrawlReader r) throws StoreException {
        return r.count("SELECT COUNT(*) FROM urls u WHERE u.state = 1 AND (u.flags & "
                + (Schema.TRUNCATED | Schema.EXTERNAL) + ") = " + Schema.TRUNCATED
                + " AND u.status BETWEEN 200 AND 299 AND (" + UrlFilter.HTML_SQL
                + " OR u.content_type = 'text/css')");
    }

    /**
     * The sentence for a start URL that gave nothing to crawl, as the crawl says it (its
     * redirects in a loop or too many, or ending at a URL that failed or was blocked; too many
     * in {@link io.webprobe.crawl.StartFailure}'s words, as a new crawl says it), or null
     * when it did not fail: for a resumed crawl that fetched it in an earlier run, and for
     * compare.
     */
    static String startProblem(CrawlReader r) throws StoreException {
        RedirectChains.Chain start = r.chainOf(1); // the start URL is the first row
        if (start != null && start.error() == io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS) {
            // the crawl's own sentence, from where it stopped following (the chain's last
            // hop, which redirects further), not the whole chain's text
            RedirectChains.Node end = start.last();
            return io.webprobe.crawl.StartFailure.of(start.hops().get(0).url(), end.url(),
                    end.status(), false, io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS, "",
                    null);
        }
        if (start != null && start.failsInItself()) {
            return "The start URL " + io.webprobe.http.UrlSyntax.shortened(
                    io.webprobe.http.UrlSyntax.asBrowserShows(start.hops().get(0).url()))
                    + " cannot be crawled: "
                    + lowerFirst(start.problem()) + ".";
        }
        io.webprobe.crawl.CrawlPlan plan = r.plan();
        if (start == null || plan == null || plan.isList()
                || !onStartChain(r, start.last().id())) {
            return null;
        }
        RedirectChains.Node end = start.last();
        return io.webprobe.crawl.StartFailure.of(start.hops().get(0).url(), end.url(),
                end.status(), end.accepted(), end.error(), end.errorMessage(), end.skipped());
    }

    /**
     * Whether the URL is the start URL or one its redirects led to, fetched: not a page a
     * start page's meta refresh leads to when that page was read as a page of links.
     */
    private static boolean onStartChain(CrawlReader r, long id) throws StoreException {
        boolean[] on = {false};
        r.query("SELECT flags, state FROM urls WHERE id = ?", rs -> on[0] =
                (rs.getInt(1) & Schema.START_CHAIN) != 0 && rs.getInt(2) == Schema.DONE, id);
        return on[0];
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
