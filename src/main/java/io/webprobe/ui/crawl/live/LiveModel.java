package io.webprobe.ui.crawl.live;

import io.webprobe.Words;
import io.webprobe.crawl.ActiveFetch;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProgress;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.http.ErrorClassifier;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A running crawl as the status bar and the workers list show it, updated once per tick from
 * the job's counters: crawled, queued, broken, blocked, pages/s over the last five seconds of
 * crawl time, elapsed time, and the time left when the number of pages is bounded (a page
 * limit, or a list); and what each worker is fetching now. Paused, the crawl's clock stops,
 * and with it the elapsed time and the rate. FX thread only.
 */
public final class LiveModel {
    static final Duration RATE_WINDOW = Duration.ofSeconds(5);
    /**
     * How long a sentence said while a crawl runs ({@link #note}: an export's outcome, "Left
     * out /x/ from now on", a re-check's result) stays in place of the crawl's figures. Each
     * tick, ten times a second, wrote the figures over it: "Exported 478 URLs…" was gone
     * before it could be read.
     */
    static final long NOTE_NANOS = 5_000_000_000L;

    private final java.util.function.LongSupplier nanoTime;
    /** The sentence {@link #note} said, shown until {@link #NOTE_NANOS} after; or null. */
    private String note;
    private long notedAt;

