package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlLimit.Naming;
import io.webprobe.ui.crawl.CrawlSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One range for each crawl setting, read by the command line and by the Crawl tab alike. */
class CrawlLimitTest {

    @Test
    void eachRuleNamesTheSettingAsItsReaderKnowsIt() {
        assertThat(CrawlLimit.THREADS.rule(Naming.OPTION))
                .isEqualTo("--threads must be between 1 and 256.");
        assertThat(CrawlLimit.THREADS.rule(Naming.LABEL))
                .isEqualTo("Threads must be between 1 and 256.");
        assertThat(CrawlLimit.MAX_DEPTH.rule(Naming.OPTION))
                .isEqualTo("--max-depth must be 0 (the start page only) or more.");
        assertThat(CrawlLimit.MAX_PER_HOST.rule(Naming.OPTION))
                .isEqualTo("--max-per-host must be between 0 (as many as --threads) and 256.");
        assertThat(CrawlLimit.MAX_PER_HOST.rule(Naming.LABEL)).isEqualTo(
                "Requests at once per host must be between 0 (as many as Threads) and 256.");
        // a tester found "3600000 ms" on the command line, whose other messages write
        // 3,600,000; the Crawl tab's fields keep the figures as they are typed there
        assertThat(CrawlLimit.DELAY_MILLIS.rule(Naming.OPTION))
                .isEqualTo("--delay-ms must be between 0 and 3,600,000 ms (an hour).");
        assertThat(CrawlLimit.DELAY_MILLIS.rule(Naming.LABEL))
                .isEqualTo("Delay per host must be between 0 and 3600000 ms (an hour).");
        assertThat(CrawlLimit.REQUESTS_PER_SECOND.rule(Naming.OPTION))
                .isEqualTo("--max-rps must be between 0.001 and 100,000 requests per second.");
        assertThat(CrawlLimit.REQUESTS_PER_SECOND.rule(Naming.LABEL)).isEqualTo(
                "Max requests/s per host must be between 0.001 and 100000 requests per second.");
    }

    @Test
    void theRangesEndsAreIn() {
        for (CrawlLimit limit : CrawlLimit.values()) {
            assertThat(limit.holds(limit.min())).as(limit.name()).isTrue();
            assertThat(limit.holds(limit.max())).as(limit.name()).isTrue();
            assertThat(limit.problem(limit.min(), Naming.OPTION)).as(limit.name()).isNull();
            assertThat(limit.problem(Math.nextDown(limit.min()), Naming.OPTION))
                    .isEqualTo(limit.rule(Naming.OPTION));
        }
        assertThat(CrawlLimit.THREADS.holds(257)).isFalse();
        assertThat(CrawlLimit.MAX_PAGES.holds(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void theCrawlTabsSettingsRefuseWhatTheCommandLineRefusesWithTheSameRule() {
        record Case(CrawlLimit limit, Runnable make) { }
        List<Case> cases = List.of(
                new Case(CrawlLimit.THREADS, () -> CrawlSettings.builder().threads(257).build()),
                new Case(CrawlLimit.MAX_URL_LENGTH,
                        () -> CrawlSettings.builder().maxUrlLength(9).build()),
                new Case(CrawlLimit.MAX_PER_HOST,
                        () -> CrawlSettings.builder().maxPerHost(257).build()),
                new Case(CrawlLimit.DELAY_MILLIS,
                        () -> CrawlSettings.builder().delayMillis(3_600_001).build()));
        for (Case c : cases) {
            assertThatThrownBy(c.make()::run).hasMessage(c.limit().rule(Naming.LABEL));
        }
    }
}
