package io.webprobe.ui.crawl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.Words;
import io.webprobe.crawl.ActiveFetch;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProgress;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.crawl.SkipReason;
import io.webprobe.http.ErrorKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status line: pages/s over the last seconds of crawl time, the time left, pauses. */
class LiveModelTest {
    private static CrawlProgress at(long seconds, long crawled, long queued, boolean paused) {
        return new CrawlProgress(crawled, queued, 0, 2, Duration.ofSeconds(seconds), paused,
                false, 0, 1, 0);
    }

    @Test
    void pagesPerSecondCountOnlyTheLastFiveSecondsOfCrawlTime() {
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.update(at(0, 0, 10, false), List.of());
        for (int s = 1; s <= 10; s++) {
            m.update(at(s, s <= 5 ? s * 100L : 500 + (s - 5) * 10L, 10, false), List.of());
        }
        // the first five seconds went at 100/s, the last five at 10/s
        assertThat(m.statusProperty().get()).isEqualTo("550 crawled · 10 queued · "
                + "2 broken URLs · 1 blocked · 10 pages/s · 00:00:10");
    }

    /**
     * The bug: while a crawl ran, "Exported 478 URLs and …", "Left out /section-10/ from now
     * on" or a re-check's outcome was written over by the figures at the next tick (a tenth of
     * a second later), unread. Such a note stays five seconds of the window's clock.
     */
    @Test
    void aNoteSaidWhileACrawlRunsStaysAFewSecondsOverItsFigures() {
        long[] now = {0};
        LiveModel m = new LiveModel(() -> now[0]);
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.update(at(1, 10, 10, false), List.of());
        m.note("Exported 10 URLs to x.csv.");
        now[0] = LiveModel.NOTE_NANOS - 1;
        m.update(at(2, 20, 10, false), List.of());
        assertThat(m.statusProperty().get()).isEqualTo("Exported 10 URLs to x.csv.");

        now[0] = LiveModel.NOTE_NANOS;
        m.update(at(3, 30, 10, false), List.of());
        assertThat(m.statusProperty().get()).startsWith("30 crawled · ");

        // what the crawl itself says ("Stopping…") gives way to the figures at once, as before
        m.say("Stopping…");
        m.update(at(4, 40, 10, false), List.of());
        assertThat(m.statusProperty().get()).startsWith("40 crawled · ");
    }

    @Test
    void pausedTheClockAndTheRateStandStill() {
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.update(at(0, 0, 10, false), List.of());
        m.update(at(4, 80, 10, false), List.of());
        String running = m.statusProperty().get();
        // paused: the crawl's clock does not move, nothing is crawled
        m.update(at(4, 80, 10, true), List.of());
        m.update(at(4, 80, 10, true), List.of());
        assertThat(m.statusProperty().get()).isEqualTo("Paused: " + running);
        assertThat(running).contains("20 pages/s").contains("00:00:04");
    }

    @Test
    void withAPageLimitTheTimeLeftIsEstimated() {
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t").withMaxPages(1000));
        m.update(at(0, 0, 5000, false), List.of());
        m.update(at(5, 500, 5000, false), List.of());
        // 500 left at 100 pages/s
        assertThat(m.statusProperty().get()).endsWith(" · 100 pages/s · 00:00:05 · about "
                + "00:00:05 left");
        assertThat(m.progressProperty().get()).isEqualTo(0.5);
    }

    @Test
    void aListIsBoundedByItsLength() {
        LiveModel m = new LiveModel();
        CrawlPlan list = CrawlPlan.ofList(List.of(URI.create("http://127.0.0.1:1/a"),
                URI.create("http://127.0.0.1:1/b")), "t");
        m.started(list);
        m.update(at(0, 0, 2, false), List.of());
        m.update(at(1, 1, 1, false), List.of(new ActiveFetch("crawl-worker-1",
                "http://127.0.0.1:1/b", 0, Duration.ofMillis(300))));
        assertThat(m.statusProperty().get()).endsWith("about 00:00:01 left");
        assertThat(m.workers()).hasSize(1);
        m.ended("Finished: …", 1.0);
        assertThat(m.workers()).isEmpty();
    }

    // == the end ==

    /** 40 crawled of 100 discovered. */
    private static final CrawlProgress END = new CrawlProgress(40, 50, 10, 3,
            Duration.ofSeconds(9), false, true, 0, 0, 0);

    /**
     * The end's figures: {@link ProgressFormat#ended} of {@link #END} with its broken URLs and
     * the crawl's broken links (as the command line's summary counts them), and {@code notes}
     * after them.
     */
    private static String figures(long brokenLinks, String... notes) {
        return ProgressFormat.ended(END, "3 broken URLs, " + Words.count(brokenLinks,
                "broken link"), List.of(notes));
    }

