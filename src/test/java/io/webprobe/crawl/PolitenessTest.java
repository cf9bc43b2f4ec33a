package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static io.webprobe.testsupport.LocalHttpServer.sequence;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.LocalHttpServer.Arrival;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Spacing is checked at the server ({@link LocalHttpServer#arrivals()}, System.nanoTime())
 * and only as lower bounds. The frontier spaces the moments it hands URLs out; a request
 * reaches the server a little after that, so two arrivals can be a little closer than the
 * configured gap (by the first request's way from frontier to server). Where that applies the
 * bound leaves 50 ms for it.
 */
class PolitenessTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
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

    /** Gaps in ns between successive arrivals (sorted by time) of the given paths. */
    private static List<Long> gaps(List<Arrival> arrivals) {
        List<Arrival> sorted = arrivals.stream()
                .sorted(Comparator.comparingLong(Arrival::nanos)).toList();
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            out.add(sorted.get(i).nanos() - sorted.get(i - 1).nanos());
        }
        return out;
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
            released.add(hold(three, Duration.ofSeconds(10)));
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
        homeLinking(4, i -> html("<title>P</title>"));

        crawl(plan(Politeness.DEFAULT.withDelay(Duration.ofMillis(250)))
                .withRespectRobots(false)); // only page requests: each gap is page to page

        List<Arrival> arrivals = pageArrivals(server);
        assertThat(arrivals).hasSize(5);
        // 250 ms between the frontier's hand-outs; 50 ms for the way to the server
        assertThat(gaps(arrivals)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(200 * MS));
    }

    @Test
    void robotsCrawlDelayIsHonouredUpToTheCap() throws Exception {
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
        List<String> pages = homeLinking(4, i -> html("<title>P</title>"));

        Crawl crawl = crawl(plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(300))));

        assertThat(crawl.summary().crawled()).isEqualTo(5);
        List<Arrival> linked = pageArrivals(server).stream()
                .filter(a -> pages.contains(a.path())).toList();
        assertThat(linked).hasSize(4);
        // Crawl-delay 1 s cut to 300 ms; 50 ms for the way to the server
        assertThat(gaps(linked)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(250 * MS));
    }

    @Test
    void robotsCrawlDelayAlsoSpacesTheFirstTwoRequests() throws Exception {
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 1\n"));
        homeLinking(1, i -> html("<title>P</title>"));

        crawl(plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(300))));

        List<Arrival> pages = pageArrivals(server);
        assertThat(pages).extracting(Arrival::path).containsExactly("/", "/p/0");
        assertThat(gaps(pages)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(250 * MS));
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
            released.add(hold(three, Duration.ofSeconds(5)));
            html("<title>P</title>").handle(ex);
        });

        Crawl crawl = crawl(plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ZERO)));

        assertThat(crawl.summary().crawled()).isEqualTo(4);
        assertThat(released).containsExactly(true, true, true);
    }

    @Test
    void aHugeCrawlDelayIsCappedNotTreatedAsDisallowingTheSite() throws Exception {
        // crawler-commons by default disallows a whole site whose Crawl-delay is over 300 s
        server.route("/robots.txt", respond(200, "text/plain", "User-agent: *\nCrawl-delay: 600\n"));
        List<String> pages = homeLinking(4, i -> html("<title>P</title>"));

        Crawl crawl = crawl(plan(Politeness.DEFAULT.withMaxCrawlDelay(Duration.ofMillis(100))));

        assertThat(crawl.rows()).hasSize(5);
        assertThat(crawl.rows().values()).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.url()).isEqualTo(Outcome.OK);
            assertThat(r.skipped()).isNull();
        });
        assertThat(crawl.job().progress().blocked()).isZero();
        List<Arrival> linked = pageArrivals(server).stream()
                .filter(a -> pages.contains(a.path())).toList();
        // cut to 100 ms (the crawl finishing at all shows it was not 600 s)
        assertThat(gaps(linked)).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(50 * MS));
    }

    // ---- 429 and 503 ----

    /**
     * "/" links /limited, which answers {@code first} once and then 200, and /later, which
     * answers only after that first answer was sent, linking a page on the other server: that
     * link is queued while the site's host waits out the Retry-After.
     */
    private void rateLimitedOnceSite(LocalHttpServer.Route first) {
        CountDownLatch limited = new CountDownLatch(1);
        server.route("/", html("<a href=\"/limited\">l</a><a href=\"/later\">later</a>"));
        server.route("/limited", sequence(ex -> {
            first.handle(ex);
            limited.countDown();
        }, html("<title>Limited</title>")));
        server.route("/later", ex -> {
            hold(limited, Duration.ofSeconds(5));
            html("<a href=\"" + other.url("/ext") + "\">elsewhere</a>").handle(ex);
        });
        other.route("/ext", html("<title>Elsewhere</title>"));
    }

    private void assertRetriedOnceAfterAndOtherHostServedMeanwhile(Crawl crawl, long atLeastNanos) {
        CrawlResult row = crawl.rows().get(server.url("/limited"));
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.outcome()).isEqualTo(Outcome.OK);
        assertThat(row.isBroken()).isFalse();
        assertThat(row.title()).isEqualTo("Limited");
        assertThat(crawl.events().results()).filteredOn(r -> r.url().equals(row.url())).hasSize(1);
        assertThat(crawl.events().broken).isEmpty();
        assertThat(crawl.summary().broken()).isZero();

        List<Arrival> tries = server.arrivals("/limited");
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).nanos() - tries.get(0).nanos()).isGreaterThanOrEqualTo(atLeastNanos);
        // the other host was not held up by this host's wait
        List<Arrival> ext = other.arrivals("/ext");
        assertThat(ext).isNotEmpty();
        assertThat(ext.get(0).nanos()).isLessThan(tries.get(1).nanos());
        assertThat(crawl.rows().get(other.url("/ext")).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void retryAfterSecondsIsWaitedForOnThatHostOnly() throws Exception {
        rateLimitedOnceSite(respond(429, "text/html", "<p>Slow down</p>", "Retry-After", "1"));

        // a short backoff: only the Retry-After explains a 1 s wait
        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        // asked again no sooner than 1 s after the 429 reached the crawler, which is after it
        // reached the server: no slack needed
        assertRetriedOnceAfterAndOtherHostServedMeanwhile(crawl, 1000 * MS);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedFor() throws Exception {
        rateLimitedOnceSite(ex -> {
            // whole seconds: 2 s ahead cut to the second is more than 1 s ahead
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
            respond(429, "text/html", "<p>Slow down</p>", "Retry-After", date).handle(ex);
        });

        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        // the date is read against the wall clock, the gap measured with nanoTime: 50 ms for
        // the two clocks
        assertRetriedOnceAfterAndOtherHostServedMeanwhile(crawl, 950 * MS);
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

        Crawl crawl = crawl(plan(QUICK_BACKOFF));

        List<Arrival> tries = server.arrivals("/limited");
        assertThat(tries).as("the first request and three retries").hasSize(4);
        List<Long> gaps = gaps(tries);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(50 * MS);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(100 * MS);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(200 * MS);
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
                .contains("Bot wall")
                .doesNotContain("\n", "Exception", "null")
                .endsWith(".")
                .doesNotEndWith("..");
        assertThat(server.hits("/")).isEqualTo(1);
        assertThat(crawl.summary().crawled()).isZero();
    }
}
