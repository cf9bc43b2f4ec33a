package io.webprobe.ui.crawl.details;

import io.webprobe.crawl.CrawlResult;

/**
 * What the Page tab says of a URL with no HTML page read, in place of its title, meta
 * description, H1, canonical, words and robots, which would all stand empty (a stylesheet, or a
 * 404 whose error page is HTML, read "Words 0" under four blank fields, and showed a search
 * result preview). "" for a page read.
 */
final class PageNote {
    private PageNote() {}

    /** A sentence on why {@code c} has no page to read, or "" when it has one. */
    static String of(CrawlResult c) {
        String why = notRead(c);
        if (!why.isEmpty()) {
            return why;
        }
        if (!io.webprobe.http.ContentTypes.isHtml(c.contentType())) {
            return "Not an HTML page" + why(c.contentType())
                    + ": it has no title, description or headings to read.";
        }
        return "";
    }

    /**
     * A sentence on why {@code c}'s answer was not read at all, for its page or its links (a
     * stylesheet answering 200 is read for links), or "" when it was.
     */
    static String notRead(CrawlResult c) {
        if (c.skipped() != null && c.status() == 0) {
            return "Not fetched" + why(c.skipped().label()) + ": there is no page to read.";
        }
        if (c.status() == 0 && c.error() != null) {
            return "No answer" + why(c.error().label()) + ": there is no page to read.";
        }
        // as the crawl reads pages: the site's, answering 2xx (VisitMaker)
        if (c.external()) {
            return "Another site's URL: only its status was checked, its page was not read.";
        }
        if (c.status() >= 300) {
            return "Answered " + c.status() + ", not 2xx: its page was not read.";
        }
        return "";
    }

    private static String why(String s) {
        return s == null || s.isEmpty() ? "" : " (" + s + ")";
    }
}
