package io.webprobe.ui.crawl;

import io.webprobe.Words;
import io.webprobe.crawl.CrawlPlan;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What differs from the default crawl settings, threads aside, in a few words ("max depth 3 ·
 * 1 exclude pattern"), as the collapsed settings pane's title says it: never a header's value
 * (one may be a password). For a list check, sitemaps and anchors ticked are named as not read
 * then (a list check fetches its URLs and nothing else, {@link CrawlPlan#useSitemaps()},
 * {@link CrawlPlan#checkAnchors()}).
 */
final class SettingsChanges {
    private SettingsChanges() {}

    /** The changes of {@code s}, "" when nothing differs. */
    static String of(CrawlSettings s, boolean forList) {
        CrawlSettings defaults = CrawlSettings.DEFAULT;
        StringJoiner out = new StringJoiner(" · ");
        if (s.subdomains()) {
            out.add("all subdomains");
        }
        if (!s.include().isEmpty()) {
            out.add(Words.count(s.include().size(), "include pattern"));
        }
        if (!s.exclude().isEmpty()) {
            out.add(Words.count(s.exclude().size(), "exclude pattern"));
        }
        if (s.maxDepth() != CrawlPlan.UNLIMITED) {
            out.add("max depth " + s.maxDepth());
        }
        if (s.maxPages() != CrawlPlan.UNLIMITED) {
            out.add(String.format(Locale.ROOT, "max %,d pages", s.maxPages()));
        }
        if (!s.checkExternal()) {
            out.add("no external links");
        }
        if (s.maxUrlLength() != defaults.maxUrlLength()
                || s.maxSegmentRepeats() != defaults.maxSegmentRepeats()
                || s.maxQueryVariants() != defaults.maxQueryVariants()) {
            out.add("trap guards changed");
        }
        if (!s.respectRobots()) {
            out.add("ignoring robots.txt");
        }
        if (s.followNofollow()) {
            out.add("following nofollow");
        }
        if (s.useSitemaps()) {
            out.add(forList ? "sitemaps not read for a list" : "sitemaps");
        }
        if (s.checkAnchors()) {
            out.add(forList ? "anchors not checked for a list" : "checking anchors");
        }
        if (s.maxPerHost() != defaults.maxPerHost()) {
            out.add(s.maxPerHost() + " at once per host");
        }
        if (s.maxRequestsPerSecond() != CrawlSettings.NO_RATE_LIMIT) {
            out.add(CrawlSettings.plain(s.maxRequestsPerSecond()) + " requests/s per host");
        }
        if (s.delayMillis() != defaults.delayMillis()) {
            out.add(String.format(Locale.ROOT, "%,d ms delay", s.delayMillis()));
        }
        if (s.timeoutSeconds() != defaults.timeoutSeconds()) {
            out.add(CrawlSettings.plain(s.timeoutSeconds()) + " s timeout");
        }
        if (s.maxBodyBytes() != defaults.maxBodyBytes()) {
            out.add("max page " + CrawlSettings.plain(s.maxPageMegabytes()) + " MB");
        }
        if (!s.userAgent().isBlank()) {
            out.add("custom user agent");
        }
        if (s.insecure()) {
            out.add("certificates not checked");
        }
        if (!s.caCertFile().isEmpty()) {
            out.add("trusting " + fileName(s.caCertFile()));
        }
        if (!s.accept().isEmpty()) {
            out.add("accepting " + s.accept());
        }
        if (!s.headers().isEmpty()) {
            // never their values: one may be a password
            out.add(Words.count(s.headers().size(), "request header"));
        }
        if (!s.cookies()) {
            out.add("no cookies");
        }
        if (s.allowPrivate()) {
            out.add("private addresses allowed");
        }
        if (s.maxRetries() != defaults.maxRetries()
                || s.maxRetryAfterSeconds() != defaults.maxRetryAfterSeconds()
                || s.maxCrawlDelaySeconds() != defaults.maxCrawlDelaySeconds()) {
            out.add("retries and waits changed");
        }
        return out.toString();
    }

    /** The last part of a path as typed ("staging.pem"), or the path itself. */
    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }
}
