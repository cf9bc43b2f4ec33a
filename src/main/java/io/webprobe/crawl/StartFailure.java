package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.UrlSyntax;
import java.util.Locale;

/** What a crawl says when its start URL gave nothing to crawl: one rule, one sentence. */
public final class StartFailure {
    private StartFailure() {}

    /**
     * The one sentence for a start URL that gave nothing to crawl, or null when it did not
     * fail: its redirects (if any) led to {@code url}, which answered {@code status}, failed
     * with {@code error}, or was blocked ({@code skipped}). The crawl says it as the start URL's
     * result comes in; the crawl file's reader says it for a resumed crawl that fetched the
     * start URL in an earlier run.
     *
     * @param start the start URL as the crawl was given it
     * @param accepted whether {@code status} is one the crawl accepts ({@code --accept}): not
     *     a failure, which {@link #accepted} says instead
     */
    public static String of(String start, String url, int status, boolean accepted,
            ErrorKind error, String errorMessage, SkipReason skipped) {
        String message = errorMessage == null ? "" : errorMessage;
        if (skipped != null) {
            if (!skipped.isBlock()) {
                return null;
            }
            return skipped == SkipReason.ROBOTS
                    ? theStartUrl(start, url) + " is disallowed for crawlers "
                            + robotsWhy(message) + "; --ignore-robots (in the "
                            + "app: untick Obey robots.txt) crawls it anyway."
                    : theStartUrl(start, url) + " could not be crawled: "
                            + CrawlTally.lowerFirst(message) + ".";
        }
        if (error == ErrorKind.TOO_MANY_REDIRECTS) {
            // fetched, but its redirect not followed: the limit of redirects had led to it
            return "The start URL " + shownStart(redirected(start, url) ? start : url)
                    + " cannot be crawled: " + tooManyRedirects(url) + ".";
        }
        if (error != null) {
            String why = CrawlTally.lowerFirst(message.isEmpty() ? error.label() : message);
            return redirected(start, url)
                    ? theStartUrl(start, url) + " could not be fetched: " + why + "."
                    : String.format(Locale.ROOT, "Could not fetch %s: %s.", shownStart(url),
                            why);
        }
        if (CrawlResult.brokenStatus(status, accepted)) {
            return String.format(Locale.ROOT, "%s answered HTTP %d.", theStartUrl(start, url),
                    status);
        }
        return null;
    }

    /**
     * The one sentence for a start URL whose redirects (if any) led to {@code url}, which
     * answered {@code status}, a 4xx/5xx the crawl accepts ({@code --accept}): not a failure,
     * but the crawl ends there, as only a page answering 2xx has its links followed.
     */
    public static String accepted(String start, String url, int status) {
        return String.format(Locale.ROOT, "%s answered HTTP %d, a status this crawl accepts: "
                + "not broken, but with no links to follow.", theStartUrl(start, url), status);
    }

    /**
     * "The start URL X redirects to Y, on another site: …" when the start URL's redirects
     * ended on another host (or port) than its own, where the crawl then went ({@code
     * Admission.widenTo}); else null (http to https on one host says nothing). Without it a
     * crawl of one address listed only another's URLs, and never said why.
     *
     * @param url where the start URL's redirects ended: a page of the site crawled
     */
    public static String moved(String start, String url) {
        if (!redirected(start, url)) {
            return null;
        }
        try {
            if (io.webprobe.http.Urls.hostAndPort(java.net.URI.create(start))
                    .equals(io.webprobe.http.Urls.hostAndPort(java.net.URI.create(url)))) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return "The start URL " + shownStart(start) + " redirects to " + shownStart(url)
                + ", on another site: the crawl followed it and crawled that site.";
    }

    /**
     * Why a start URL with too many redirects is not crawled, from where the crawl stopped
     * following: "more than 20 redirects (the last one followed leads to Y, which redirects
     * further)". Also compare's words for a start URL that now fails so.
     *
     * @param last the URL the last redirect followed led to
     */
    public static String tooManyRedirects(String last) {
        return "more than " + HttpProbe.MAX_REDIRECTS + " redirects (the last one followed "
                + "leads to " + shownStart(last) + ", which redirects further)";
    }

    /**
     * "The start URL X" when {@code url} is the start URL; when it is where the start URL's
     * redirects led, "The start URL X redirects to Y, which": the sentence names the URL the
     * user gave, and where it ended.
     */
    private static String theStartUrl(String start, String url) {
        return redirected(start, url)
                ? "The start URL " + shownStart(start) + " redirects to " + shownStart(url)
                        + ", which"
                : "The start URL " + shownStart(url);
    }

    /** Whether {@code url} is not the start URL itself but one its redirects led to. */
    private static boolean redirected(String start, String url) {
        return start != null && !start.isEmpty() && !start.equals(url);
    }

    /** "because robots.txt disallows it", or the reason robots.txt could not be read. */
    private static String robotsWhy(String message) {
        if (message == null || message.isBlank() || message.equals("Blocked by robots.txt")) {
            return "because robots.txt disallows it";
        }
        return "because " + CrawlTally.lowerFirst(message.replace(", so the site is treated as disallowed",
                ""));
    }

    /**
     * The start URL as the user typed it (a stray "%" as it is, not "%25"; é, not %C3%A9),
     * shortened.
     */
    private static String shownStart(String url) {
        return shortened(io.webprobe.http.UrlSyntax.forPeople(url));
    }

    private static String shortened(String url) {
        return UrlSyntax.shortened(url);
    }

}
