package io.webprobe.ui.crawl.details;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.http.UrlSyntax;

/**
 * What the Page tab says of a URL's indexability: "Yes", or "No" with the first condition of
 * the crawl's own rule it fails ({@link CrawlResult#notIndexable()}), in words.
 */
final class Indexability {
    private Indexability() {}

    /** "Yes", or "No: " and the first reason the crawl's rule gives. */
    static String of(CrawlResult c) {
        CrawlResult.NotIndexable not = c.notIndexable();
        if (not == null) {
            return "Yes";
        }
        return "No: " + switch (not) {
            case STATUS -> c.skipped() != null ? "not fetched"
                    : c.status() == 0 ? "no answer"
                    : "its status is " + c.status() + ", not 200";
            case EXTERNAL -> "an external URL";
            case REDIRECT -> "it redirects";
            case NOT_HTML -> "not an HTML page";
            case NOINDEX -> "noindex (" + c.page().robotsText() + ")";
            case CANONICAL -> "its canonical is another URL ("
                    + UrlSyntax.forPeople(c.page().canonical()) + ")";
        };
    }
}