    public LiveModel() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock a note's time is measured by (a test's own) */
    public LiveModel(java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** What the status line says while no crawl is shown, in Site mode. */
    public static final String NO_CRAWL = "Type a start URL and press Start.";
    /** The same in List mode. */
    public static final String NO_CRAWL_LIST =
            "Paste the URLs to check, one per line, and press Start.";

    /** What the status line says while no crawl is shown, in List mode or not. */
    public static String noCrawl(boolean list) {
        return list ? NO_CRAWL_LIST : NO_CRAWL;
    }

    /**
     * The mode changed: a line saying what to enter says it for this mode (any other line, a
     * crawl's, stays).
     */
    public void modeChanged(boolean list) {
        if (NO_CRAWL.equals(status.get()) || NO_CRAWL_LIST.equals(status.get())) {
            status.set(noCrawl(list));
        }
    }

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            NO_CRAWL);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this,
            "progressText", "");
    private boolean listed;
    private final ObservableList<ActiveFetch> workers = FXCollections.observableArrayList();
    private final RateWindow rate = new RateWindow(RATE_WINDOW);
    private long bound = -1;
    /** The workers list is redrawn at most this often (its times change on every tick). */
    static final long WORKERS_EVERY_NANOS = 500_000_000L;
    private long workersShownAt;
    private List<String> workersShown = List.of();
    /**
     * Where the running crawl's site starts: its start URL, or where the start URL's own
     * redirects led (http to https, to www.) once the crawl followed them; null before the
     * first crawl.
     */
    private java.net.URI start;

    /** What the workers list says when no request is in flight. */
    static final String NO_REQUEST = "No request in flight.";

    private final ReadOnlyStringWrapper idle = new ReadOnlyStringWrapper(this, "idle",
            NO_REQUEST);
    /** The running crawl's least gap between two requests to a host, in words, or null. */
    private String pace;

    /**
     * What the workers list says while no request is in flight: what the crawl is doing then
     * (waiting for the next request its rate limit allows, paused), or that none is.
     */
    public ReadOnlyStringProperty idleProperty() {
        return idle.getReadOnlyProperty();
    }

    /** A crawl of this plan starts. */
    public void started(CrawlPlan plan) {
        pace = pace(plan.politeness());
        idle.set(NO_REQUEST);
        start = plan.startUrl();
        note = null;
        rate.clear();
        workers.clear();
        workersShown = List.of();
        workersShownAt = 0;
        bound = plan.isList() ? plan.list().size()
                : plan.maxPages() != CrawlPlan.UNLIMITED ? plan.maxPages() : -1;
        listed = plan.isList();
        progress.set(-1);
        progressText.set("");
    }

    /**
     * Where the crawl's site starts, as the crawl settled on it (the workers list shows the
     * URLs on its site by their path).
     */
    java.net.URI start() {
        return start;
    }

    /** A tick: the job's counters and what its workers fetch. */
    public void update(CrawlProgress p, List<ActiveFetch> fetching) {
        update(p, fetching, null);
    }

    /**
     * A tick: the job's counters, what its workers fetch, and where the crawl settled on its
     * site ({@link io.webprobe.crawl.CrawlJob#site()}; null: as before).
     */
    public void update(CrawlProgress p, List<ActiveFetch> fetching, java.net.URI site) {
        if (site != null) {
            start = site;
        }
        rate.add(p.elapsed(), p.crawled());
        long total = progressTotal(p);
        progress.set(total == 0 ? -1 : Math.min(1.0, (double) p.crawled() / total));
        progressText.set(progressText(p, total));
        // said first, as "Stopped: " and "Finished: " are (at the end, "· paused" came after
        // the time left, where a long line is cut)
        if (note != null && nanoTime.getAsLong() - notedAt < NOTE_NANOS) {
            status.set(note);
        } else {
            note = null;
            status.set((p.paused() ? "Paused: " : "") + line(p));
        }
        idle.set(idle(p));
        // twice a second is all a reader can follow (a fast crawl changes every line on
        // every tick); the list is redrawn sooner only when workers start or go idle
        List<String> urls = fetching.stream().map(ActiveFetch::url).toList();
        long now = p.elapsed().toNanos();
        if (urls.size() != workersShown.size() || now - workersShownAt >= WORKERS_EVERY_NANOS
                || now < workersShownAt) {
            workers.setAll(fetching);
            workersShown = urls;
            workersShownAt = now;
        }
    }

    /**
     * The crawl ended. The final line says what stopped it (its file could not be written,
     * its start URL got no answer, with how to get past an untrusted certificate), that its
     * start URL answered a status it accepts (so nothing was followed), or else its last
     * figures as the command line prints them, with the URLs whose status it accepted and
     * the pages cut at the size cap (their links past the cut not read); a
     * stopped crawl's progress stays at the part of the discovered URLs it crawled.
     *
     * @param p the job's figures at its end
     * @param orphans whether the crawl counted orphans (a sitemap crawl that ran to its end):
     *     the line says how many
     */
    public void ended(CrawlSummary summary, CrawlProgress p, boolean orphans) {
        // "0 orphans" from a site without a sitemap read as "every sitemap URL is linked"
        String orphanNote = !orphans ? null : summary.sitemapUrls() == 0
                ? "no sitemap found (or it lists no URL of the site), so no orphans"
                : Words.count(summary.orphans().size(), "orphan");
        String text;
        if (summary.failure() != null) {
            text = summary.failure() + (orphanNote == null ? "" : " · " + orphanNote);
        } else if (summary.startFailure() != null) {
            String advice = ErrorClassifier.trustRemedy(summary.startError(),
                    "Settings › Trust certificate", "Settings › Skip certificate checks");
            text = summary.startFailure() + (advice == null ? "" : " " + advice)
                    + (orphanNote == null ? "" : " · " + orphanNote);
        } else if (summary.startNote() != null && summary.crawled() <= 1) {
            // its one row is the whole crawl, which a sentence says better than figures (with
            // sitemaps read after it, their URLs were crawled: the figures say more then)
            text = summary.startNote() + (orphanNote == null ? "" : " · " + orphanNote);
        } else {
            // the broken URLs and the links to them, as the command line's summary counts them:
            // "0 broken" beside "Broken links (4)" (four hrefs that are no URL) read as a
            // contradiction
            String broken = ProgressFormat.brokenUrls(p.broken()) + ", "
                    + Words.count(summary.brokenLinks(), "broken link");
            // what matters first: a status bar at 960 px cut "· not crawled: 2 URLs and 8
            // links that are not web addr…" after the queue, blocked, skipped, rate and time
            List<String> notes = new java.util.ArrayList<>();
            String left = summary.notCrawledByChoice();
            if (left != null) {
                // as the command line's summary says it
                notes.add("not crawled: " + left);
            }
            if (summary.acceptedTotal() > 0) {
                notes.add(String.format(Locale.ROOT, "%,d accepted (%s)",
                        summary.acceptedTotal(), summary.acceptedStatuses()));
            }
            if (summary.cut() > 0) {
                // the Cut column says it row by row; a link past the cut was never seen
                notes.add(Words.count(summary.cut(), "page")
                        + " cut at Max page size (links past the cut not read)");
            }
            if (orphanNote != null) {
                notes.add(orphanNote);
            }
            text = (summary.stopped() ? "Stopped: " : "Finished: ")
                    + ProgressFormat.ended(p, broken, notes);
        }
        ended(text, summary.stopped() && p.discovered() > 0
                ? (double) p.crawled() / p.discovered() : 1.0);
        progressText.set(summary.stopped() && p.discovered() > 0
                ? progressText(p, p.discovered()) : "");
    }

    /**
     * What the crawl does while none of its requests is in flight: paused; waiting, with URLs
     * to fetch, for the next request its rate limit or delay allows (said with the setting),
     * or for one a site asked to try again later; or, between two requests, about to start
     * the next one.
     */
    private String idle(CrawlProgress p) {
        if (p.paused()) {
            return "Paused: no new request until you resume.";
        }
        if (p.queued() > 0) {
            return pace != null ? "Waiting for the next request allowed: " + pace + "."
                    : "Starting the next request…";
        }
        if (p.retrying() > 0) {
            return "Waiting to ask again " + (p.retrying() == 1 ? "a URL whose site"
                    : Words.count(p.retrying(), "URL") + " whose sites") + " said to try later.";
        }
        return NO_REQUEST;
    }

    /**
     * The least gap the crawl leaves between two requests to a host, as the Crawl settings
     * set it ("at most 2 requests a second to a host (Max requests/s per host)", "one request
     * every 500 ms to a host (Delay per host)"), the longer of the two when both are set; null
     * when neither is.
     */
    static String pace(io.webprobe.crawl.Politeness p) {
        double rps = p.maxRequestsPerSecond();
        long rateGap = rps > 0 ? Math.round(1000 / rps) : 0;
        long delay = p.delay().toMillis();
        if (rateGap == 0 && delay == 0) {
            return null;
        }
        if (rateGap >= delay) {
            String n = java.math.BigDecimal.valueOf(rps).stripTrailingZeros().toPlainString();
            return (rps >= 1 ? "at most " + n + (rps == 1 ? " request" : " requests")
                    + " a second" : "one request every " + seconds(rateGap))
                    + " to a host (Crawl settings › Max requests/s per host)";
        }
        return "one request every " + (delay < 1000 ? delay + " ms" : seconds(delay))
                + " to a host (Crawl settings › Delay per host)";
    }

    /** Milliseconds as seconds, to a tenth: "2 s", "2.5 s". */
    private static String seconds(long ms) {
        return java.math.BigDecimal.valueOf(ms / 100 / 10.0).stripTrailingZeros()
                .toPlainString() + " s";
    }

    /** What the bar measures against: the URLs found so far, or the page limit or list. */
    private long progressTotal(CrawlProgress p) {
        long discovered = p.discovered();
        return bound > 0 ? Math.min(bound, Math.max(discovered, p.crawled())) : discovered;
    }

    /**
     * The bar in words, its count the status bar's: "Crawled 97 of the 597 URLs found so far",
     * "Crawled 97 of the 150-page limit", "Crawled 97 of the 300 URLs listed".
     */
    private String progressText(CrawlProgress p, long total) {
        if (total == 0) {
            return "";
        }
        String of = listed && total == bound ? String.format(Locale.ROOT,
                "the %,d URLs listed", total)
                : total == bound ? String.format(Locale.ROOT, "the %,d-page limit", total)
                : String.format(Locale.ROOT, "the %,d URLs found so far", total);
        return String.format(Locale.ROOT, "Crawled %,d of %s", p.crawled(), of);
    }

    /**
     * The live line gives way to this one (a crawl's end, a start that failed, a file opened);
     * no workers.
     */
    public void ended(String text, double finalProgress) {
        status.set(text);
        progress.set(finalProgress);
        progressText.set("");
        workers.clear();
        workersShown = List.of();
        idle.set(NO_REQUEST);
    }

    /**
     * Adds to the line a crawl ended with, when it still shows it: what was learnt from its
     * file after its end ({@code " · …"}).
     */
    public void addToEnd(String ended, String more) {
        if (status.get().equals(ended)) {
            status.set(ended + more);
        }
    }

    /**
     * Shows a sentence in the status bar (what a crawl starting, stopping or opening does): the
     * next tick of a running crawl shows its figures again.
     */
    public void say(String text) {
        note = null;
        status.set(text);
    }

    /**
     * Shows the outcome of something the user did (an export, a copy, a URL left out, a
     * re-check) in the status bar: while a crawl runs, for {@link #NOTE_NANOS} before its
     * figures come back.
     */
    public void note(String text) {
        status.set(text);
        note = text;
        notedAt = nanoTime.getAsLong();
    }

    /**
     * "1,234 crawled · 56 queued · 12 broken URLs · 3 blocked · 85 pages/s · 00:01:23 · about
     * 00:02:10 left".
     */
    String line(CrawlProgress p) {
        double r = rate.rate();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%,d crawled · %,d queued · %s", p.crawled(), p.queued() + p.inFlight(),
                ProgressFormat.brokenUrls(p.broken())));
        if (p.blocked() > 0) {
            sb.append(String.format(Locale.ROOT, " · %,d blocked", p.blocked()));
        }
        sb.append(" · ").append(r < 10 ? String.format(Locale.ROOT, "%.1f", r)
                : String.format(Locale.ROOT, "%,.0f", r)).append(" pages/s · ")
                .append(ProgressFormat.clock(p.elapsed()));
        if (bound > 0 && r > 0) {
            long total = Math.min(bound, p.discovered());
            long left = Math.max(0, total - p.crawled());
            sb.append(" · about ").append(ProgressFormat.clock(Duration.ofSeconds(
                    (long) Math.ceil(left / r)))).append(" left");
        }
        return sb.toString();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Crawled / discovered (or / the page limit), 0 to 1; -1 while nothing is known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The progress bar in words (its tooltip), or "" when it has nothing to say. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What each worker fetches now, longest first. */
    public ObservableList<ActiveFetch> workers() {
        return workers;
    }
}
