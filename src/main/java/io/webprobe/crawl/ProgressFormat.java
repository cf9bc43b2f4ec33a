package io.webprobe.crawl;

import java.time.Duration;
import java.util.Locale;

/** The one-line progress text shared by the status bar and the command line. */
public final class ProgressFormat {
    private ProgressFormat() {}

    /**
     * E.g. "1,234 crawled · 56 queued · 12 broken URLs · 85 pages/s · 00:01:23": URLs, as the
     * window's status bar and the summary line say them ("12 broken" read as the broken links
     * the summary then counts apart).
     */
    public static String line(CrawlProgress p) {
        return line(p, brokenUrls(p.broken()));
    }

    /** "1 broken URL", "12 broken URLs". */
    public static String brokenUrls(long n) {
        return String.format(Locale.ROOT, n == 1 ? "%,d broken URL" : "%,d broken URLs", n);
    }

    /** {@link #line(CrawlProgress)} with the broken URLs said as given ("12 broken URLs"). */
    private static String line(CrawlProgress p, String broken) {
        return String.format(Locale.ROOT,
                "%,d crawled · %,d queued%s · %s%s%s · %s pages/s · %s",
                p.crawled(), p.queued() + p.inFlight(),
                p.retrying() > 0
                        ? String.format(Locale.ROOT, " (%,d waiting to retry)", p.retrying())
                        : "",
                broken,
                p.blocked() > 0 ? String.format(Locale.ROOT, " · %,d blocked", p.blocked()) : "",
                p.skipped() > 0 ? String.format(Locale.ROOT, " · %,d skipped", p.skipped()) : "",
                rate(p), clock(p.elapsed()));
    }

    /**
     * The figures at a crawl's end, what matters first, for a status bar that cuts a long line
     * (at the window's least width, 960 px, some 140 characters show): "40 crawled · 3 broken
     * URLs, 5 broken links · {notes} · 2 blocked · 1 skipped · 4.4 pages/s · 00:00:09". The
     * queue is said only when the crawl left some (stopped): a finished crawl's "0 queued"
     * said nothing. {@code notes} (what was not crawled, accepted statuses…) come before the
     * counts the overview shows too and the time; the rate and the time come last.
     */
    public static String ended(CrawlProgress p, String broken, java.util.List<String> notes) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d crawled",
                p.crawled()));
        long queued = p.queued() + p.inFlight();
        if (queued > 0) {
            sb.append(String.format(Locale.ROOT, " · %,d queued", queued));
        }
        sb.append(" · ").append(broken);
        notes.forEach(n -> sb.append(" · ").append(n));
        if (p.blocked() > 0) {
            sb.append(String.format(Locale.ROOT, " · %,d blocked", p.blocked()));
        }
        if (p.skipped() > 0) {
            sb.append(String.format(Locale.ROOT, " · %,d skipped", p.skipped()));
        }
        return sb.append(" · ").append(rate(p)).append(" pages/s · ").append(clock(p.elapsed()))
                .toString();
    }

    /** Average pages per second so far, one decimal under 10. */
    public static String rate(CrawlProgress p) {
        double s = p.elapsed().toNanos() / 1e9;
        double r = s <= 0 ? 0 : p.crawled() / s;
        return r < 10 ? String.format(Locale.ROOT, "%.1f", r) : String.format(Locale.ROOT, "%,.0f", r);
    }

    /** A setting's length of time in seconds, as few digits as it needs: "15 s", "0.25 s". */
    public static String seconds(Duration d) {
        return new java.math.BigDecimal(d.toMillis()).movePointLeft(3).stripTrailingZeros()
                .toPlainString() + " s";
    }

    /**
     * hh:mm:ss, to the nearest second: a 10 s run whose last request left at 9.998 s reads
     * 00:00:10, not 00:00:09.
     */
    public static String clock(Duration d) {
        long s = d.plusMillis(500).toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /**
     * How long something that ended took: "0.35 s" under a minute, else {@link #clock}; under
     * 10 ms in milliseconds, "3.1 ms". A 0.08 s ping read 00:00:00 beside its 2,445 req/s, and
     * 5 requests refused in 3 ms "in 0.00 s (1,608.9 req/s)".
     */
    public static String took(Duration d) {
        if (d.toNanos() < 9_995_000) { // what "%.2f s" would write as 0.00 or 0.01
            return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
        }
        return d.toSeconds() < 60
                ? String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9)
                : clock(d);
    }
}
