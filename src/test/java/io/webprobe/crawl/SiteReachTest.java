package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import org.junit.jupiter.api.Test;

/** Which results say that a crawl's site answered, and which say nothing about it. */
class SiteReachTest {
    private static final String SITE = "http://127.0.0.1:9/";

    private static QueueItem page(int n) {
        String url = SITE + n;
        return new QueueItem(n, url, QueueItem.hostKeyOf(java.net.URI.create(url)), 1, 0, "", false, false, 0);
    }

    private static CrawlResult refused(int n) {
        return CrawlResult.builder(SITE + n).error(ErrorKind.REFUSED, "Connection refused")
                .build();
    }

    @Test
    void aRowMadeWithoutARequestDoesNotSayTheSiteAnswered() {
        SiteReach reach = SiteReach.resumed();

        // a queued URL excluded while the crawl runs, a link to a private address: stored
        // as rows, but no request reached the site
        assertThat(reach.holdBack(page(1),
                CrawlResult.builder(SITE + 1).skipped(SkipReason.EXCLUDED).build())).isFalse();
        assertThat(reach.holdBack(page(2),
                CrawlResult.builder(SITE + 2).skipped(SkipReason.PRIVATE_ADDRESS).build()))
                .isFalse();
        for (int n = 3; n < 3 + SiteReach.GIVE_UP; n++) {
            assertThat(reach.holdBack(page(n), refused(n))).isTrue();
        }

        assertThat(reach.givenUp()).isTrue();
    }

    @Test
    void anAnswerEndsTheWatch() {
        SiteReach reach = SiteReach.resumed();
        assertThat(reach.holdBack(page(1), refused(1))).isTrue();
        assertThat(reach.holdBack(page(2), CrawlResult.builder(SITE + 2).status(404).build()))
                .isFalse();
        for (int n = 3; n < 3 + SiteReach.GIVE_UP; n++) {
            assertThat(reach.holdBack(page(n), refused(n))).isFalse();
        }
        assertThat(reach.givenUp()).isFalse();
    }

    @Test
    void aBlockThatTheSiteAnsweredEndsTheWatch() {
        SiteReach reach = SiteReach.resumed();
        assertThat(reach.holdBack(page(1), CrawlResult.builder(SITE + 1).status(429)
                .skipped(SkipReason.RATE_LIMITED).build())).isFalse();
        assertThat(reach.holdBack(page(2), refused(2))).isFalse();
    }

    @Test
    void theSentenceKeepsAnAcronymsCapitals() {
        SiteReach reach = SiteReach.resumed();
        reach.holdBack(page(1), CrawlResult.builder(SITE + 1).error(ErrorKind.DNS, "").build());
        assertThat(reach.why()).startsWith("The site could not be reached (DNS lookup failed), ");
        SiteReach refused = SiteReach.resumed();
        refused.holdBack(page(1), refused(1));
        assertThat(refused.why()).startsWith("The site could not be reached (connection refused)");
    }

    private static CrawlResult signInAsked(int n) {
        return CrawlResult.builder(SITE + n).status(401).build();
    }

    @Test
    void aResumeMetByA401EverywhereIsHeldBackAndSaysWhetherASignInWasGiven() {
        SiteReach none = SiteReach.resumed(false);
        SiteReach wrong = SiteReach.resumed(true);
        for (int n = 1; n <= SiteReach.GIVE_UP; n++) {
            assertThat(none.holdBack(page(n), signInAsked(n))).isTrue();
            assertThat(wrong.holdBack(page(n), signInAsked(n))).isTrue();
        }

        assertThat(none.givenUp()).isTrue();
        assertThat(none.unreached()).isEqualTo("The site asks for a sign-in (HTTP 401).");
        assertThat(wrong.why()).startsWith("The site did not accept the sign-in given (HTTP 401)"
                + ", so the resumed crawl stopped without marking anything broken");
    }

    @Test
    void a401AfterTheSiteAnsweredIsAPageLikeAnyOtherAndAFreshCrawlHoldsNoneBack() {
        SiteReach reach = SiteReach.resumed(false);
        assertThat(reach.holdBack(page(1), CrawlResult.builder(SITE + 1).status(200).build()))
                .isFalse();
        assertThat(reach.holdBack(page(2), signInAsked(2))).isFalse();

        QueueItem start = new QueueItem(1, SITE, QueueItem.hostKeyOf(java.net.URI.create(SITE)),
                0, 0, "", false, true, 0);
        assertThat(SiteReach.fresh(false).holdBack(start, signInAsked(1))).isFalse();
    }
}
