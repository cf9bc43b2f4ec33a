package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The settings a compare names as different: only those that change what a crawl reaches. */
class ComparePairTest {
    private static CrawlPlan excluding(String... patterns) {
        return CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t").withScope(CrawlScope.DEFAULT
                .withExclude(java.util.Arrays.stream(patterns).map(Pattern::compile).toList()));
    }

    @Test
    void patternsInAnotherOrderAreNoDifference() {
        assertThat(ComparePair.differences(excluding("/a/", "/b/"), excluding("/b/", "/a/")))
                .isEmpty();
    }

    @Test
    void aPatternOnOneSideIsNamedWithItsSide() {
        assertThat(ComparePair.differences(excluding("/a/"), excluding("/a/", "/private/")))
                .containsExactly("exclude patterns: /private/ in the newer crawl only");
        assertThat(ComparePair.differences(excluding("/old/"), excluding()))
                .containsExactly("exclude patterns: /old/ in the older crawl only");
        assertThat(ComparePair.differences(excluding(), excluding()))
                .isEqualTo(List.of());
    }

    /**
     * The Compare tab named an exclude pattern as the command line does, run into its sentence
     * ("exclude patterns: ^https?://[^/?#]*&#47;x/, /a,b/ in the newer crawl only": where does
     * a pattern end?). It names them as the Crawl settings show them, each in quotes.
     */
    @Test
    void theWindowNamesPatternsAsTheCrawlSettingsShowThem() {
        var label = io.webprobe.crawl.CrawlLimit.Naming.LABEL;
        assertThat(ComparePair.differences(excluding("/old/"),
                excluding("^https?://[^/?#]*/x/", "/a,b/"), label)).containsExactly(
                        "Exclude URLs matching “/old/” in the older crawl only, and "
                                + "“^https?://[^/?#]*/x/”, “/a,b/” in the newer crawl only");
        CrawlPlan including = CrawlPlan.of(URI.create("http://127.0.0.1:1/"), "t").withScope(
                CrawlScope.DEFAULT.withInclude(List.of(Pattern.compile("/blog/"))));
        assertThat(ComparePair.differences(excluding(), including, label)).containsExactly(
                "Include URLs matching “/blog/” in the newer crawl only");
    }

    /**
     * "Check external links" is set on the command line by the option that turns it off
     * ({@code --no-external}): a note names which crawl checked other sites' links, right in
     * both directions and in both namings, never the option as if it turned the setting on.
     */
    @Test
    void checkingOtherSitesIsNamedRightWhicheverCrawlDidIt() {
        var label = io.webprobe.crawl.CrawlLimit.Naming.LABEL;
        CrawlPlan checks = excluding();
        CrawlPlan noExternal = excluding().withCheckExternal(false);
        assertThat(ComparePair.differences(checks, noExternal))
                .containsExactly("other sites' links checked in the older crawl only");
        assertThat(ComparePair.differences(noExternal, checks))
                .containsExactly("other sites' links checked in the newer crawl only");
        assertThat(ComparePair.differences(checks, noExternal, label))
                .containsExactly("Check external links ticked in the older crawl only");
        assertThat(ComparePair.differences(noExternal, checks, label))
                .containsExactly("Check external links ticked in the newer crawl only");
        assertThat(ComparePair.differences(checks, noExternal).get(0))
                .doesNotContain("--no-external");
    }

    @Test
    void crawlsNamedTheWrongWayRoundAreSaidToBe() {
        java.time.Instant monday = java.time.Instant.parse("2026-11-30T09:15:00Z");
        java.time.Instant friday = java.time.Instant.parse("2026-12-04T17:40:00Z");
        assertThat(ComparePair.order(friday, "b.webprobe", monday, "a.webprobe",
                java.time.ZoneOffset.UTC)).isEqualTo("b.webprobe was crawled after a.webprobe "
                        + "(2026-12-04 17:40:00 against 2026-11-30 09:15:00), so what is called "
                        + "added "
                        + "was removed and the other way round: name the older crawl first.");
        assertThat(ComparePair.order(monday, "a.webprobe", friday, "b.webprobe",
                java.time.ZoneOffset.UTC)).isNull();
        assertThat(ComparePair.order(monday, "a", monday, "b", java.time.ZoneOffset.UTC))
                .isNull();
        // named the wrong way round within one minute: the seconds tell them apart
        assertThat(ComparePair.order(monday.plusSeconds(30), "b", monday, "a",
                java.time.ZoneOffset.UTC)).startsWith("b was crawled after a "
                        + "(2026-11-30 09:15:30 against 2026-11-30 09:15:00)");
    }

    /**
     * Each crawl's rows are broken or not by the statuses it accepted (--accept): two crawls
     * that accepted different ones can disagree on a link that did not change, and say so.
     */
    @Test
    void crawlsAcceptingDifferentStatusesAreSaidToDiffer() {
        CrawlPlan none = excluding();
        CrawlPlan walled = none.toBuilder().accept(io.webprobe.http.StatusSet.parse("403"))
                .build();

        assertThat(ComparePair.accepted(none, "a.webprobe", walled, "b.webprobe",
                io.webprobe.crawl.CrawlLimit.Naming.OPTION))
                .isEqualTo("a.webprobe accepts no status and b.webprobe accepts 403 (--accept: "
                        + "counted as OK, not broken), so a link to a URL answering one of them "
                        + "can be new or fixed though the URL answers as it did.");
        assertThat(ComparePair.accepted(walled, "a", walled, "b",
                io.webprobe.crawl.CrawlLimit.Naming.LABEL)).isNull();
        assertThat(ComparePair.accepted(none, "a", none, "b",
                io.webprobe.crawl.CrawlLimit.Naming.LABEL)).isNull();
    }

    /**
     * The bug: a crawl begun by an earlier Webprobe and resumed by this one holds broken
     * mailto: and file: links though its file says it did not check them, and the note read
     * "a.webprobe did not check mailto: and file: links (it was made by an earlier Webprobe),
     * so the 6 broken ones of a.webprobe are not compared", a sentence against itself.
     */
    @Test
    void aCrawlHoldingLinksOfAChecksItLacksIsSaidToBeBegunByAnEarlierWebprobe() {
        java.util.Set<io.webprobe.crawl.HrefCheck> all = io.webprobe.crawl.HrefCheck.all();
        assertThat(ComparePair.notChecked("a.webprobe", all, 6, "a.webprobe", "fixed"))
                .isEqualTo("a.webprobe did not check mailto: and file: links from its start "
                        + "(it was begun by an earlier Webprobe), so its 6 broken ones are not "
                        + "compared: none is called fixed.");
        assertThat(ComparePair.notChecked("a.webprobe", all, 1, "a.webprobe", "fixed"))
                .isEqualTo("a.webprobe did not check mailto: and file: links from its start "
                        + "(it was begun by an earlier Webprobe), so its broken one is not "
                        + "compared: it is not called fixed.");
        // the other crawl's links: as before
        assertThat(ComparePair.notChecked("a.webprobe", all, 2000, "b%.webprobe", "new"))
                .isEqualTo("a.webprobe did not check mailto: and file: links (it was made by an "
                        + "earlier Webprobe), so the 2,000 broken ones of b%.webprobe are not "
                        + "compared: none is called new.");
        assertThat(ComparePair.notChecked("a.webprobe", all, 1, "b.webprobe", "new"))
                .isEqualTo("a.webprobe did not check mailto: and file: links (it was made by an "
                        + "earlier Webprobe), so the broken one of b.webprobe is not compared: "
                        + "it is not called new.");
    }
}
