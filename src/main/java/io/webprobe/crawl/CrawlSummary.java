package io.webprobe.crawl;

import io.webprobe.Words;
import java.time.Duration;

/**
 * How a crawl ended. Immutable.
 *
 * @param stopped true when it stopped before the frontier was empty: stopped by the user, by a
 *     failure, or because the site could not be reached (then resumable)
 * @param crawled URLs fetched (in scope and external)
 * @param broken broken URLs among them, redirects into a loop or too many redirects
 *     included (as the workspace's Broken filter counts them)
 * @param brokenLinks broken links (source page, target) found
 * @param elapsed wall time from start to end
 * @param startFailure a plain sentence when the start URL itself could not be fetched, else null
 * @param skipped discovered URLs not crawled or blocked, by reason (distinct URLs)
 * @param sitemapUrls how many of the site's URLs its sitemaps listed (0 without --sitemaps)
 * @param orphans sitemap URLs that no crawled page links to
 * @param failure a plain sentence when the crawl could not go on (its crawl file could not be
 *     written, or Webprobe failed on a URL: out of memory, a bug), else null; such a crawl is
 *     stopped, never finished, so it can be resumed
 * @param warnings plain sentences about what the crawl could not read but went on without
 *     (a sitemap that is not valid, say)
 * @param startError the failure behind {@code startFailure}, when the start URL got no
 *     answer (a TLS failure gets advice on trusting the certificate), else null
 * @param startStatus the HTTP status behind {@code startFailure} when the start URL answered
 *     one in this run (a 401 gets advice on signing in), else 0
 * @param signInRefused whether a resumed crawl stopped because the site's pages answered 401
 *     ({@code failure} says so): the crawl file keeps no sign-in, and none was given again, or
 *     the one given was not accepted (the command line names its option)
 * @param signInScheme the scheme a 401 of the site asked to be signed in with, from its
 *     {@code WWW-Authenticate} header ("Basic", "Bearer"...), or "" when none answered 401 or
 *     named one: the command line names {@code --user} for Basic and {@code -H} otherwise
 * @param accepted URLs that answered a 4xx/5xx the crawl accepts ({@code --accept}), by that
 *     status: not broken, and not counted in {@code broken}
 * @param startNote a plain sentence when the start URL answered a status the crawl accepts
 *     (not a failure, but there was nothing to follow), or when its redirects led to another
 *     host, which the crawl crawled instead; else null
 * @param cut the site's pages cut at the download cap (the plan's {@code maxBodyBytes}):
 *     their links past the cut were not read
 * @param excludedHrefs the hrefs that are no URL (a file: link, a malformed address) an
 *     exclude pattern left out, each once: counted in {@code skipped}'s {@link
 *     SkipReason#EXCLUDED} too (ADR 0032), and said apart from the URLs ({@link #notCrawled})
 */
