package io.webprobe.ui.crawl.details;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.http.ContentTypes;
import io.webprobe.http.UrlSyntax;
import io.webprobe.http.Urls;

/**
 * What the Page tab says of a URL's indexability: "Yes", or "No" with why, by the crawl's own
 * rule ({@link CrawlResult#indexable()}), its conditions in its order: no 200 answer, an
 * external URL, a redirect, not an HTML page, noindex, a canonical naming another URL.
 */
final class Indexability {
    private Indexability() {}

    /** "Yes", or "No: " and the first reason the crawl's rule gives. */
    static String of(CrawlResult c) {
        if (c.indexable()) {
            return "Yes";
        }
        String why;
        if (c.skipped() != null) {
            why = "not fetched";
        } else if (c.status() == 0) {
            why = "no answer";
        } else if (c.status() != 200) {
            why = "its status is " + c.status() + ", not 200";
        } else if (c.external()) {
            why = "an external URL";
        } else if (!c.redirectTo().isEmpty()) {
            why = "it redirects";
        } else if (!ContentTypes.isHtml(c.contentType())) {
            why = "not an HTML page";
        } else if (c.page().noindex()) {
            why = "noindex (" + c.page().robotsText() + ")";
        } else if (!c.page().canonical().isEmpty() && !Urls.sameKey(c.page().canonical(),
                c.url())) {
            why = "its canonical is another URL (" + UrlSyntax.forPeople(c.page().canonical())
                    + ")";
        } else {
            return "No";
        }
        return "No: " + why;
    }
}