    private static CrawlSummary summary(boolean stopped, String startFailure, ErrorKind startError,
            String failure) {
        return CrawlSummary.builder().stopped(stopped).counts(40, 3, 5)
                .elapsed(Duration.ofSeconds(9)).startFailure(startFailure, startError, 0)
                .sitemaps(2, List.of("http://127.0.0.1:1/a", "http://127.0.0.1:1/b"))
                .failure(failure).build();
    }

    private static LiveModel ended(CrawlSummary summary, boolean orphans) {
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.ended(summary, END, orphans);
        return m;
    }

    @Test
    void aFinishedCrawlEndsWithItsFiguresAndAFullBar() {
        LiveModel m = ended(summary(false, null, null, null), false);
        assertThat(m.statusProperty().get()).isEqualTo("Finished: " + figures(5));
        assertThat(m.progressProperty().get()).isEqualTo(1.0);
        // the broken URLs and the links to them, as the command line's summary counts them:
        // "3 broken" read as the Broken links tab's count, which it is not
        assertThat(m.statusProperty().get()).isEqualTo("Finished: 40 crawled · 60 queued · "
                + "3 broken URLs, 5 broken links · 4.4 pages/s · 00:00:09");
    }

    @Test
    void aStoppedCrawlsBarStaysAtThePartOfTheDiscoveredUrlsItCrawled() {
        LiveModel m = ended(summary(true, null, null, null), false);
        assertThat(m.statusProperty().get()).isEqualTo("Stopped: " + figures(5));
        assertThat(m.progressProperty().get()).isEqualTo(0.4);
    }

    /**
     * The bug: while a crawl ran, the status bar, the progress bar and the table's count did
     * not agree, and the bar had no words to say what it measured. Its tooltip says it, with
     * the status bar's own crawled count.
     */
    @Test
    void theProgressBarSaysWhatItMeasuresWithTheStatusBarsCount() {
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.update(at(6, 97, 492, false), List.of());
        assertThat(m.statusProperty().get()).startsWith("97 crawled · 492 queued");
        assertThat(m.progressTextProperty().get())
                .isEqualTo("Crawled 97 of the 589 URLs found so far");

        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t").withMaxPages(150));
        m.update(at(4, 47, 5000, false), List.of());
        assertThat(m.progressTextProperty().get()).isEqualTo("Crawled 47 of the 150-page limit");

        m.started(CrawlPlan.ofList(List.of(URI.create("http://127.0.0.1:1/a"),
                URI.create("http://127.0.0.1:1/b")), "t"));
        m.update(at(1, 1, 1, false), List.of());
        assertThat(m.progressTextProperty().get()).isEqualTo("Crawled 1 of the 2 URLs listed");

        m.ended("Opened a crawl.", 1.0);
        assertThat(m.progressTextProperty().get()).isEmpty();
    }

    @Test
    void orphansCountedAreSaidAtTheEnd() {
        assertThat(ended(summary(false, null, null, null), true).statusProperty().get())
                .isEqualTo("Finished: " + figures(5, "2 orphans"));
    }

