package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.Politeness;
import io.webprobe.ui.crawl.CrawlSettingsForm.Field;
import io.webprobe.ui.common.UiState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CrawlSettings} and {@link CrawlSettingsForm} without a toolkit (JavaFX properties need
 * none): what the form's fields become in the {@link CrawlPlan}, and the one sentence each bad
 * value gets.
 */
class CrawlSettingsTest {
    private static final URI START = URI.create("http://127.0.0.1:1/");

    private static final String TIMEOUT_RULE =
            "Timeout must be a number of seconds from 0.001 to 600, like 15 or 2.5.";

    private final CrawlSettingsForm form = new CrawlSettingsForm();

    private CrawlPlan plan() {
        return form.read().orElseThrow().toPlan(START, "ua");
    }

    @Test
    void untouchedFormGivesTheEnginesDefaultPlan() {
        assertThat(form.read()).contains(CrawlSettings.DEFAULT);
        assertThat(plan()).isEqualTo(CrawlPlan.of(START, "ua"));
        assertThat(form.changesProperty().get()).isEmpty();
    }

    @Test
    void formShowsTheDefaultsAsTheUserSeesThem() {
        assertThat(List.of(form.maxDepthProperty().get(), form.maxPagesProperty().get(),
                form.maxUrlLengthProperty().get(), form.maxSegmentRepeatsProperty().get(),
                form.maxQueryVariantsProperty().get(), form.maxPerHostProperty().get(),
                form.delayMillisProperty().get(), form.timeoutSecondsProperty().get()))
                .containsExactly("", "", "2000", "2", "200", "", "0", "15");
        assertThat(List.of(form.subdomainsProperty().get(), form.checkExternalProperty().get(),
                form.respectRobotsProperty().get(), form.followNofollowProperty().get(),
                form.useSitemapsProperty().get()))
                .containsExactly(false, true, true, false, false);
        assertThat(form.threadsProperty().get()).isEqualTo(CrawlPlan.DEFAULT_THREADS);
    }

