package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.Outcome;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.http.ContentTypes;
import io.webprobe.store.CrawlDiff.Change;
import io.webprobe.store.CrawlDiff.Row;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The URL changes of {@link CrawlDiff}: URLs added and removed, and for URLs in both a changed
 * status, redirect target, title, canonical or indexability; and the news that the newer
 * crawl's start URL fails. Both crawls are read in key order side by side, so memory does not
 * grow with the number of URLs.
 */
final class UrlChanges {

    private UrlChanges() {}

    /**
     * Hands each URL change to {@code out}, in key order.
     *
     * @return the pages that were pages and now fail or redirect, by key and by text: their
     *     links went with them (a few rows, as the broken links are)
     */
    static Set<String> compare(CrawlReader older, CrawlReader newer, Consumer<Row> out)
            throws StoreException {
        Set<String> pagesGone = new HashSet<>();
        try (KeyedRows a = new KeyedRows(older); KeyedRows b = new KeyedRows(newer)) {
            KeyedRows.Keyed x = a.next();
            KeyedRows.Keyed y = b.next();
            while (x != null || y != null) {
                int cmp = x == null ? 1 : y == null ? -1 : x.key().compareTo(y.key());
                if (cmp < 0) {
                    out.accept(new Row(Change.REMOVED, x.row().url(), x.row().statusText(),
                            "", ""));
                    x = a.next();
                } else if (cmp > 0) {
                    out.accept(new Row(Change.ADDED, y.row().url(), "",
                            y.row().statusText(), ""));
                    y = b.next();
                } else {
                    changes(x.row(), y.row(), out);
                    if (isPage(x.row()) && !isPage(y.row())) {
                        pagesGone.add(y.key());
                        pagesGone.add(y.row().url());
                    }
                    x = a.next();
                    y = b.next();
                }
            }
        }
        return pagesGone;
    }

    /** Why the newer crawl's start URL fails when the older one's did not, or null. */
    static String startFailure(CrawlReader older, CrawlReader newer)
            throws StoreException {
        // failing as the crawl itself says it (a start page's meta refresh to a 404, on a page
        // whose links were crawled, is a broken link, not a start URL that failed)
        if (older.startProblem() != null) {
            return null;
        }
        if (newer.startProblem() == null) {
            return unreached(older, newer);
        }
        RedirectChains.Chain now = newer.chainOf(1); // the start URL is the first row
        RedirectChains.Chain before = older.chainOf(1);
        RedirectChains.Node last = now.last();
        String why;
        if (now.end() == RedirectChains.End.BLOCKED) {
            why = "is now blocked"
                    + (last.errorMessage().isEmpty() ? "" : " (" + last.errorMessage() + ")");
        } else if (now.error() == io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS) {
            // where the crawl stopped following, as the crawl says it, not the whole chain
            why = "now fails: " + io.webprobe.crawl.StartFailure.tooManyRedirects(last.url());
        } else if (now.hops().size() == 1 && last.status() > 0) {
            why = "now answers HTTP " + last.status();
        } else if (now.hops().size() == 1) {
            why = "now fails: " + lowerFirst(last.errorMessage().isEmpty() ? last.statusText()
                    : last.errorMessage());
        } else {
            why = "now fails: " + lowerFirst(now.problem());
        }
        String was = before == null ? "" : " (in the older crawl: "
                + before.last().statusText() + ")";
        return "The start URL " + now.hops().get(0).url() + " " + stripEnd(why) + was + ".";
    }

    /**
     * Why the newer crawl never fetched its start URL, when it stopped for a site that did not
     * answer (nothing listening, an unknown host: the URL is left to fetch on a resume, so no
     * row says it failed) and the older crawl fetched it; else null.
     */
    private static String unreached(CrawlReader older, CrawlReader newer)
            throws StoreException {
        String why = newer.infoNow().stopReason();
        if (why.isEmpty() || fetched(newer) || !fetched(older)) {
            return null;
        }
        RedirectChains.Chain before = older.chainOf(1);
        String url = before.hops().get(0).url();
        return "The start URL " + url + " now fails (in the older crawl: "
                + before.last().statusText() + "): " + why;
    }

    /** Whether the crawl fetched its start URL (the first row). */
    private static boolean fetched(CrawlReader r) throws StoreException {
        boolean[] done = {false};
        r.query("SELECT state FROM urls WHERE id = 1", rs -> done[0] =
                rs.getInt(1) == Schema.DONE);
        return done[0];
    }

    private static String stripEnd(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static void changes(CrawlResult o, CrawlResult n, Consumer<Row> out) {
        change(out, Change.STATUS, n.url(), o.statusText(), n.statusText());
        if (!o.statusText().equals(n.statusText()) && (failed(o) || failed(n))) {
            return; // the status change is the news: the rest follows from it
        }
        change(out, Change.REDIRECT, n.url(), o.redirectTo(), n.redirectTo());
        if (titleRead(o) && titleRead(n)) {
            change(out, Change.TITLE, n.url(), o.title(), n.title());
        }
        change(out, Change.CANONICAL, n.url(), o.page().canonical(), n.page().canonical());
        change(out, Change.INDEXABLE, n.url(), Boolean.toString(o.indexable()),
                Boolean.toString(n.indexable()));
    }

    /** A 4xx or 5xx answer, no answer, blocked or skipped: not a page that was read. */
    private static boolean failed(CrawlResult r) {
        Outcome o = r.outcome();
        return o != Outcome.OK && o != Outcome.REDIRECT;
    }

    /**
     * Whether the URL answered 2xx (a page with a meta refresh too, whose links are read), not
     * a 3xx, a 4xx or 5xx, no answer, blocked or skipped.
     */
    private static boolean isPage(CrawlResult r) {
        return !failed(r) && r.status() >= 200 && r.status() < 300;
    }

    /**
     * Whether the crawl read this URL's title: it reads those of its own HTML pages answering
     * 2xx only (a 404 page's title is not read, and stored as "").
     */
    private static boolean titleRead(CrawlResult r) {
        return !r.external() && r.error() == null && r.skipped() == null && r.status() >= 200
                && r.status() < 300 && ContentTypes.isHtml(r.contentType());
    }

    private static void change(Consumer<Row> out, Change c, String url, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.accept(new Row(c, url, a, b, ""));
        }
    }

    /** A crawl's finished rows in key order, read one at a time. */
    private static final class KeyedRows implements AutoCloseable {
        record Keyed(String key, CrawlResult row) {}

        private final java.sql.Statement statement;
        private final java.sql.ResultSet rs;
        private final CrawlReader reader;

        KeyedRows(CrawlReader reader) throws StoreException {
            this.reader = reader;
            try {
                statement = reader.connection().createStatement();
                rs = statement.executeQuery("SELECT u.key, " + StoredRows.RESULT_COLUMNS
                        + " FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id "
                        + "WHERE u.state = 1 ORDER BY u.key");
            } catch (java.sql.SQLException e) {
                throw SqlErrors.readFailure(reader.file(), e);
            }
        }

        Keyed next() throws StoreException {
            try {
                return rs.next() ? new Keyed(rs.getString(1), StoredRows.result(rs, 2)) : null;
            } catch (java.sql.SQLException e) {
                throw SqlErrors.readFailure(reader.file(), e);
            }
        }

        @Override
        public void close() {
            try {
                rs.close();
                statement.close();
            } catch (java.sql.SQLException ignored) {
                // read-only
            }
        }
    }
}
