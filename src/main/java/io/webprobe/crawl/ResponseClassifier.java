package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns one response into what the crawl does next: record it (ok, redirect, broken or failed),
 * record it as blocked (a bot wall, a rate limit), or ask again later (a 429 or 503 within the
 * retry budget). Stateless apart from its settings; thread-safe.
 */
final class ResponseClassifier {

    /** What to do with a response. */
    sealed interface Verdict {}

    /** The crawl was stopped while the request ran: nothing to record. */
    record Cancelled() implements Verdict {}

    /** An ordinary answer (or failure) to record as the URL's result. */
    record Answered() implements Verdict {}

    /** The site keeps crawlers out here: a blocked row, never broken. */
    record Blocked(SkipReason why, String message) implements Verdict {}

    /**
     * The server asked us to slow down, or dropped the connection: ask again after
     * {@code delay}; its host waits too.
     *
     * @param afterDrop the one retry after a dropped connection, which takes none of the
     *     429/503 retries ({@code --max-retries})
     */
    record RetryLater(Duration delay, boolean afterDrop) implements Verdict {}

    private static final Verdict CANCELLED = new Cancelled();
    private static final Verdict ANSWERED = new Answered();

    private final Politeness politeness;
    private final Clock clock;

    /**
     * @param clock the wall clock a Retry-After date is measured against
     */
    ResponseClassifier(Politeness politeness, Clock clock) {
        this.politeness = politeness;
        this.clock = clock;
    }

    /**
     * @param retries how often this URL was already asked again (the retry after a dropped
     *     connection included)
     * @param retriedAfterDrop whether it was already asked again after a dropped connection
     * @param stopping whether the crawl is being stopped
     */
    Verdict classify(FetchResponse r, int retries, boolean retriedAfterDrop, boolean stopping) {
        if (r.error() == ErrorKind.CANCELLED || stopping) {
            return CANCELLED;
        }
        String wall = BotWall.detect(r);
        if (wall != null) {
            return new Blocked(SkipReason.BOT_WALL, String.format(Locale.ROOT,
                    "Bot wall (%s, HTTP %d): the site does not let crawlers in", wall, r.status()));
        }
        if (r.error() != null && r.error().dropped() && !retriedAfterDrop) {
            // dropped before any answer, twice (the HTTP client tries a second connection
            // itself): asked once more after a pause, as wget does, before it is called broken
            // (once per URL, whatever 429/503 retries it had or will have)
            return new RetryLater(politeness.retryBackoff(), true);
        }
        if (r.status() != 429 && r.status() != 503) {
            return ANSWERED;
        }
        // the budget of --max-retries is for 429/503 answers alone
        int slowDowns = retriedAfterDrop ? retries - 1 : retries;
        Duration asked = RetryAfter.parse(r.header("retry-after"), clock.instant());
        boolean beyondCap = asked != null && asked.compareTo(politeness.maxRetryAfter()) > 0;
        if (!beyondCap && slowDowns < politeness.maxRetries()) {
            return new RetryLater(asked != null
                    ? asked
                    : politeness.retryBackoff().multipliedBy(1L << Math.min(slowDowns, 20)),
                    false);
        }
        if (beyondCap) {
            return new Blocked(SkipReason.RATE_LIMITED, String.format(Locale.ROOT,
                    "Rate limited: HTTP %d asking to wait %s, more than the %s cap", r.status(),
                    seconds(asked), seconds(politeness.maxRetryAfter())));
        }
        if (r.status() == 429 && slowDowns == 0) {
            // retries are off (--max-retries 0): it was asked once, and not again
            return new Blocked(SkipReason.RATE_LIMITED, String.format(Locale.ROOT,
                    "Rate limited: HTTP %d, not asked again (retries are off)", r.status()));
        }
        if (r.status() == 429) {
            return new Blocked(SkipReason.RATE_LIMITED, String.format(Locale.ROOT,
                    "Rate limited: still HTTP %d after %d %s", r.status(), slowDowns,
                    slowDowns == 1 ? "retry" : "retries"));
        }
        return ANSWERED; // a 503 that never recovered: an ordinary broken result
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%,d s", d.toSeconds());
    }
}
