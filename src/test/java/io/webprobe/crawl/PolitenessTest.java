package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static io.webprobe.testsupport.LocalHttpServer.sequence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.LocalHttpServer.Arrival;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-host politeness in a real crawl against loopback servers: the limit on requests in flight
 * to a host, the delay and robots.txt Crawl-delay between starts, 429/503 with Retry-After and
 * backoff, and bot walls reported as blocked rather than broken.
 *
 * <p>Nothing here depends on how fast the machine is. Spacing is checked on a manual clock
 * ({@link ManualTicker}) against the times the frontier itself used for each hand-out (its
 * {@link Frontier.StartLog}), not against when requests reached the server: the clock stands
 * still until the crawl has nothing left to do but wait, then moves to a millisecond before
 * the next start is due (nothing starts) and then to the moment it is due (it starts). So a
 * gap is shown exact both ways, and "another host is not held back" is shown with the clock
 * standing still. Retry-After dates are read against a fixed wall clock.
 */
class PolitenessTest {
    /** How long before its time a start is shown not to happen (see {@link TimedCrawl}). */
    private static final Duration JUST = Duration.ofMillis(1);
    /** The wall clock of the Retry-After date test (whole seconds, as HTTP dates are). */
    private static final Instant WALL = Instant.parse("2025-03-01T12:00:00Z");
    private static final String FORBIDDEN_PAGE = "<html><head><title>403 Forbidden</title></head>"
            + "<body><h1>Forbidden</h1><p>You don't have permission to access this resource.</p>"
            + "</body></html>";
    private static final String CAPTCHA_PAGE = "<html><head><title>Are you a robot?</title></head>"
            + "<body><form><div class=\"g-recaptcha\" data-sitekey=\"x\"></div></form></body></html>";

    /** Retries after 50, 100, 200 ms when no Retry-After says otherwise. */
    private static final Politeness QUICK_BACKOFF =
            Politeness.DEFAULT.withRetryBackoff(Duration.ofMillis(50));

