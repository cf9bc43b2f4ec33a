package io.webprobe.crawl;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The crawl's fixed waits before asking again: a robots.txt that answered 5xx, and a resumed
 * crawl's page that could not connect. Tests of the command line, which cannot reach
 * {@link CrawlJobBuilder}, shorten both to {@value #TEST_PROPERTY} milliseconds with that
 * system property, read for each job; unset, as it always is for users, they are as below.
 */
public final class RetryWaits {
    /** The system property tests set (milliseconds). */
    public static final String TEST_PROPERTY = "webprobe.test.retryWaitMs";
    /** Waits before asking again for a robots.txt that answered 5xx. */
    static final List<Duration> ROBOTS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(3));
    /** A resumed crawl's page that could not connect is asked again after this. */
    static final Duration UNREACHED = Duration.ofSeconds(1);

    private RetryWaits() {}

    /** {@link #ROBOTS}, or as many of the test's wait. */
    static List<Duration> robots() {
        Duration wait = testWait();
        return wait == null ? ROBOTS : Collections.nCopies(ROBOTS.size(), wait);
    }

    /** {@link #UNREACHED}, or the test's wait. */
    static Duration unreached() {
        Duration wait = testWait();
        return wait == null ? UNREACHED : wait;
    }

    private static Duration testWait() {
        Long ms = Long.getLong(TEST_PROPERTY);
        return ms == null ? null : Duration.ofMillis(ms);
    }
}