    @Test
    void everyFieldReachesThePlan() {
        form.threadsProperty().set(3);
        form.subdomainsProperty().set(true);
        form.includeProperty().set("/blog/\n\n  /news/  \n");
        form.excludeProperty().set("\\?sort=");
        form.maxDepthProperty().set("2");
        form.maxPagesProperty().set(" 500 ");
        form.checkExternalProperty().set(false);
        form.maxUrlLengthProperty().set("300");
        form.maxSegmentRepeatsProperty().set("4");
        form.maxQueryVariantsProperty().set("20");
        form.respectRobotsProperty().set(false);
        form.followNofollowProperty().set(true);
        form.useSitemapsProperty().set(true);
        form.maxPerHostProperty().set("2");
        form.delayMillisProperty().set("250");
        form.timeoutSecondsProperty().set("30");

        CrawlPlan p = plan();

        assertThat(p.threads()).isEqualTo(3);
        assertThat(p.scope().subdomains()).isTrue();
        assertThat(p.scope().include()).extracting(Pattern::pattern)
                .containsExactly("/blog/", "/news/");
        assertThat(p.scope().exclude()).extracting(Pattern::pattern).containsExactly("\\?sort=");
        assertThat(p.maxDepth()).isEqualTo(2);
        assertThat(p.maxPages()).isEqualTo(500);
        assertThat(p.checkExternal()).isFalse();
        assertThat(p.scope().maxUrlLength()).isEqualTo(300);
        assertThat(p.scope().maxSegmentRepeats()).isEqualTo(4);
        assertThat(p.scope().maxQueryVariants()).isEqualTo(20);
        assertThat(p.respectRobots()).isFalse();
        assertThat(p.followNofollow()).isTrue();
        assertThat(p.useSitemaps()).isTrue();
        assertThat(p.politeness()).isEqualTo(Politeness.DEFAULT.withMaxPerHost(2)
                .withDelay(Duration.ofMillis(250)));
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.startUrl()).isEqualTo(START);
        assertThat(p.userAgent()).isEqualTo("ua");
        assertThat(form.changesProperty().get()).isEqualTo("all subdomains · 2 include patterns"
                + " · 1 exclude pattern · max depth 2 · max 500 pages · no external links"
                + " · trap guards changed · ignoring robots.txt · following nofollow · sitemaps"
                + " · 2 at once per host · 250 ms delay · 30 s timeout");
    }

    @Test
    void blankAndZeroMeanNoLimit() {
        form.maxDepthProperty().set("7");
        form.maxPagesProperty().set("9");
        form.maxPerHostProperty().set("3");
        form.maxDepthProperty().set("  ");
        form.maxPagesProperty().set("");
        form.maxPerHostProperty().set("0");

        CrawlPlan p = plan();

        assertThat(p.maxDepth()).isEqualTo(CrawlPlan.UNLIMITED);
        assertThat(p.maxPages()).isEqualTo(CrawlPlan.UNLIMITED);
        assertThat(p.politeness().maxPerHost()).isEqualTo(Politeness.ALL_THREADS);
        assertThat(form.maxPerHostProperty().get()).as("the text stays as typed").isEqualTo("0");
    }

    // == max page size, user agent, max requests/s ==

    @Test
    void theNewFieldsShowTheirDefaultsAndLeaveThePlanAlone() {
        assertThat(List.of(form.maxPageMegabytesProperty().get(), form.userAgentProperty().get(),
                form.maxRequestsPerSecondProperty().get())).containsExactly("10", "", "");
        CrawlPlan p = plan();
        assertThat(p.maxBodyBytes()).isEqualTo(CrawlPlan.DEFAULT_MAX_BODY_BYTES);
        assertThat(p.userAgent()).isEqualTo("ua");
        assertThat(p.politeness()).isEqualTo(Politeness.DEFAULT);
    }

    @ParameterizedTest(name = "\"{0}\" MB = {1} bytes")
    @MethodSource("pageSizes")
    void maxPageSizeInMegabytesBecomesTheDownloadCapInBytes(String typed, long bytes,
            String changes) {
        form.maxPageMegabytesProperty().set(typed);

        assertThat(plan().maxBodyBytes()).isEqualTo(bytes);
        assertThat(form.changesProperty().get()).isEqualTo(changes);
        assertThat(form.maxPageMegabytesProperty().get()).as("the text stays as typed")
                .isEqualTo(typed);
    }

    static Stream<Arguments> pageSizes() {
        return Stream.of(
                Arguments.of("0.5", 524_288L, "max page 0.5 MB"),
                Arguments.of(".25", 262_144L, "max page 0.25 MB"),
                Arguments.of("0.001", 1_049L, "max page 0.001 MB"), // 1,048.576 rounded
                Arguments.of(" 2 ", 2_097_152L, "max page 2 MB"),
                Arguments.of("8192", 8_589_934_592L, "max page 8192 MB"),
                Arguments.of("10.0", CrawlPlan.DEFAULT_MAX_BODY_BYTES, ""));
    }

    @Test
    void aUserAgentTypedReachesThePlanTrimmedAndBlankMeansTheDefault() {
        form.userAgentProperty().set("  MyBot/1.0 (+https://example.com/bot; \"x\")  ");

        assertThat(plan().userAgent()).isEqualTo("MyBot/1.0 (+https://example.com/bot; \"x\")");
        assertThat(form.changesProperty().get()).isEqualTo("custom user agent");

        form.userAgentProperty().set("   ");

        assertThat(plan().userAgent()).isEqualTo("ua");
        assertThat(form.changesProperty().get()).isEmpty();
    }

    @Test
    void maxRequestsPerSecondSetsTheLeastGapBetweenStartsToOneOverR() {
        form.maxRequestsPerSecondProperty().set("4");

        // the gap of 1/4 s, and the rate as given (which the plan keeps to show it again)
        Politeness expected = Politeness.DEFAULT.withRate(Duration.ZERO, 4);
        assertThat(expected.delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan().politeness()).isEqualTo(expected);
        assertThat(form.changesProperty().get()).isEqualTo("4 requests/s per host");

        form.maxRequestsPerSecondProperty().set("3");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofNanos(333_333_333));
        form.maxRequestsPerSecondProperty().set("0.5");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofSeconds(2));
        form.maxRequestsPerSecondProperty().set("100000");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofNanos(10_000));
        assertThat(form.changesProperty().get()).isEqualTo("100000 requests/s per host");
    }

    @Test
    void thePaceTypedComesBackFromThePlanAsTyped() {
        for (String[] typed : new String[][] {{"500", "0"}, {"300", "0"}, {"0.001", "0"},
                {"2", "1200"}, {"", "3"}, {"100000", "0"}}) {
            form.maxRequestsPerSecondProperty().set(typed[0]);
            form.delayMillisProperty().set(typed[1]);
            CrawlSettings settings = form.read().orElseThrow();
            assertThat(CrawlSettings.of(settings.toPlan(START, "ua"), "ua"))
                    .as("%s requests/s, %s ms", typed[0], typed[1]).isEqualTo(settings);
        }
    }

    @Test
    void theLargerOfTheRateGapAndTheDelayApplies() {
        form.maxRequestsPerSecondProperty().set("2"); // 500 ms
        form.delayMillisProperty().set("100");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofMillis(500));

        form.delayMillisProperty().set("1200");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofMillis(1200));
        assertThat(form.changesProperty().get())
                .isEqualTo("2 requests/s per host · 1,200 ms delay");

        form.maxRequestsPerSecondProperty().set("");
        assertThat(plan().politeness().delay()).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void theNewFieldsJoinTheSummaryAfterTheOthers() {
        form.maxPerHostProperty().set("2");
        form.maxRequestsPerSecondProperty().set("2.5");
        form.delayMillisProperty().set("10");
        form.timeoutSecondsProperty().set("30");
        form.maxPageMegabytesProperty().set("0.5");
        form.userAgentProperty().set("Bot");

        assertThat(form.changesProperty().get()).isEqualTo("2 at once per host · 2.5 requests/s per host"
                + " · 10 ms delay · 30 s timeout · max page 0.5 MB · custom user agent");
    }

    @Test
    void depthZeroIsTheStartPageOnly() {
        form.maxDepthProperty().set("0");
        assertThat(plan().maxDepth()).isZero();
        assertThat(form.changesProperty().get()).isEqualTo("max depth 0");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad(CrawlSettingsForm::includeProperty, "/ok/\n[a", Field.INCLUDE,
                        "Include pattern \"[a\" is not a valid regular expression: unclosed "
                                + "character class."),
                // matched against the whole URL, a pattern anchored at the path matches none
                bad(CrawlSettingsForm::includeProperty, "^/blog/", Field.INCLUDE,
                        "Include pattern \"^/blog/\" can never match: patterns are matched "
                                + "against the whole URL, so write '^https?://[^/]+/blog/' to "
                                + "match from the start of the path, or '/blog/' to match it "
                                + "anywhere in the URL."),
                bad(CrawlSettingsForm::excludeProperty, "/ok/\n^\\/private", Field.EXCLUDE,
                        "Exclude pattern \"^\\/private\" can never match: patterns are "
                                + "matched against the whole URL, so write "
                                + "'^https?://[^/]+\\/private' to match from the start of the "
                                + "path, or '\\/private' to match it anywhere in the URL."),
                bad(CrawlSettingsForm::excludeProperty, "(x", Field.EXCLUDE,
                        "Exclude pattern \"(x\" is not a valid regular expression: unclosed "
                                + "group."),
                bad(CrawlSettingsForm::maxDepthProperty, "three", Field.MAX_DEPTH,
                        "Max depth must be a whole number from 0 (the start page only) to "
                                + "2,147,483,647, or blank for no limit."),
                bad(CrawlSettingsForm::maxDepthProperty, "-1", Field.MAX_DEPTH,
                        "Max depth must be a whole number from 0 (the start page only) to "
                                + "2,147,483,647, or blank for no limit."),
                bad(CrawlSettingsForm::maxPagesProperty, "0", Field.MAX_PAGES,
                        "Max pages must be a whole number from 1 to 2,147,483,647, or blank for "
                                + "no limit."),
                bad(CrawlSettingsForm::maxPagesProperty, "99999999999", Field.MAX_PAGES,
                        "Max pages must be a whole number from 1 to 2,147,483,647, or blank for "
                                + "no limit."),
                bad(CrawlSettingsForm::maxUrlLengthProperty, "9", Field.MAX_URL_LENGTH,
                        "Max URL length must be a whole number from 10 to 2,147,483,647."),
                // too big for the setting: the whole range is named, not "10 or more"
                bad(CrawlSettingsForm::maxUrlLengthProperty, "99999999999999999",
                        Field.MAX_URL_LENGTH,
                        "Max URL length must be a whole number from 10 to 2,147,483,647."),
                bad(CrawlSettingsForm::maxUrlLengthProperty, "", Field.MAX_URL_LENGTH,
                        "Max URL length must be a whole number from 10 to 2,147,483,647."),
                bad(CrawlSettingsForm::maxSegmentRepeatsProperty, "0", Field.MAX_SEGMENT_REPEATS,
                        "Max segment repeats must be a whole number from 1 to 2,147,483,647."),
                bad(CrawlSettingsForm::maxQueryVariantsProperty, "2.5", Field.MAX_QUERY_VARIANTS,
                        "Max query variants must be a whole number from 1 to 2,147,483,647."),
                bad(CrawlSettingsForm::maxPerHostProperty, "257", Field.MAX_PER_HOST,
                        "Requests at once per host must be a whole number from 0 to 256, or "
                                + "blank for as many as there are threads."),
                bad(CrawlSettingsForm::delayMillisProperty, "3600001", Field.DELAY,
                        "Delay per host must be a whole number of milliseconds from 0 to "
                                + "3600000 (an hour)."),
                bad(CrawlSettingsForm::delayMillisProperty, "1s", Field.DELAY,
                        "Delay per host must be a whole number of milliseconds from 0 to "
                                + "3600000 (an hour)."),
                bad(CrawlSettingsForm::timeoutSecondsProperty, "0", Field.TIMEOUT, TIMEOUT_RULE),
                bad(CrawlSettingsForm::timeoutSecondsProperty, "0.0009", Field.TIMEOUT,
                        TIMEOUT_RULE),
                bad(CrawlSettingsForm::timeoutSecondsProperty, "601", Field.TIMEOUT,
                        TIMEOUT_RULE),
                bad(CrawlSettingsForm::maxRetriesProperty, "11", Field.MAX_RETRIES,
                        "Max retries must be between 0 and 10."),
                bad(CrawlSettingsForm::maxRetriesProperty, "", Field.MAX_RETRIES,
                        "Max retries must be between 0 and 10."),
                bad(CrawlSettingsForm::maxRetryAfterProperty, "3601", Field.MAX_RETRY_AFTER,
                        "Max Retry-After wait must be a number of seconds from 0 to 3600, like "
                                + "60 or 0.5."),
                bad(CrawlSettingsForm::maxCrawlDelayProperty, "-1", Field.MAX_CRAWL_DELAY,
                        "Max Crawl-delay must be a number of seconds from 0 (Crawl-delay "
                                + "ignored) to 3600, like 10 or 0.5."),
                // the command line's -H sentences, and never more of a line than its first word
                bad(CrawlSettingsForm::headersProperty, "Authorization Bearer s3cret",
                        Field.HEADERS, "'Authorization …' is not a header; write it as "
                                + "'Name: value'."),
                bad(CrawlSettingsForm::headersProperty, "X-A: 1\nHost: example.com",
                        Field.HEADERS, "The Host header is set by Webprobe itself for each "
                                + "request, so it cannot be given."),
                bad(CrawlSettingsForm::headersProperty, "User-Agent: Bot", Field.HEADERS,
                        "Set the User-Agent with the user agent setting (--user-agent), which "
                                + "every request sends, not as a header."),
                bad(CrawlSettingsForm::headersProperty,
                        "Authorization: Basic a\nAuthorization: Bearer b", Field.HEADERS,
                        "Give one sign-in: a user and password, or one Authorization header."),
                badPageSize(""),
                badPageSize("0"),
                badPageSize("0.0009"),
                badPageSize("8192.01"),
                badPageSize("-1"),
                badPageSize("1e3"),
                badPageSize("1,5"),
                badPageSize("ten"),
                badPageSize("5 MB"),
                badUserAgent("Bot\u00e9/1.0"),
                badUserAgent("Bot/1.0\nX-Evil: 1"),
                badUserAgent("Bot\t1.0"),
                badUserAgent("Bot\u007f"),
                badUserAgent("\u30dc\u30c3\u30c8"),
                badRate("0"),
                badRate("0.0009"),
                badRate("100000.5"),
                badRate("-2"),
                badRate("2/s"),
                badRate("fast"),
                badRate("NaN"),
                badRate("Infinity"));
    }

    private static Arguments badPageSize(String text) {
        return bad(CrawlSettingsForm::maxPageMegabytesProperty, text, Field.MAX_PAGE_SIZE,
                "Max page size must be a number of megabytes from 0.001 to 8192, like 10 or "
                        + "0.5.");
    }

    private static Arguments badUserAgent(String text) {
        return bad(CrawlSettingsForm::userAgentProperty, text, Field.USER_AGENT,
                "User agent must be printable ASCII text on one line, or blank for the "
                        + "default.");
    }

    private static Arguments badRate(String text) {
        return bad(CrawlSettingsForm::maxRequestsPerSecondProperty, text,
                Field.MAX_REQUESTS_PER_SECOND, "Max requests/s per host must be a number from "
                        + "0.001 to 100000, like 2 or 0.5, or blank for no limit.");
    }

    private static Arguments bad(Function<CrawlSettingsForm, StringProperty> field, String text,
            Field which, String sentence) {
        return Arguments.of(field, text, which, sentence);
    }

    @ParameterizedTest(name = "{2} = \"{1}\"")
    @MethodSource("badValues")
    void eachBadValueGetsOneSentenceAndKeepsTheText(
            Function<CrawlSettingsForm, StringProperty> field, String text, Field which,
            String sentence) {
        field.apply(form).set(text);

        assertThat(form.read()).isEmpty();

        assertThat(form.errorProperty().get()).isEqualTo(sentence);
        assertThat(form.errorFieldProperty().get()).isEqualTo(which);
        assertThat(field.apply(form).get()).as("nothing is lost").isEqualTo(text);
        assertThat(form.changesProperty().get()).isEmpty();
    }

    /** The bug: "10,000" in Max pages was refused, though the app writes its numbers so. */
    @Test
    void numbersWithTheirDigitsGroupedAreRead() {
        form.maxPagesProperty().set("10,000");
        form.maxDepthProperty().set("1,000");
        form.maxUrlLengthProperty().set("2,000");
        form.maxQueryVariantsProperty().set("1 000");
        form.delayMillisProperty().set("1,500");
        form.maxRequestsPerSecondProperty().set("1,000.5");
        form.maxPageMegabytesProperty().set("1,024");

        CrawlSettings s = form.read().orElseThrow();

        assertThat(s.maxPages()).isEqualTo(10_000);
        assertThat(s.maxDepth()).isEqualTo(1_000);
        assertThat(s.maxUrlLength()).isEqualTo(2_000);
        assertThat(s.maxQueryVariants()).isEqualTo(1_000);
        assertThat(s.delayMillis()).isEqualTo(1_500);
        assertThat(s.maxRequestsPerSecond()).isEqualTo(1000.5);
        assertThat(s.maxPageMegabytes()).isEqualTo(1024);
        assertThat(form.errorProperty().get()).isEmpty();
    }

    /** The bug: with three fields outlined red, Start named only the first. */
    @Test
    void everyBadFieldIsNamedOnALineOfItsOwn() {
        form.includeProperty().set("[unclosed(");
        form.maxDepthProperty().set("abc");
        form.timeoutSecondsProperty().set("0");

        assertThat(form.read()).isEmpty();

        assertThat(form.errorProperty().get().split("\n")).containsExactly(
                "Include pattern \"[unclosed(\" is not a valid regular expression: unclosed "
                        + "character class.",
                "Max depth must be a whole number from 0 (the start page only) to "
                        + "2,147,483,647, or blank for no limit.",
                TIMEOUT_RULE);
        assertThat(form.errorFieldProperty().get()).isEqualTo(Field.INCLUDE);
        assertThat(form.badFieldsProperty().get().keySet())
                .containsExactlyInAnyOrder(Field.INCLUDE, Field.MAX_DEPTH, Field.TIMEOUT);
    }

    @Test
    void theFirstBadFieldIsTheOneNamed() {
        form.maxPagesProperty().set("x");
        form.timeoutSecondsProperty().set("y");

        form.read();

        assertThat(form.errorFieldProperty().get()).isEqualTo(Field.MAX_PAGES);
    }

    @Test
    void editingAnyFieldClearsTheError() {
        form.timeoutSecondsProperty().set("0");
        form.read();
        assertThat(form.errorProperty().get()).isNotEmpty();

        form.useSitemapsProperty().set(true);

        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(form.errorFieldProperty().get()).isNull();
    }

    @Test
    void loadShowsSettingsThatReadBackTheSame() {
        CrawlSettings s = CrawlSettings.builder()
                .threads(5)
                .subdomains(true)
                .include(List.of("/a/", "b+"))
                .exclude(List.of("\\.pdf$"))
                .maxDepth(0)
                .maxPages(10)
                .checkExternal(false)
                .maxUrlLength(500)
                .maxSegmentRepeats(3)
                .maxQueryVariants(50)
                .respectRobots(false)
                .followNofollow(true)
                .useSitemaps(true)
                .maxPerHost(4)
                .delayMillis(1000)
                .timeoutSeconds(60)
                .build();

        form.load(s);

        assertThat(form.read()).isEqualTo(Optional.of(s));
        assertThat(form.includeProperty().get()).isEqualTo("/a/\nb+");
        form.load(CrawlSettings.DEFAULT);
        assertThat(form.read()).contains(CrawlSettings.DEFAULT);
    }

    @Test
    void theBuilderStartsFromTheDefaultsAndToBuilderKeepsEveryValue() {
        assertThat(CrawlSettings.builder().build()).isEqualTo(CrawlSettings.DEFAULT);
        CrawlSettings none = CrawlSettings.builder() // every value other than its default
                .threads(3).subdomains(true).include(List.of("/a/")).exclude(List.of("/b/"))
                .maxDepth(2).maxPages(40).checkExternal(false).maxUrlLength(300)
                .maxSegmentRepeats(4).maxQueryVariants(9).respectRobots(false)
                .followNofollow(true).useSitemaps(true).maxPerHost(2).delayMillis(250)
                .timeoutSeconds(30).maxPageMegabytes(0.5).userAgent("Bot/1")
                .maxRequestsPerSecond(1.5).insecure(false).caCertFile("/c.pem")
                .accept("403").checkAnchors(true).headers(List.of("X-Token: t"))
                .cookies(false).allowPrivate(true).maxRetries(0).maxRetryAfterSeconds(5)
                .maxCrawlDelaySeconds(0.5).build();
        CrawlSettings d = CrawlSettings.DEFAULT;
        for (var c : CrawlSettings.class.getRecordComponents()) {
            if (!c.getName().equals("insecure")) { // not beside a certificate file
                assertThat(value(c, none)).as(c.getName()).isNotEqualTo(value(c, d));
            }
        }

        assertThat(none.toBuilder().build()).isEqualTo(none);
        assertThat(d.toBuilder().insecure(true).build().insecure()).isTrue();
    }

    private static Object value(java.lang.reflect.RecordComponent c, CrawlSettings s) {
        try {
            return c.getAccessor().invoke(s);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void loadShowsThePageSizeUserAgentAndRateAsTyped() {
        CrawlSettings s = CrawlSettings.builder()
                .maxPageMegabytes(0.25)
                .userAgent("MyBot/2.0")
                .maxRequestsPerSecond(2.5)
                .build();

        form.load(s);

        assertThat(List.of(form.maxPageMegabytesProperty().get(), form.userAgentProperty().get(),
                form.maxRequestsPerSecondProperty().get()))
                .containsExactly("0.25", "MyBot/2.0", "2.5");
        assertThat(form.read()).isEqualTo(Optional.of(s));
        form.load(CrawlSettings.DEFAULT);
        assertThat(List.of(form.maxPageMegabytesProperty().get(), form.userAgentProperty().get(),
                form.maxRequestsPerSecondProperty().get())).containsExactly("10", "", "");
    }

    @Test
    void aPageSizeUserAgentOrRateLoadedFromElsewhereIsCheckedToo() {
        assertThatThrownBy(() -> withNew(0.0005, "", 0))
                .hasMessage("Max page size must be between 0.001 and 8192 MB.");
        assertThatThrownBy(() -> withNew(Double.NaN, "", 0))
                .hasMessage("Max page size must be between 0.001 and 8192 MB.");
        assertThatThrownBy(() -> withNew(10, "a\r\nb", 0))
                .hasMessage("User agent must be printable ASCII text on one line.");
        assertThatThrownBy(() -> withNew(10, null, 0))
                .hasMessage("User agent must be printable ASCII text on one line.");
        assertThatThrownBy(() -> withNew(10, "", 100_001))
                .hasMessage("Max requests/s per host must be between 0.001 and 100000 "
                        + "requests per second, or 0 for no limit.");
        assertThatThrownBy(() -> withNew(10, "", -1))
                .hasMessage("Max requests/s per host must be between 0.001 and 100000 "
                        + "requests per second, or 0 for no limit.");
        assertThat(withNew(10, "", 0)).isEqualTo(CrawlSettings.DEFAULT);
    }

    private static CrawlSettings withNew(double megabytes, String agent, double rate) {
        return CrawlSettings.builder()
                .maxPageMegabytes(megabytes)
                .userAgent(agent)
                .maxRequestsPerSecond(rate)
                .build();
    }

    /**
     * The command line's --accept as a setting: one rule (StatusSet) for both, its sentence
     * naming the field; it reaches the plan, the summary, memory, and back from a stored crawl.
     */
    @Test
    void acceptedStatusesReachThePlanAndAreRememberedAndABadOneIsNamed() {
        form.acceptProperty().set(" 403, 429 ");
        assertThat(plan().accept().toString()).isEqualTo("403, 429");
        assertThat(plan().accepts(403)).isTrue();
        assertThat(plan().accepts(404)).isFalse();
        assertThat(form.changesProperty().get()).isEqualTo("accepting 403, 429");

        CrawlSettings chosen = form.read().orElseThrow();
        UiState memory = UiState.inMemory();
        SettingsMemory.save(memory, chosen);
        assertThat(SettingsMemory.load(memory).orElseThrow().accept()).isEqualTo("403, 429");
        assertThat(CrawlSettings.of(plan(), "ua").accept()).isEqualTo("403, 429");

        form.acceptProperty().set("403,abc");
        assertThat(form.read()).isEmpty();
        assertThat(form.errorProperty().get()).isEqualTo("Accept statuses: 'abc' is not a "
                + "status code or range such as 200-299.");
        assertThat(form.errorFieldProperty().get()).isEqualTo(Field.ACCEPT);
        assertThat(form.acceptProperty().get()).isEqualTo("403,abc");

        form.acceptProperty().set("");
        assertThat(plan().accept().isEmpty()).isTrue();
    }

    @Test
    void certificateChoicesReachThePlanAndTheSummaryAndAreRemembered() throws Exception {
        Path pem = Files.createTempFile("webprobe-test-", ".pem");
        try {
            form.certificateFileProperty().set(" " + pem + " ");
            assertThat(plan().caCertFile()).isEqualTo(pem.toString());
            assertThat(plan().insecure()).isFalse();
            assertThat(form.changesProperty().get()).isEqualTo("trusting " + pem.getFileName());

            // skipping the checks trusts everything: the file beside it is not used
            form.insecureProperty().set(true);
            assertThat(plan().insecure()).isTrue();
            assertThat(plan().caCertFile()).isEmpty();
            assertThat(form.changesProperty().get()).isEqualTo("certificates not checked");

            CrawlSettings chosen = form.read().orElseThrow();
            UiState memory = UiState.inMemory();
            SettingsMemory.save(memory, chosen);
            assertThat(SettingsMemory.load(memory)).contains(chosen);
            SettingsMemory.save(memory, chosen.toBuilder()
                    .insecure(false).caCertFile(pem.toString()).build());
            assertThat(SettingsMemory.load(memory).orElseThrow().caCertFile())
                    .isEqualTo(pem.toString());
            form.load(SettingsMemory.load(memory).orElseThrow());
            assertThat(form.insecureProperty().get()).isFalse();
            assertThat(form.certificateFileProperty().get()).isEqualTo(pem.toString());
        } finally {
            Files.delete(pem);
        }
    }

    @Test
    void checkingAnchorsReachesThePlanTheSummaryAndIsRememberedButNotForAList() {
        assertThat(plan().checkAnchors()).isFalse(); // off by default, as on the command line

        form.checkAnchorsProperty().set(true);

        assertThat(plan().checkAnchors()).isTrue();
        assertThat(form.changesProperty().get()).isEqualTo("checking anchors");
        CrawlSettings chosen = form.read().orElseThrow();
        UiState memory = UiState.inMemory();
        SettingsMemory.save(memory, chosen);
        assertThat(SettingsMemory.load(memory)).contains(chosen);
        // a stored crawl's settings show it as it was made
        assertThat(CrawlSettings.of(plan(), "ua").checkAnchors()).isTrue();
        // a list reads no links: the plan leaves it out, and the summary says so
        form.forListProperty().set(true);
        assertThat(form.changesProperty().get()).isEqualTo("anchors not checked for a list");
        assertThat(chosen.toPlan(START, "ua").toBuilder().list(List.of(START)).build()
                .checkAnchors()).isFalse();
    }

    @Test
    void aCertificateFileIsKeptAsAnAbsolutePathAndNotLookedForHere() {
        // whether the file is there is said when the crawl starts, off the FX thread
        form.certificateFileProperty().set("certs/no-such-webprobe.pem");
        assertThat(form.changesProperty().get()).isEqualTo("trusting no-such-webprobe.pem");

        assertThat(plan().caCertFile())
                .isEqualTo(Path.of("certs/no-such-webprobe.pem").toAbsolutePath().toString());
        assertThat(form.errorProperty().get()).isEmpty();
        assertThatThrownBy(() -> CrawlSettings.builder().insecure(true).caCertFile("/a.pem")
                .build())
                .hasMessage("Either trust a certificate file or skip the certificate checks, "
                        + "not both.");
    }

    @Test
    void settingsLoadedFromElsewhereAreCheckedToo() {
        assertThatThrownBy(() -> CrawlSettings.builder().include(List.of("[a")).build())
                .hasMessage("Include pattern \"[a\" is not a valid regular expression: unclosed "
                        + "character class.");
        assertThatThrownBy(() -> CrawlSettings.builder().timeoutSeconds(0).build())
                .hasMessage("Timeout must be between 0.001 and 600 seconds.");
        assertThatThrownBy(() -> CrawlSettings.builder().headers(List.of("nocolon")).build())
                .hasMessage("'nocolon' is not a header; write it as 'Name: value'.");
        assertThatThrownBy(() -> CrawlSettings.builder().maxRetries(11).build())
                .hasMessage("Max retries must be between 0 and 10.");
    }

    // == Requests: the command line's -H, --no-cookies, --allow-private, retries and waits ==

    @Test
    void theRequestSettingsReachThePlan() {
        form.headersProperty().set("X-Token: abc\n\n  Accept:  \nX-Empty;");
        form.cookiesProperty().set(false);
        form.allowPrivateProperty().set(true);
        form.maxRetriesProperty().set("0");
        form.maxRetryAfterProperty().set("2.5");
        form.maxCrawlDelayProperty().set("0");
        form.timeoutSecondsProperty().set("1.5");

        CrawlPlan p = plan();

        assertThat(p.siteHeaders().headers()).containsExactly(
                new io.webprobe.http.Header("X-Token", "abc"),
                new io.webprobe.http.Header("Accept", "", true),
                new io.webprobe.http.Header("X-Empty", ""));
        assertThat(p.cookies()).isFalse();
        assertThat(p.allowPrivate()).isTrue();
        assertThat(p.politeness().maxRetries()).isZero();
        assertThat(p.politeness().maxRetryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(p.politeness().maxCrawlDelay()).isEqualTo(Duration.ZERO);
        assertThat(p.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(form.changesProperty().get()).contains("1.5 s timeout", "3 request headers",
                "no cookies", "private addresses allowed", "retries and waits changed")
                .doesNotContain("abc");
    }

    /** The bug: a crawl made with them on the command line showed the form's defaults. */
    @Test
    void aCommandLinePlanShowsItsRequestSettings() {
        CrawlPlan cli = CrawlPlan.of(START, "ua").withTimeout(Duration.ofMillis(2250))
                .withPoliteness(Politeness.DEFAULT.withMaxRetries(0)
                        .withMaxRetryAfter(Duration.ofSeconds(7))
                        .withMaxCrawlDelay(Duration.ofMillis(500)))
                .toBuilder().cookies(false).allowPrivate(true).build();

        form.load(CrawlSettings.of(cli, "ua"));

        assertThat(List.of(form.timeoutSecondsProperty().get(), form.maxRetriesProperty().get(),
                form.maxRetryAfterProperty().get(), form.maxCrawlDelayProperty().get()))
                .containsExactly("2.25", "0", "7", "0.5");
        assertThat(form.cookiesProperty().get()).isFalse();
        assertThat(form.allowPrivateProperty().get()).isTrue();
        assertThat(plan()).as("a new crawl from them keeps them").isEqualTo(cli);
    }

    @Test
    void headersThatMayHoldAPasswordAreNotWrittenWithTheSettings() {
        CrawlSettings chosen = CrawlSettings.builder().headers(List.of("X-Trace: 1",
                "Authorization: Bearer s3cret", "Cookie: sid=s3cret", "X-Api-Key: s3cret"))
                .build();
        UiState memory = UiState.inMemory();

        SettingsMemory.save(memory, chosen);

        assertThat(SettingsMemory.load(memory).orElseThrow().headers())
                .containsExactly("X-Trace: 1");
        assertThat(SettingsMemory.secretLines(chosen.headers())).containsExactly(
                "Authorization: Bearer s3cret", "Cookie: sid=s3cret", "X-Api-Key: s3cret");
        assertThat(chosen.toString()).doesNotContain("s3cret");
    }

    /** A timeout remembered before it took decimals ("15") is read still. */
    @Test
    void aWholeTimeoutRememberedBeforeIsReadStill() {
        UiState memory = UiState.inMemory();
        SettingsMemory.save(memory, CrawlSettings.DEFAULT);
        memory.putString("crawl.settings.timeoutSeconds", "20");

        assertThat(SettingsMemory.load(memory).orElseThrow().timeoutSeconds()).isEqualTo(20);
    }
}
