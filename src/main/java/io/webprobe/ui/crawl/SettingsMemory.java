package io.webprobe.ui.crawl;

import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.ui.common.UiState;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the crawl settings between launches, one key per setting under
 * {@code crawl.settings.}; a remembered set that is no longer valid (a hand-edited file) is
 * ignored as a whole, since {@link CrawlSettings} checks every value. A request header that
 * may hold a password ({@link Header#secret()}: Authorization, Cookie, an API key) is not
 * written: the settings file is plain text in the user's folder, and the window keeps a
 * sign-in in memory only ({@link SiteSignIn}); {@link #secretLines} are kept by the window
 * for its session.
 */
final class SettingsMemory {
    private static final String P = "crawl.settings.";

    private SettingsMemory() {}

    static void save(UiState m, CrawlSettings s) {
        m.putString(P + "threads", Integer.toString(s.threads()));
        m.putBoolean(P + "subdomains", s.subdomains());
        m.putStrings(P + "include", s.include());
        m.putStrings(P + "exclude", s.exclude());
        m.putString(P + "maxDepth", Integer.toString(s.maxDepth()));
        m.putString(P + "maxPages", Integer.toString(s.maxPages()));
        m.putBoolean(P + "checkExternal", s.checkExternal());
        m.putString(P + "maxUrlLength", Integer.toString(s.maxUrlLength()));
        m.putString(P + "maxSegmentRepeats", Integer.toString(s.maxSegmentRepeats()));
        m.putString(P + "maxQueryVariants", Integer.toString(s.maxQueryVariants()));
        m.putBoolean(P + "respectRobots", s.respectRobots());
        m.putBoolean(P + "followNofollow", s.followNofollow());
        m.putBoolean(P + "useSitemaps", s.useSitemaps());
        m.putString(P + "maxPerHost", Integer.toString(s.maxPerHost()));
        m.putString(P + "delayMillis", Long.toString(s.delayMillis()));
        m.putString(P + "timeoutSeconds", CrawlSettings.plain(s.timeoutSeconds()));
        m.putDouble(P + "maxPageMegabytes", s.maxPageMegabytes());
        m.putString(P + "userAgent", s.userAgent());
        m.putDouble(P + "maxRequestsPerSecond", s.maxRequestsPerSecond());
        m.putBoolean(P + "insecure", s.insecure());
        m.putString(P + "caCertFile", s.caCertFile());
        m.putString(P + "accept", s.accept());
        m.putBoolean(P + "checkAnchors", s.checkAnchors());
        m.putStrings(P + "headers", s.headers().stream().filter(l -> !secret(l)).toList());
        m.putBoolean(P + "cookies", s.cookies());
        m.putBoolean(P + "allowPrivate", s.allowPrivate());
        m.putString(P + "maxRetries", Integer.toString(s.maxRetries()));
        m.putDouble(P + "maxRetryAfterSeconds", s.maxRetryAfterSeconds());
        m.putDouble(P + "maxCrawlDelaySeconds", s.maxCrawlDelaySeconds());
        m.putBoolean(P + "saved", true);
    }

    /** The remembered settings, or empty when none were saved or they are not valid. */
    static Optional<CrawlSettings> load(UiState m) {
        if (!m.getBoolean(P + "saved", false)) {
            return Optional.empty();
        }
        CrawlSettings d = CrawlSettings.DEFAULT;
        try {
            return Optional.of(CrawlSettings.builder()
                    .threads(integer(m, "threads", d.threads()))
                    .subdomains(m.getBoolean(P + "subdomains", d.subdomains()))
                    .include(list(m, "include"))
                    .exclude(list(m, "exclude"))
                    .maxDepth(integer(m, "maxDepth", d.maxDepth()))
                    .maxPages(integer(m, "maxPages", d.maxPages()))
                    .checkExternal(m.getBoolean(P + "checkExternal", d.checkExternal()))
                    .maxUrlLength(integer(m, "maxUrlLength", d.maxUrlLength()))
                    .maxSegmentRepeats(integer(m, "maxSegmentRepeats", d.maxSegmentRepeats()))
                    .maxQueryVariants(integer(m, "maxQueryVariants", d.maxQueryVariants()))
                    .respectRobots(m.getBoolean(P + "respectRobots", d.respectRobots()))
                    .followNofollow(m.getBoolean(P + "followNofollow", d.followNofollow()))
                    .useSitemaps(m.getBoolean(P + "useSitemaps", d.useSitemaps()))
                    .maxPerHost(integer(m, "maxPerHost", d.maxPerHost()))
                    .delayMillis(Long.parseLong(
                            m.getString(P + "delayMillis", Long.toString(d.delayMillis()))))
                    // a whole number before the timeout took decimals: read as one still
                    .timeoutSeconds(Double.parseDouble(m.getString(P + "timeoutSeconds",
                            Double.toString(d.timeoutSeconds()))))
                    .maxPageMegabytes(m.getDouble(P + "maxPageMegabytes", d.maxPageMegabytes()))
                    .userAgent(m.getString(P + "userAgent", d.userAgent()))
                    .maxRequestsPerSecond(
                            m.getDouble(P + "maxRequestsPerSecond", d.maxRequestsPerSecond()))
                    .insecure(m.getBoolean(P + "insecure", d.insecure()))
                    .caCertFile(m.getString(P + "caCertFile", d.caCertFile()))
                    .accept(m.getString(P + "accept", d.accept()))
                    .checkAnchors(m.getBoolean(P + "checkAnchors", d.checkAnchors()))
                    .headers(list(m, "headers"))
                    .cookies(m.getBoolean(P + "cookies", d.cookies()))
                    .allowPrivate(m.getBoolean(P + "allowPrivate", d.allowPrivate()))
                    .maxRetries(integer(m, "maxRetries", d.maxRetries()))
                    .maxRetryAfterSeconds(
                            m.getDouble(P + "maxRetryAfterSeconds", d.maxRetryAfterSeconds()))
                    .maxCrawlDelaySeconds(
                            m.getDouble(P + "maxCrawlDelaySeconds", d.maxCrawlDelaySeconds()))
                    .build());
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return Optional.empty();
        }
    }

    /** The header lines that are not written: those that may hold a password. */
    static List<String> secretLines(List<String> lines) {
        return lines.stream().filter(SettingsMemory::secret).toList();
    }

    /** Whether a valid header line may hold a password ({@link Header#secret()}). */
    private static boolean secret(String line) {
        return SiteHeaders.parseLine(line).secret();
    }

    private static int integer(UiState m, String key, int def) {
        return Integer.parseInt(m.getString(P + key, Integer.toString(def)));
    }

    private static List<String> list(UiState m, String key) {
        return m.getStrings(P + key);
    }
}