    /**
     * A crawl cut short by the limits the user chose says how many URLs they left out, as the
     * command line does. The bug: a crawl at its 5-page limit said "Finished: 5 crawled · 0
     * queued", nothing about the 89 URLs it found and did not fetch. Trap guards and blocks
     * have rows (and their own counts in the line), so they are not repeated here.
     */
    @Test
    void urlsLeftOutByTheChosenLimitsAreSaidAtTheEnd() {
        CrawlSummary summary = CrawlSummary.builder().counts(5, 0, 0)
                .elapsed(Duration.ofSeconds(1))
                .skipped(Map.of(SkipReason.MAX_PAGES, 89L, SkipReason.EXCLUDED, 1_200L,
                        SkipReason.ROBOTS, 4L, SkipReason.URL_TOO_LONG, 2L))
                .build();
        assertThat(ended(summary, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(0, "not crawled: 1,289 URLs (Page limit reached: 89; "
                + "Matches an exclude pattern: 1,200)"));
    }

    /**
     * The bug: at the window's least width, 960 px, the end's line was cut at "· not crawled:
     * 2 URLs and 8 links that are not web addr…", after a finished crawl's "0 queued", its
     * blocked and skipped counts, its rate and its time. What was not crawled comes right
     * after the broken counts, the rate and time last, and a finished crawl's empty queue is
     * not said: the part that matters is within the characters the bar shows there (this
     * line's first 141 under Openbox, "…matches an exclude pattern", then "…").
     */
    @Test
    void whatWasNotCrawledComesBeforeTheCountsTheRateAndTheTime() {
        CrawlProgress done = new CrawlProgress(20, 0, 0, 3, Duration.ofSeconds(3), false,
                true, 2, 1, 0);
        CrawlSummary summary = CrawlSummary.builder().counts(20, 3, 5)
                .elapsed(Duration.ofSeconds(3))
                .skipped(Map.of(SkipReason.EXCLUDED, 10L)).excludedHrefs(8).build();
        LiveModel m = new LiveModel();
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.ended(summary, done, false);
        String line = m.statusProperty().get();
        assertThat(line).startsWith("Finished: 20 crawled · 3 broken URLs, 5 broken links · "
                + "not crawled: 2 URLs and 8 links that are not web addresses, matches an "
                + "exclude pattern · ").endsWith(" pages/s · 00:00:03").doesNotContain("queued");
        assertThat(line.indexOf("exclude pattern") + "exclude pattern".length())
                .isLessThanOrEqualTo(141);
    }

    /**
     * The bug: hrefs that are no URL an exclude pattern left out (526 file: canonicals) were
     * counted as URLs ("529 not crawled"). They are said for what they are, in the words of
     * the command line's summary.
     */
    @Test
    void hrefsThatAreNoUrlLeftOutByAnExcludePatternAreNotCalledUrls() {
        CrawlSummary one = CrawlSummary.builder().counts(5, 0, 0)
                .elapsed(Duration.ofSeconds(1))
                .skipped(Map.of(SkipReason.EXCLUDED, 529L)).excludedHrefs(526).build();
        assertThat(ended(one, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(0, "not crawled: 3 URLs and 526 links that are not web "
                + "addresses, matches an exclude pattern"));

        CrawlSummary several = CrawlSummary.builder().counts(5, 0, 0)
                .elapsed(Duration.ofSeconds(1))
                .skipped(Map.of(SkipReason.MAX_PAGES, 89L, SkipReason.EXCLUDED, 1L))
                .excludedHrefs(1).build();
        assertThat(ended(several, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(0, "not crawled: 89 URLs and 1 link that is not a web address "
                + "(Page limit reached: 89; Matches an exclude pattern: 1 link)"));
    }

    /**
     * The bug: a crawl cut at its page limit said "482 not crawled (Page limit reached: 482)",
     * the number twice. With one reason it is said once.
     */
    @Test
    void oneReasonSaysItsNumberOnce() {
        CrawlSummary summary = CrawlSummary.builder().counts(150, 0, 0)
                .elapsed(Duration.ofSeconds(1))
                .skipped(Map.of(SkipReason.MAX_PAGES, 482L, SkipReason.ROBOTS, 4L)).build();
        assertThat(ended(summary, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(0, "not crawled: 482 URLs, page limit reached"));
    }

    /** As the command line's summary, the end counts the URLs whose status was accepted. */
    @Test
    void theUrlsWhoseStatusWasAcceptedAreCountedAtTheEnd() {
        CrawlSummary summary = CrawlSummary.builder().counts(40, 3, 5)
                .elapsed(Duration.ofSeconds(9)).skipped(Map.of(SkipReason.MAX_PAGES, 7L))
                .accepted(Map.of(410, 1L, 403, 1_200L)).build();
        assertThat(ended(summary, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(5, "not crawled: 7 URLs, page limit reached",
                        "1,201 accepted (HTTP 403: 1,200; HTTP 410: 1)"));
    }

    /**
     * The bug: a page cut at the size cap had its links past the cut left unread, and the
     * end said nothing of it. It counts those pages, as the command line's summary does.
     */
    @Test
    void thePagesCutAtTheSizeCapAreCountedAtTheEnd() {
        CrawlSummary summary = CrawlSummary.builder().counts(40, 3, 5)
                .elapsed(Duration.ofSeconds(9)).accepted(Map.of(403, 2L)).cut(3).build();
        assertThat(ended(summary, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(5, "2 accepted (HTTP 403: 2)",
                        "3 pages cut at Max page size (links past the cut not read)"));
    }

    /**
     * A start URL that answered a status the user accepted is no failure: the line says so
     * in the command line's sentence, and the bar is full.
     */
    @Test
    void aStartUrlAnsweringAnAcceptedStatusSaysSo() {
        String note = "The start URL http://127.0.0.1:1/ answered HTTP 403, a status this crawl "
                + "accepts: not broken, but with no links to follow.";
        CrawlSummary summary = CrawlSummary.builder().counts(1, 0, 0)
                .elapsed(Duration.ofSeconds(1)).accepted(Map.of(403, 1L)).startNote(note)
                .build();
        LiveModel m = ended(summary, false);
        assertThat(m.statusProperty().get()).isEqualTo(note);
        assertThat(m.progressProperty().get()).isEqualTo(1.0);

        // its sitemaps were read after it, and their URLs crawled: the figures say more
        CrawlSummary onWithSitemaps = CrawlSummary.builder().counts(40, 3, 5)
                .elapsed(Duration.ofSeconds(9)).accepted(Map.of(403, 1L)).startNote(note)
                .build();
        assertThat(ended(onWithSitemaps, false).statusProperty().get()).isEqualTo("Finished: "
                + figures(5, "1 accepted (HTTP 403: 1)"));
    }

    /** A sitemap crawl of a site without a sitemap says so, not "0 orphans". */
    @Test
    void noSitemapFoundIsSaidInsteadOfNoOrphans() {
        CrawlSummary none = CrawlSummary.builder().counts(40, 3, 5)
                .elapsed(Duration.ofSeconds(9)).build();
        assertThat(ended(none, true).statusProperty().get()).isEqualTo("Finished: "
                + figures(5, "no sitemap found (or it lists no URL of the site), so "
                + "no orphans"));
    }

    @Test
    void aCrawlStoppedByItsFileSaysOnlyThat() {
        assertThat(ended(summary(true, null, null, "The disk is full."), false)
                .statusProperty().get()).isEqualTo("The disk is full.");
    }

    @Test
    void anUntrustedStartPageSaysWhichSettingGetsPastIt() {
        assertThat(ended(summary(false, "Could not fetch the start URL: its certificate is not "
                + "trusted.", ErrorKind.TLS_CERTIFICATE, null), false).statusProperty().get())
                .isEqualTo("Could not fetch the start URL: its certificate is not trusted. Use "
                        + "Settings › Trust certificate to trust it, or Settings › Skip "
                        + "certificate checks to skip the check.");
        assertThat(ended(summary(false, "Could not fetch the start URL: connection refused.",
                ErrorKind.CONNECT, null), false).statusProperty().get())
                .isEqualTo("Could not fetch the start URL: connection refused.");
    }

    /**
     * The bug: a crawl slowed by a rate limit said "No request in flight." between two
     * requests, as if it had nothing to do. The workers list says what it is doing: waiting
     * for the next request its setting allows (named), paused, or waiting for a retry.
     */
    @Test
    void betweenRequestsTheWorkersListSaysWhatTheCrawlWaitsFor() {
        LiveModel m = new LiveModel();
        var none = io.webprobe.crawl.Politeness.DEFAULT;
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t")
                .withPoliteness(none.withRate(Duration.ZERO, 2)));
        assertThat(m.idleProperty().get()).isEqualTo("No request in flight.");
        m.update(at(1, 10, 5, false), List.of());
        assertThat(m.idleProperty().get()).isEqualTo("Waiting for the next request allowed: "
                + "at most 2 requests a second to a host (Crawl settings › Max requests/s per "
                + "host).");
        m.update(at(2, 10, 5, true), List.of());
        assertThat(m.idleProperty().get()).isEqualTo("Paused: no new request until you "
                + "resume.");
        // nothing queued: nothing waited for
        m.update(at(3, 15, 0, false), List.of());
        assertThat(m.idleProperty().get()).isEqualTo("No request in flight.");
        m.update(new CrawlProgress(15, 0, 0, 0, Duration.ofSeconds(4), false, false, 0, 0, 2),
                List.of());
        assertThat(m.idleProperty().get()).isEqualTo("Waiting to ask again 2 URLs whose sites "
                + "said to try later.");
        m.ended("Finished.", 1);
        assertThat(m.idleProperty().get()).isEqualTo("No request in flight.");

        // the longer of the two gaps is the one said, with its setting
        assertThat(LiveModel.pace(none.withRate(Duration.ZERO, 0.5))).isEqualTo("one request "
                + "every 2 s to a host (Crawl settings › Max requests/s per host)");
        assertThat(LiveModel.pace(none.withRate(Duration.ofMillis(500), 4))).isEqualTo("one "
                + "request every 500 ms to a host (Crawl settings › Delay per host)");
        assertThat(LiveModel.pace(none.withRate(Duration.ofMillis(1500), 0))).isEqualTo("one "
                + "request every 1.5 s to a host (Crawl settings › Delay per host)");
        assertThat(LiveModel.pace(none.withRate(Duration.ZERO, 1))).startsWith("at most 1 "
                + "request a second");
        assertThat(LiveModel.pace(none)).isNull();
        // no limit set: between two requests, briefly
        m.started(CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t"));
        m.update(at(1, 10, 5, false), List.of());
        assertThat(m.idleProperty().get()).isEqualTo("Starting the next request…");
    }
}