    private final LocalHttpServer server = new LocalHttpServer();
    private final LocalHttpServer other = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
        other.close();
    }

    /** A finished crawl: its events and the job (closed, its counters still readable). */
    record Crawl(RecordingCrawlListener events, CrawlSummary summary, CrawlJob job) {
        Map<String, CrawlResult> rows() {
            return events.results().stream()
                    .collect(Collectors.toMap(CrawlResult::url, Function.identity()));
        }
    }

    private Crawl crawl(CrawlPlan plan) throws Exception {
        var events = new RecordingCrawlListener();
        CrawlJob job = TestJobs.job(plan, events);
        try (job) {
            job.start();
            return new Crawl(events, events.awaitFinish(), job);
        }
    }

    /** A URL the frontier handed out, and when: manual time since the crawl began. */
    record Start(String url, Duration at) {}

    /**
     * A crawl on a manual clock whose frontier logs every hand-out. The test lets the crawl run
     * until it has nothing to do but wait ({@link #awaitStill}), then moves the clock
     * ({@link #waitOut}); time passes only when the test says so.
     */
    private static final class TimedCrawl implements AutoCloseable {
        final ManualTicker ticker = new ManualTicker();
        final RecordingCrawlListener events = new RecordingCrawlListener();
        final ConcurrentLinkedQueue<Start> starts = new ConcurrentLinkedQueue<>();
        final CrawlJob job;
        private final int threads;

        TimedCrawl(CrawlPlan plan) {
            this(plan, Clock.systemUTC());
        }

        TimedCrawl(CrawlPlan plan, Clock wall) {
            threads = plan.threads();
            job = TestJobs.builder(plan, new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5)),
                            events)
                    .ticker(ticker)
                    .clock(wall)
                    .startLog((item, nanos) -> starts.add(new Start(item.url,
                            Duration.ofNanos(nanos - ManualTicker.START))))
                    .build();
            job.start();
        }

        /**
         * Waits until {@code n} URLs have been handed out and none is in flight: the crawl can
         * do nothing more before the clock moves. Fails at once if more were handed out.
         */
        void awaitStill(int n) {
            try {
                await().atMost(ManualTicker.STUCK).pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(10)).until(() -> starts.size() > n
                        || (starts.size() == n && job.progress().inFlight() == 0));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the crawl never stood still after " + n
                        + " hand-outs: " + this, e);
            }
            assertThat(starts).as("handed out so far").hasSize(n);
        }

        @Override
        public String toString() {
            return "handed out " + starts + "; " + job.progress() + "; results "
                    + events.results().stream().map(r -> r.url() + " " + r.statusText() + " "
                            + r.errorMessage()).toList()
                    + "; workers " + workerStacks();
        }

        private static String workerStacks() {
            StringBuilder b = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (t.getName().startsWith("crawl-worker-")) {
                    b.append("\n  ").append(t.getName()).append(' ').append(t.getState());
                    for (int i = 0; i < Math.min(stack.length, 12); i++) {
                        b.append("\n    at ").append(stack[i]);
                    }
                }
            });
            return b.toString();
        }

        /**
         * From a still crawl with {@code n} hand-outs, moves the clock by {@code d} in two
         * steps: a millisecond before, nothing starts; at {@code d}, exactly one more URL
         * starts, and the crawl is still again once it is done.
         */
        void waitOut(Duration d) {
            int n = starts.size();
            advance(d.minus(JUST));
            assertThat(starts).as("handed out %s before its time", JUST).hasSize(n);
            advance(JUST);
            awaitStill(n + 1);
        }

        /**
         * Moves the clock and returns once every worker has looked at it again: whatever is
         * due by then has been handed out (see {@link ManualTicker}).
         */
        private void advance(Duration d) {
            ticker.advance(d);
            job.timeMoved();
            ticker.awaitReadBy("crawl-worker-", threads);
        }

        /** The hand-outs of one URL. */
        List<Duration> startsOf(String url) {
            return starts.stream().filter(s -> s.url().equals(url)).map(Start::at).toList();
        }

        /** Waits for the end of the crawl, with the clock where it is. */
        Crawl finish() throws Exception {
            CrawlSummary summary = events.awaitFinish();
            return new Crawl(events, summary, job);
        }

        @Override
        public void close() {
            job.close();
        }
    }

    private static List<Duration> millis(long... ms) {
        return java.util.Arrays.stream(ms).mapToObj(Duration::ofMillis).toList();
    }

    private CrawlPlan plan(Politeness politeness) {
        return CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test")
                .withThreads(8)
                .withPoliteness(politeness);
    }

    /** "/" linking to /p/0 .. /p/(n-1); returns their paths. */
    private List<String> homeLinking(int n, Function<Integer, LocalHttpServer.Route> page) {
        StringBuilder home = new StringBuilder("<title>Home</title>");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = "/p/" + i;
            paths.add(path);
            home.append("<a href=\"").append(path).append("\">").append(i).append("</a>");
            server.route(path, page.apply(i));
        }
        server.route("/", html(home.toString()));
        return paths;
    }

    /** Waits on the server side without the test sleeping. */
    private static boolean hold(CountDownLatch latch, Duration atMost) {
        try {
            return latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Counts the requests a route is handling at once. A request counts from its arrival until
     * just before its response is sent, so a client that starts its next request only after
     * the last response cannot be seen as overlapping.
     */
    static final class Concurrency {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        LocalHttpServer.Route around(Runnable work, LocalHttpServer.Route route) {
            return ex -> {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                try {
                    work.run();
                } finally {
                    now.decrementAndGet();
                }
                route.handle(ex);
            };
        }
    }

    private List<Arrival> pageArrivals(LocalHttpServer s) {
        return s.arrivals().stream().filter(a -> !a.path().equals("/robots.txt")).toList();
    }

    // ---- requests in flight per host ----

    @Test
    void maxPerHostOneNeverSendsTwoRequestsToAHostAtOnce() throws Exception {
        Concurrency c = new Concurrency();
        List<String> pages = homeLinking(20, i -> c.around(
                () -> hold(new CountDownLatch(1), Duration.ofMillis(20)), html("<title>P</title>")));

        Crawl crawl = crawl(plan(Politeness.DEFAULT.withMaxPerHost(1)));

        assertThat(crawl.summary().crawled()).isEqualTo(21);
        assertThat(crawl.rows().values()).allMatch(r -> r.outcome() == Outcome.OK);
        for (String p : pages) {
            assertThat(server.hits(p)).isEqualTo(1);
        }
        assertThat(c.max.get()).as("most requests at once, with 8 threads").isEqualTo(1);
    }

    @Test
    void maxPerHostThreeSendsThreeAtOnceButNeverMore() throws Exception {
        Concurrency c = new Concurrency();
        // the first three pages are held until three requests are at the server together
        CountDownLatch three = new CountDownLatch(3);
        ConcurrentLinkedQueue<Boolean> released = new ConcurrentLinkedQueue<>();
        homeLinking(20, i -> c.around(() -> {
            three.countDown();
            released.add(hold(three, ManualTicker.STUCK));
            hold(new CountDownLatch(1), Duration.ofMillis(20));
        }, html("<title>P</title>")));

        Crawl crawl = crawl(plan(Politeness.DEFAULT.withMaxPerHost(3)));

        assertThat(crawl.summary().crawled()).isEqualTo(21);
        assertThat(released).as("every held request saw three at once").containsOnly(true);
        assertThat(c.max.get()).as("most requests at once, with 8 threads").isEqualTo(3);
    }

    // ---- the least gap between starts ----

    @Test
    void delaySpacesTheStartsOfRequestsToAHost() throws Exception {
        List<String> pages = homeLinking(4, i -> html("<title>P</title>"));

        Crawl crawl;
        List<Start> starts;
        try (TimedCrawl c = new TimedCrawl(plan(Politeness.DEFAULT.withDelay(Duration.ofMillis(250)))
                .withRespectRobots(false))) { // only page requests
            c.awaitStill(1); // "/" at 0; the pages it links wait for the delay
            for (int i = 0; i < 4; i++) {
                c.waitOut(Duration.ofMillis(250));
            }
            crawl = c.finish();
            starts = List.copyOf(c.starts);
        }

        assertThat(crawl.summary().crawled()).isEqualTo(5);
        assertThat(starts).extracting(Start::url).containsExactly(server.url("/"),
                server.url(pages.get(0)), server.url(pages.get(1)), server.url(pages.get(2)),
                server.url(pages.get(3)));
        assertThat(starts).extracting(Start::at).isEqualTo(millis(0, 250, 500, 750, 1000));
        assertThat(pageArrivals(server)).hasSize(5);
    }

    @Test
    void aFolderExcludedDuringTheCrawlLeavesTheQueueWithoutWaitingForTheDelay()
            throws Exception {
        // the queue: /p/0, /a, /p/1, /b, /p/2, /p/3, in that order, on one host
        server.route("/", html("<title>Home</title><a href=/p/0>0</a><a href=/a>a</a>"
                + "<a href=/p/1>1</a><a href=/b>b</a><a href=/p/2>2</a><a href=/p/3>3</a>"));
        for (String path : List.of("/a", "/b", "/p/0", "/p/1", "/p/2", "/p/3")) {
            server.route(path, html("<title>P</title>"));
        }

        Crawl crawl;
        try (TimedCrawl c = new TimedCrawl(plan(Politeness.DEFAULT.withDelay(Duration.ofMillis(200)))
                .withRespectRobots(false))) {
            c.awaitStill(1); // "/" at 0; its links wait for the delay
            c.job.exclude(java.util.regex.Pattern.compile("/p/"));
            // the clock stands still: the four /p/ URLs become skipped rows all the same
            await().atMost(ManualTicker.STUCK).pollInterval(Duration.ofMillis(10))
                    .until(() -> c.job.progress().skipped() == 4);
            assertThat(c.job.progress().queued()).isEqualTo(2); // /a and /b
            c.awaitStill(1); // and took no slot of the host's: /a starts at 200 ms
            c.waitOut(Duration.ofMillis(200));
            c.waitOut(Duration.ofMillis(200));
            crawl = c.finish();
            assertThat(c.startsOf(server.url("/b"))).isEqualTo(millis(400));
        }

        assertThat(crawl.summary().crawled()).isEqualTo(3);
        assertThat(crawl.events().stored()).filteredOn(r -> r.url().contains("/p/"))
                .hasSize(4).allSatisfy(r -> assertThat(r.skipped())
                        .isEqualTo(SkipReason.EXCLUDED));
        assertThat(server.allHits().keySet()).noneMatch(k -> k.startsWith("/p/"));
    }

    @Test
    void robotsCrawlDelayIsHonouredUpToTheCap() throws Exception {
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
        List<String> pages = homeLinking(4, i -> html("<title>P</title>"));

        Crawl crawl;
        try (TimedCrawl c = new TimedCrawl(
                plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(300))))) {
            c.awaitStill(1);
            for (int i = 0; i < 4; i++) {
                c.waitOut(Duration.ofMillis(300)); // Crawl-delay 1 s cut to 300 ms
            }
            crawl = c.finish();
            for (int i = 0; i < 4; i++) {
                assertThat(c.startsOf(server.url(pages.get(i))))
                        .containsExactly(Duration.ofMillis(300L * (i + 1)));
            }
        }

        assertThat(crawl.summary().crawled()).isEqualTo(5);
        for (String p : pages) {
            assertThat(server.hits(p)).isEqualTo(1);
        }
    }

    @Test
    void robotsCrawlDelayAlsoSpacesTheFirstTwoRequests() throws Exception {
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
        homeLinking(1, i -> html("<title>P</title>"));

        try (TimedCrawl c = new TimedCrawl(
                plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(300))))) {
            // the delay is learnt from robots.txt after "/" was handed out: it counts from there
            c.awaitStill(1);
            c.waitOut(Duration.ofMillis(300));
            c.finish();
            assertThat(c.starts).containsExactly(new Start(server.url("/"), Duration.ZERO),
                    new Start(server.url("/p/0"), Duration.ofMillis(300)));
        }
        assertThat(pageArrivals(server)).extracting(Arrival::path).containsExactly("/", "/p/0");
    }

    @Test
    void maxCrawlDelayZeroIgnoresCrawlDelay() throws Exception {
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 30\n"));
        // three pages that are answered only once all three are at the server together:
        // impossible if 30 s (or any gap) separated their starts
        CountDownLatch three = new CountDownLatch(3);
        ConcurrentLinkedQueue<Boolean> released = new ConcurrentLinkedQueue<>();
        homeLinking(3, i -> ex -> {
            three.countDown();
            released.add(hold(three, ManualTicker.STUCK));
            html("<title>P</title>").handle(ex);
        });

        Crawl crawl;
        try (TimedCrawl c = new TimedCrawl(plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ZERO)))) {
            crawl = c.finish(); // the clock never moves: nothing waited for it
            assertThat(c.starts).hasSize(4).extracting(Start::at).containsOnly(Duration.ZERO);
        }

        assertThat(crawl.summary().crawled()).isEqualTo(4);
        assertThat(released).containsExactly(true, true, true);
    }

    @Test
    void aHugeCrawlDelayIsCappedNotTreatedAsDisallowingTheSite() throws Exception {
        // crawler-commons by default disallows a whole site whose Crawl-delay is over 300 s
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 600\n"));
        List<String> pages = homeLinking(4, i -> html("<title>P</title>"));

        Crawl crawl;
        try (TimedCrawl c = new TimedCrawl(
                plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(100))))) {
            c.awaitStill(1);
            for (int i = 0; i < 4; i++) {
                c.waitOut(Duration.ofMillis(100)); // cut to 100 ms, not 600 s
            }
            crawl = c.finish();
            assertThat(c.starts).extracting(Start::at).isEqualTo(millis(0, 100, 200, 300, 400));
        }

        assertThat(crawl.rows()).hasSize(5);
        assertThat(crawl.rows().values()).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.url()).isEqualTo(Outcome.OK);
            assertThat(r.skipped()).isNull();
        });
        assertThat(crawl.job().progress().blocked()).isZero();
        for (String p : pages) {
            assertThat(server.hits(p)).isEqualTo(1);
        }
    }

    // ---- 429 and 503 ----

    /**
     * "/" links /limited, which answers {@code first} once and then 200, and /later, which
     * answers only after that first answer was sent, linking a page on the other server: that
     * link is queued while the site's host waits out the Retry-After.
     */
    private void rateLimitedOnceSite(LocalHttpServer.Route first) {
        CountDownLatch laterAsked = new CountDownLatch(1);
        CountDownLatch limited = new CountDownLatch(1);
        server.route("/", html("<a href=\"/limited\">l</a><a href=\"/later\">later</a>"));
        server.route("/limited", sequence(ex -> {
            // /later was handed out before this answer holds its host: on a busy machine the
            // answer could otherwise come back before a second worker woke to take /later
            hold(laterAsked, ManualTicker.STUCK);
            first.handle(ex);
            limited.countDown();
        }, html("<title>Limited</title>")));
        server.route("/later", ex -> {
            laterAsked.countDown();
            hold(limited, ManualTicker.STUCK);
            html("<a href=\"" + other.url("/ext") + "\">elsewhere</a>").handle(ex);
        });
        other.route("/ext", html("<title>Elsewhere</title>"));
    }

    /**
     * Crawls {@link #rateLimitedOnceSite}: with the clock standing still, everything is done
     * but the retry, the other host included; the retry comes exactly {@code wait} later.
     */
    private Crawl crawlRateLimitedOnce(Politeness politeness, Clock wall, Duration wait)
            throws Exception {
        try (TimedCrawl c = new TimedCrawl(plan(politeness), wall)) {
            c.awaitStill(4); // "/", /limited, /later and /ext, all at 0
            // the other host was not held up by this host's wait: served, the clock standing still
            assertThat(c.startsOf(other.url("/ext"))).containsExactly(Duration.ZERO);
            assertThat(other.hits("/ext")).isEqualTo(1);
            assertThat(server.hits("/limited")).isEqualTo(1);
            assertThat(c.job.progress().retrying()).isEqualTo(1);

            c.waitOut(wait);
            Crawl crawl = c.finish();
            assertThat(c.startsOf(server.url("/limited"))).containsExactly(Duration.ZERO, wait);
            return crawl;
        }
    }

    private void assertRetriedOnceAndOtherHostServed(Crawl crawl) {
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.outcome()).isEqualTo(Outcome.OK);
        assertThat(row.isBroken()).isFalse();
        assertThat(row.title()).isEqualTo("Limited");
        assertThat(crawl.events().results()).filteredOn(r -> r.url().equals(row.url())).hasSize(1);
        assertThat(crawl.events().broken).isEmpty();
        assertThat(crawl.summary().broken()).isZero();
        assertThat(server.arrivals("/limited")).hasSize(2);
        assertThat(crawl.rows().get(other.url("/ext")).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void retryAfterSecondsIsWaitedForOnThatHostOnly() throws Exception {
        rateLimitedOnceSite(respond(429, "text/html", "<p>Slow down</p>", "Retry-After", "1"));

        // a short backoff: only the Retry-After explains a 1 s wait
        Crawl crawl = crawlRateLimitedOnce(QUICK_BACKOFF, Clock.systemUTC(), Duration.ofSeconds(1));

        assertRetriedOnceAndOtherHostServed(crawl);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedFor() throws Exception {
        rateLimitedOnceSite(respond(429, "text/html", "<p>Slow down</p>", "Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        WALL.plusSeconds(2).atZone(ZoneOffset.UTC))));

        // the date is read against the crawl's wall clock, fixed here: exactly 2 s ahead
        Crawl crawl = crawlRateLimitedOnce(QUICK_BACKOFF, Clock.fixed(WALL, ZoneOffset.UTC),
                Duration.ofSeconds(2));

        assertRetriedOnceAndOtherHostServed(crawl);
    }

    @Test
    void retryAfterBeyondTheCapIsBlockedAtOnceNotBroken() throws Exception {
        server.route("/", html("<a href=\"/limited\">l</a><a href=\"/fine\">f</a>"));
        server.route("/limited", respond(429, "text/html", "<p>Come back in an hour</p>",
                "Retry-After", "3600"));
        server.route("/fine", html("<title>Fine</title>"));

        Crawl crawl = crawl(plan(Politeness.DEFAULT)); // the cap: 60 s

        assertThat(server.hits("/limited")).isEqualTo(1);
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(row.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        assertThat(row.status()).isEqualTo(429);
        assertThat(row.isBroken()).isFalse();
        assertThat(row.errorMessage()).contains("3,600 s").contains("60 s cap");
        assertThat(crawl.summary().broken()).isZero();
        assertThat(crawl.summary().brokenLinks()).isZero();
        assertThat(crawl.events().broken).isEmpty();
        assertThat(crawl.summary().skipped()).containsEntry(SkipReason.RATE_LIMITED, 1L);
        assertThat(crawl.summary().blockedTotal()).isEqualTo(1);
        assertThat(crawl.job().progress().blocked()).isEqualTo(1);
        assertThat(crawl.job().progress().broken()).isZero();
        assertThat(crawl.rows().get(server.url("/fine")).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void a429WithoutRetryAfterIsRetriedWithADoublingBackoffThenBlocked() throws Exception {
        server.route("/", html("<a href=\"/limited\">l</a>"));
        server.route("/limited", respond(429, "text/html", "<p>Too many requests</p>"));

        Crawl crawl;
        try (TimedCrawl c = new TimedCrawl(plan(QUICK_BACKOFF))) {
            c.awaitStill(2); // "/" and the first try of /limited
            c.waitOut(Duration.ofMillis(50));
            c.waitOut(Duration.ofMillis(100));
            c.waitOut(Duration.ofMillis(200));
            crawl = c.finish();
            assertThat(c.startsOf(server.url("/limited"))).as("the first try and three retries")
                    .isEqualTo(millis(0, 50, 150, 350));
        }

        assertThat(server.arrivals("/limited")).hasSize(4);
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(row.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        assertThat(row.status()).isEqualTo(429);
        assertThat(row.errorMessage()).contains("after 3 retries");
        assertThat(crawl.events().results()).filteredOn(r -> r.url().equals(row.url())).hasSize(1);
        assertThat(crawl.events().broken).isEmpty();
        assertThat(crawl.summary().broken()).isZero();
    }

    @Test
    void maxRetriesLimitsTheRetries() throws Exception {
        server.route("/", html("<a href=\"/limited\">l</a>"));
        server.route("/limited", respond(429, "text/html", "<p>Too many requests</p>"));

        Crawl crawl = crawl(plan(QUICK_BACKOFF.withMaxRetries(1)));

        assertThat(server.hits("/limited")).isEqualTo(2);
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        assertThat(row.errorMessage()).contains("after 1 retry");
    }

    @Test
    void withRetriesOffA429IsRateLimitedWithoutTalkOfRetries() throws Exception {
        server.route("/", html("<a href=\"/limited\">l</a>"));
        server.route("/limited", respond(429, "text/html", "<p>Too many requests</p>"));

        Crawl crawl = crawl(plan(QUICK_BACKOFF.withMaxRetries(0)));

        assertThat(server.hits("/limited")).isEqualTo(1);
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        // not "still HTTP 429 after 0 retries": none was made
        assertThat(row.errorMessage())
                .isEqualTo("Rate limited: HTTP 429, not asked again (retries are off)");
    }

    @Test
    void a503ThatRecoversEndsOk() throws Exception {
        server.route("/", html("<a href=\"/busy\">b</a>"));
        server.route("/busy", sequence(LocalHttpServer.status(503), LocalHttpServer.status(503),
                html("<title>Back</title>")));

        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        assertThat(server.hits("/busy")).isEqualTo(3);
        CrawlResult row = crawl.rows().get(server.url("/busy"));
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.outcome()).isEqualTo(Outcome.OK);
        assertThat(row.title()).isEqualTo("Back");
        assertThat(row.retries()).isEqualTo(2);
        assertThat(row.retryNote()).isEqualTo("503, OK after 2 retries");
        assertThat(crawl.events().broken).isEmpty();
        // the crawl file keeps the trace too
        assertThat(crawl.events().stored()).filteredOn(r -> r.url().equals(server.url("/busy")))
                .singleElement().satisfies(r -> assertThat(r.retryNote())
                        .isEqualTo("503, OK after 2 retries"));
    }

    /**
     * A 503 maintenance page of a site that uses reCAPTCHA v3 says "protected by reCAPTCHA",
     * as its every page does: it is asked again as any 503, not taken for a bot wall.
     */
    @Test
    void a503ThatOnlyMentionsACaptchaIsAskedAgain() throws Exception {
        server.route("/", html("<a href=\"/busy\">b</a>"));
        server.route("/busy", sequence(respond(503, "text/html", "<html><body>Back soon."
                + " This site is protected by reCAPTCHA.</body></html>"),
                html("<title>Back</title>")));

        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        assertThat(server.hits("/busy")).isEqualTo(2);
        CrawlResult row = crawl.rows().get(server.url("/busy"));
        assertThat(row.skipped()).isNull();
        assertThat(row.retryNote()).isEqualTo("503, OK after 1 retry");
    }

    @Test
    void a503ThatNeverRecoversIsBrokenAfterEveryRetry() throws Exception {
        server.route("/", html("<a href=\"/down\">down link</a>"));
        server.route("/down", LocalHttpServer.status(503));

        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        assertThat(server.hits("/down")).isEqualTo(4);
        CrawlResult row = crawl.rows().get(server.url("/down"));
        assertThat(row.status()).isEqualTo(503);
        assertThat(row.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(row.skipped()).isNull();
        assertThat(row.isBroken()).isTrue();
        assertThat(row.retryNote()).isEqualTo("503 after 3 retries");
        assertThat(crawl.events().broken).singleElement().satisfies(b -> {
            assertThat(b.sourceUrl()).isEqualTo(server.url("/"));
            assertThat(b.linkUrl()).isEqualTo(server.url("/down"));
            assertThat(b.status()).isEqualTo(503);
            assertThat(b.anchorText()).isEqualTo("down link");
        });
        assertThat(crawl.summary().broken()).isEqualTo(1);
    }

    // ---- bot walls ----

    @Test
    void botWallsAreBlockedWhileAPlain403IsBroken() throws Exception {
        server.route("/", html("<a href=\"/cf\">cf</a><a href=\"/li\">li</a>"
                + "<a href=\"/plain\">plain</a><a href=\"" + other.url("/ext") + "\">ext</a>"));
        server.route("/cf", respond(403, "text/html", "<html><body>Checking your browser</body>"
                + "</html>", "cf-mitigated", "challenge"));
        server.route("/li", respond(999, "text/html", "<html><body>Request denied</body></html>"));
        server.route("/plain", respond(403, "text/html", FORBIDDEN_PAGE));
        // an external link is checked with HEAD; a 403 to HEAD is asked again with GET, whose
        // body (a 403 HTML page) is kept to tell a bot wall from a broken link
        other.route("/ext", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                LocalHttpServer.send(ex, 403, "text/html", "");
            } else {
                LocalHttpServer.send(ex, 403, "text/html; charset=utf-8", CAPTCHA_PAGE);
            }
        });

        Crawl crawl = crawl(plan(Politeness.DEFAULT));
        Map<String, CrawlResult> rows = crawl.rows();

        CrawlResult cf = rows.get(server.url("/cf"));
        assertThat(cf.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(cf.skipped()).isEqualTo(SkipReason.BOT_WALL);
        assertThat(cf.status()).isEqualTo(403);
        assertThat(cf.statusText()).isEqualTo("403");
        assertThat(cf.errorMessage()).contains("Cloudflare challenge");
        assertThat(cf.isBroken()).isFalse();

        CrawlResult li = rows.get(server.url("/li"));
        assertThat(li.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(li.skipped()).isEqualTo(SkipReason.BOT_WALL);
        assertThat(li.status()).isEqualTo(999);

        CrawlResult plain = rows.get(server.url("/plain"));
        assertThat(plain.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(plain.skipped()).isNull();

        CrawlResult ext = rows.get(other.url("/ext"));
        assertThat(ext.external()).isTrue();
        assertThat(ext.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(ext.skipped()).isEqualTo(SkipReason.BOT_WALL);
        assertThat(ext.errorMessage()).contains("captcha");
        assertThat(other.arrivals("/ext")).extracting(Arrival::method).containsExactly("HEAD", "GET");

        assertThat(crawl.events().broken).extracting(BrokenLink::linkUrl)
                .containsExactly(server.url("/plain"));
        assertThat(crawl.summary().broken()).isEqualTo(1);
        assertThat(crawl.summary().skipped()).containsEntry(SkipReason.BOT_WALL, 3L);
        assertThat(crawl.job().progress().blocked()).isEqualTo(3);
        // none of them is asked again: a wall is not a rate limit
        assertThat(server.hits("/cf")).isEqualTo(1);
        assertThat(server.hits("/li")).isEqualTo(1);
    }

    @Test
    void aStartUrlBehindABotWallIsAPlainStartFailure() throws Exception {
        server.route("/", respond(403, "text/html", "<html>Just a moment</html>",
                "cf-mitigated", "challenge"));

        Crawl crawl = crawl(plan(Politeness.DEFAULT));

        String failure = crawl.summary().startFailure();
        assertThat(failure).isNotNull()
                .contains(server.url("/"))
                .contains("could not be crawled: bot wall")
                .doesNotContain("\n", "Exception", "null")
                .endsWith(".")
                .doesNotEndWith("..");
        assertThat(server.hits("/")).isEqualTo(1);
        assertThat(crawl.summary().crawled()).isZero();
    }
}