public record CrawlSummary(
        boolean stopped,
        long crawled,
        long broken,
        long brokenLinks,
        Duration elapsed,
        String startFailure,
        java.util.Map<SkipReason, Long> skipped,
        int sitemapUrls,
        java.util.List<String> orphans,
        String failure,
        java.util.List<String> warnings,
        io.webprobe.http.ErrorKind startError,
        int startStatus,
        boolean signInRefused,
        String signInScheme,
        java.util.Map<Integer, Long> accepted,
        String startNote,
        long cut,
        long excludedHrefs) {

    public CrawlSummary {
        signInScheme = signInScheme == null ? "" : signInScheme;
        skipped = java.util.Map.copyOf(skipped);
        orphans = java.util.List.copyOf(orphans);
        warnings = java.util.List.copyOf(warnings);
        accepted = java.util.Map.copyOf(accepted);
    }

    /** A summary built field by field; every field not set is empty, zero or null. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CrawlSummary}; see the record's components for what each one means. */
    public static final class Builder {
        private boolean stopped;
        private long crawled;
        private long broken;
        private long brokenLinks;
        private Duration elapsed = Duration.ZERO;
        private String startFailure;
        private java.util.Map<SkipReason, Long> skipped = java.util.Map.of();
        private int sitemapUrls;
        private java.util.List<String> orphans = java.util.List.of();
        private String failure;
        private java.util.List<String> warnings = java.util.List.of();
        private io.webprobe.http.ErrorKind startError;
        private int startStatus;
        private boolean signInRefused;
        private String signInScheme = "";
        private java.util.Map<Integer, Long> accepted = java.util.Map.of();
        private String startNote;
        private long cut;
        private long excludedHrefs;

        private Builder() {}

        public Builder stopped(boolean v) {
            stopped = v;
            return this;
        }

        /** URLs crawled, broken URLs among them, and broken links found. */
        public Builder counts(long crawledUrls, long brokenUrls, long links) {
            crawled = crawledUrls;
            broken = brokenUrls;
            brokenLinks = links;
            return this;
        }

        public Builder elapsed(Duration v) {
            elapsed = v;
            return this;
        }

        /** Why the start URL could not be fetched, with the failure or status behind it. */
        public Builder startFailure(String sentence, io.webprobe.http.ErrorKind error,
                int status) {
            startFailure = sentence;
            startError = error;
            startStatus = status;
            return this;
        }

        public Builder skipped(java.util.Map<SkipReason, Long> v) {
            skipped = v;
            return this;
        }

        /** The sitemaps' count of the site's URLs, and those no crawled page links to. */
        public Builder sitemaps(int urls, java.util.List<String> orphanUrls) {
            sitemapUrls = urls;
            orphans = orphanUrls;
            return this;
        }

        public Builder failure(String v) {
            failure = v;
            return this;
        }

        public Builder warnings(java.util.List<String> v) {
            warnings = v;
            return this;
        }

        /** The site's pages answered 401 on resume, and the scheme it asked for ("" if none). */
        public Builder signIn(boolean refused, String scheme) {
            signInRefused = refused;
            signInScheme = scheme;
            return this;
        }

        public Builder accepted(java.util.Map<Integer, Long> v) {
            accepted = v;
            return this;
        }

        public Builder startNote(String v) {
            startNote = v;
            return this;
        }

        public Builder cut(long v) {
            cut = v;
            return this;
        }

        /** How many of the {@link SkipReason#EXCLUDED} counted are hrefs that are no URL. */
        public Builder excludedHrefs(long v) {
            excludedHrefs = v;
            return this;
        }

        public CrawlSummary build() {
            return new CrawlSummary(stopped, crawled, broken, brokenLinks, elapsed, startFailure,
                    skipped, sitemapUrls, orphans, failure, warnings, startError, startStatus,
                    signInRefused, signInScheme, accepted, startNote, cut, excludedHrefs);
        }
    }

    /** All URLs not crawled: skipped by a limit or guard, and blocked by the site. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** URLs the site kept us from: robots.txt, rate limits, bot walls (never broken). */
    public long blockedTotal() {
        return skipped.entrySet().stream()
                .filter(e -> e.getKey().isBlock())
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
    }

    /**
     * "Blocked by robots.txt: 3; Rate limited: 1": the reasons that match, each with its count,
     * in the reasons' order; an exclude pattern's hrefs that are no URL are said apart
     * ("Matches an exclude pattern: 1,200 URLs and 526 links").
     */
    public String reasons(java.util.function.Predicate<SkipReason> which) {
        java.util.StringJoiner why = new java.util.StringJoiner("; ");
        skipped.entrySet().stream()
                .filter(e -> which.test(e.getKey()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> why.add(e.getKey().label() + ": " + counted(e.getKey(),
                        e.getValue())));
        return why.toString();
    }

    /** "89", or for an exclude pattern's "1,200 URLs and 526 links", "526 links". */
    private String counted(SkipReason reason, long n) {
        long hrefs = reason == SkipReason.EXCLUDED ? excludedHrefs : 0;
        if (hrefs == 0) {
            return String.format(java.util.Locale.ROOT, "%,d", n);
        }
        return (n > hrefs ? Words.count(n - hrefs, "URL") + " and " : "")
                + Words.count(hrefs, "link");
    }

    /**
     * The one reason {@code which} takes that URLs had, in a sentence ("page limit reached"),
     * for a line that says their number once; null when there are several, or none.
     */
    public String onlyReason(java.util.function.Predicate<SkipReason> which) {
        var had = skipped.keySet().stream().filter(which).toList();
        return had.size() == 1 ? had.getFirst().inSentence() : null;
    }

    /**
     * What was left out for the reasons {@code which} takes, after "Not crawled: " (the
     * command line's summary, the window's end of crawl) or the command line's "Blocked (not
     * counted as broken): ": "89 URLs, page limit reached" (one
     * reason: the number said once), "1,289 URLs (Page limit reached: 89; Matches an exclude
     * pattern: 1,200)"; the hrefs that are no URL an exclude pattern left out said for what
     * they are, not as URLs: "3 URLs and 526 links that are not web addresses, matches an
     * exclude pattern". Null when there are none.
     */
    public String notCrawled(java.util.function.Predicate<SkipReason> which) {
        long n = skipped.entrySet().stream().filter(e -> which.test(e.getKey()))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        if (n == 0) {
            return null;
        }
        long hrefs = which.test(SkipReason.EXCLUDED) && skipped.containsKey(SkipReason.EXCLUDED)
                ? excludedHrefs : 0;
        String what = n > hrefs ? Words.count(n - hrefs, "URL") : "";
        if (hrefs > 0) {
            what += (what.isEmpty() ? "" : " and ") + Words.count(hrefs, "link")
                    + (hrefs == 1 ? " that is not a web address" : " that are not web addresses");
        }
        String one = onlyReason(which);
        return one != null ? what + ", " + one : what + " (" + reasons(which) + ")";
    }

    /**
     * The URLs left out by the limits and patterns the user chose, which get no row of their
     * own (a crawl cut at its page limit looks finished otherwise), as {@link #notCrawled}
     * says them; trap guards and blocks, which have rows, are left out. Null when none.
     */
    public String notCrawledByChoice() {
        return notCrawled(r -> !r.isBlock() && !r.reportAsRow());
    }

    /** URLs that answered a status the crawl accepts. */
    public long acceptedTotal() {
        return accepted.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * "HTTP 403: 12; HTTP 410: 1": the accepted statuses met, each with its count, in number
     * order (as {@link #reasons} says the blocked ones).
     */
    public String acceptedStatuses() {
        java.util.StringJoiner which = new java.util.StringJoiner("; ");
        new java.util.TreeMap<>(accepted).forEach((status, n) -> which.add(String.format(
                java.util.Locale.ROOT, "HTTP %d: %,d", status, n)));
        return which.toString();
    }

    /** Pages per second over the whole crawl. */
    public double pagesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : crawled / s;
    }
}
