package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.ShortTimeoutProbe;
import io.webprobe.testsupport.TestSite;
import io.webprobe.testsupport.RefusedPort;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrawlJobTest {
    /** Only something really stuck waits this long; nothing here asserts on elapsed time. */
    private static final Duration STUCK = ManualTicker.STUCK;
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
    }

    private CrawlJob job(CrawlPlan plan, CrawlListener listener) {
        CrawlJob job = TestJobs.job(plan, listener);
        toClose.add(job);
        return job;
    }

    /**
     * Starts a crawl of "/" whose every request is first shown to {@code beforeFetch} on the
     * worker thread about to send it (which may throw, as a bug of ours would).
     */
    private void crawlWatched(RecordingCrawlListener events,
            java.util.function.Consumer<io.webprobe.http.FetchRequest> beforeFetch) {
        JdkHttpProbe real = new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5));
        io.webprobe.http.HttpProbe probe = new io.webprobe.http.HttpProbe() {
            @Override
            public io.webprobe.http.FetchResponse fetch(io.webprobe.http.FetchRequest request) {
                beforeFetch.accept(request);
                return real.fetch(request);
            }

            @Override
            public void close() {
                real.close();
            }
        };
        CrawlJob job = TestJobs.builder(plan("/"), probe, events).build();
        toClose.add(job);
        toClose.add(probe);
        job.start();
    }

    private CrawlPlan plan(String path) {
        return CrawlPlan.of(URI.create(server.url(path)), "Webprobe/test");
    }

    private static Map<String, CrawlResult> byUrl(List<CrawlResult> results) {
        return results.stream().collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void findsEveryReachablePageExactlyOnceAndEveryBrokenLinkWithItsSources() throws Exception {
        TestSite site = new TestSite(server, 300);
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/").withThreads(16), events);
        job.start();
        CrawlSummary summary = events.awaitFinish();

        assertThat(summary.stopped()).isFalse();
        assertThat(summary.startFailure()).isNull();
        Set<String> expected = site.paths().stream().map(server::url).collect(Collectors.toSet());
        List<String> crawled = events.results().stream().map(CrawlResult::url).toList();
        assertThat(crawled).doesNotHaveDuplicates();
        assertThat(Set.copyOf(crawled)).isEqualTo(expected);
        for (String path : site.paths()) {
            assertThat(server.hits(path)).as("requests of %s", path).isEqualTo(1);
        }
        // one request per page, plus robots.txt once
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(server.totalRequests()).isEqualTo(site.paths().size() + 1);

        Map<String, List<String>> brokenSources = events.broken.stream().collect(
                Collectors.groupingBy(BrokenLink::linkUrl,
                        Collectors.mapping(BrokenLink::sourceUrl, Collectors.toList())));
        Map<String, List<String>> expectedBroken = site.brokenSources().entrySet().stream()
                .collect(Collectors.toMap(e -> server.url(e.getKey()), Map.Entry::getValue));
        assertThat(brokenSources.keySet()).isEqualTo(expectedBroken.keySet());
        expectedBroken.forEach((link, sources) ->
                assertThat(brokenSources.get(link)).containsExactlyInAnyOrderElementsOf(sources));
        assertThat(events.broken).allSatisfy(b -> {
            assertThat(b.status()).isEqualTo(404);
            assertThat(b.anchorText()).startsWith("broken ");
        });
        assertThat(summary.crawled()).isEqualTo(expected.size());
        assertThat(summary.brokenLinks()).isEqualTo(events.broken.size());
        assertThat(events.eventsAfterFinish).isEmpty();
        // the listener hears of the end first, then the completion completes with the same
        assertThat(job.completion().get(10, TimeUnit.SECONDS)).isSameAs(summary);
    }

    @Test
    void aStartThatIsInterruptedEndsTheCrawlStoppedInsteadOfThrowing() throws Exception {
        new TestSite(server, 10);
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/"), events);

        // the start URL goes to the crawl file's queue, whose wait an interrupt ends
        Thread.currentThread().interrupt();
        try {
            job.start();
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }

        CrawlSummary summary = job.completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(summary.stopped()).isTrue();
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void anUnexpectedFailureOnOneUrlIsThatUrlsResultInPlainWords() throws Exception {
        TestSite site = new TestSite(server, 10);
        String unlucky = server.url(site.paths().stream().sorted().toList().get(3));
        var events = new RecordingCrawlListener();
        crawlWatched(events, request -> {
            if (request.uri().toString().equals(unlucky)) {
                throw new IllegalStateException("a bug of ours");
            }
        });
        CrawlSummary summary = events.awaitFinish();

        assertThat(summary.crawled()).isEqualTo(site.paths().size());
        assertThat(byUrl(events.results()).get(unlucky).errorMessage()).isEqualTo(
                "Webprobe failed on this URL (an internal error; the details are in its log)");
    }

    @Test
    void aJobStoppedBeforeItStartsEndsStoppedWhenStarted() throws Exception {
        new TestSite(server, 10);
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/"), events);

        // the window makes a job on a background thread; Stop may come before its start
        job.stop();
        job.start();

        CrawlSummary summary = job.completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(summary.stopped()).isTrue();
        assertThat(summary.crawled()).isZero();
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void theWorkersRunBelowTheWindowAndTheWriterTheyWaitFor() throws Exception {
        new TestSite(server, 10);
        Set<Integer> fetchPriorities = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Set<Integer> writerPriorities = java.util.concurrent.ConcurrentHashMap.newKeySet();
        var events = new RecordingCrawlListener();
        crawlWatched(events, request -> {
            fetchPriorities.add(Thread.currentThread().getPriority());
            Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("store-writer"))
                    .forEach(t -> writerPriorities.add(t.getPriority()));
        });
        events.awaitFinish();

        assertThat(fetchPriorities).containsExactly(io.webprobe.NamedThreads.BULK_PRIORITY);
        assertThat(writerPriorities).containsExactly(Thread.NORM_PRIORITY);
        assertThat(io.webprobe.NamedThreads.BULK_PRIORITY).isLessThan(Thread.NORM_PRIORITY);
    }

    @Test
    void recordsPageDetailsDepthInlinksAndRedirects() throws Exception {
        new TestSite(server, 10);
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/"), events);
        job.start();
        events.awaitFinish();
        Map<String, CrawlResult> results = byUrl(events.stored());

        CrawlResult home = results.get(server.url("/"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.title()).isEqualTo("Home");
        assertThat(home.contentType()).isEqualTo("text/html");
        assertThat(home.depth()).isZero();
        assertThat(home.outlinks()).isEqualTo(2);
        assertThat(home.referrer()).isEmpty();
        assertThat(home.sizeBytes()).isPositive();

        CrawlResult old = results.get(server.url("/old"));
        assertThat(old.status()).isEqualTo(301);
        assertThat(old.redirectTo()).isEqualTo(server.url("/page/3.html"));
        assertThat(old.referrer()).isEqualTo(server.url("/"));

        CrawlResult p0 = results.get(server.url("/page/0.html"));
        assertThat(p0.depth()).isEqualTo(1);
        // linked from "/", from page 9 (next), page 0 itself (self, jump 0*7), page 1 (up 1/2)
        assertThat(p0.inlinks()).isEqualTo(4);
        CrawlResult img = results.get(server.url("/img/0.png"));
        assertThat(img.contentType()).isEqualTo("image/png");
        assertThat(img.sizeBytes()).isEqualTo(7);
    }

    /**
     * The bug: a URL got the depth of whichever page happened to find it first. Here /c is
     * two clicks away (/ → /b → /c), but /b answers only once /a2 (/ → /a → /a2 → /c) has
     * answered, so /a2 was read first and /c got depth 3, its referrer /a2; on a long site with
     * eight threads most depths were too deep, and --max-depth left out pages within it.
     */
    @Test
    void aUrlGetsTheDepthOfTheShortestWayToItWhateverAnswersFirst() throws Exception {
        CountDownLatch a2Answered = new CountDownLatch(1);
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/b\">b</a>"));
        server.route("/a", html("<a href=\"/a2\">a2</a>"));
        server.route("/a2", ex -> {
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/c\">c</a>");
            a2Answered.countDown();
        });
        server.route("/b", ex -> {
            try {
                a2Answered.await(STUCK.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/c\">c</a>");
        });
        server.route("/c", html("<title>C</title>"));
        var events = new RecordingCrawlListener();

        JdkHttpProbe probe = new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5));
        toClose.add(probe);
        // /b is awaited however long a busy machine takes to get to it (2 s by default)
        CrawlJob job = TestJobs.builder(plan("/").withThreads(4).withRespectRobots(false), probe,
                events).levelPatience(STUCK).build();
        toClose.add(job);
        job.start();
        events.awaitFinish();

        Map<String, CrawlResult> results = byUrl(events.stored());
        assertThat(results.get(server.url("/a2")).depth()).isEqualTo(2);
        CrawlResult c = results.get(server.url("/c"));
        assertThat(c.depth()).isEqualTo(2);
        assertThat(c.referrer()).isEqualTo(server.url("/b"));
    }

    @Test
    void checksExternalLinksOnceWithoutCrawlingThem() throws Exception {
        try (LocalHttpServer other = new LocalHttpServer()) {
            other.route("/ext", html("<a href=\"/deeper\">deeper</a>"));
            server.route("/", html("<a href=\"" + other.url("/ext") + "\">x</a>"
                    + "<a href=\"/a\">a</a><a href=\"" + other.url("/gone") + "\">gone</a>"));
            server.route("/a", html("<a href=\"" + other.url("/ext") + "\">again</a>"));
            var events = new RecordingCrawlListener();
            job(plan("/"), events).start();
            events.awaitFinish();
            Map<String, CrawlResult> results = byUrl(events.stored());

            assertThat(results.get(other.url("/ext")).external()).isTrue();
            assertThat(results.get(other.url("/ext")).status()).isEqualTo(200);
            assertThat(results.get(other.url("/ext")).inlinks()).isPositive();
            assertThat(other.hits("/ext")).isEqualTo(1);
            assertThat(other.hits("/deeper")).isZero();
            assertThat(events.broken).extracting(BrokenLink::linkUrl)
                    .containsExactly(other.url("/gone"));
        }
    }

    @Test
    void followsStartRedirectToAnotherHostAndCrawlsThere() throws Exception {
        try (LocalHttpServer site = new LocalHttpServer()) {
            site.route("/", html("<a href=\"/inner\">in</a>"));
            site.route("/inner", html("<title>Inner</title>"));
            server.route("/", redirect(302, site.url("/")));
            var events = new RecordingCrawlListener();
            job(plan("/"), events).start();
            CrawlSummary summary = events.awaitFinish();
            Map<String, CrawlResult> results = byUrl(events.results());

            assertThat(summary.startFailure()).isNull();
            assertThat(results.get(site.url("/")).external()).isFalse();
            assertThat(results.get(site.url("/")).depth()).isZero();
            assertThat(results.get(site.url("/inner")).title()).isEqualTo("Inner");
            assertThat(results.get(site.url("/inner")).external()).isFalse();
        }
    }

    @Test
    void unreachableStartHostStopsWithTheStartUrlStillToFetch() throws Exception {
        RefusedPort closed = RefusedPort.onLoopback();
        toClose.add(closed);
        int closedPort = closed.port();
        var events = new RecordingCrawlListener();
        job(CrawlPlan.of(URI.create("http://127.0.0.1:" + closedPort + "/"), "t"), events).start();
        CrawlSummary summary = events.awaitFinish();

        // no row marks it broken: the crawl stops, resumable, as a resumed one does
        assertThat(events.results()).isEmpty();
        assertThat(summary.stopped()).isTrue();
        assertThat(summary.broken()).isZero();
        assertThat(summary.startFailure()).contains("Could not fetch").contains("refused");
        assertThat(summary.startError()).isEqualTo(ErrorKind.REFUSED);
    }

    @Test
    void startUrlAnswering404IsAStartFailure() throws Exception {
        var events = new RecordingCrawlListener();
        job(plan("/nothing-here"), events).start();
        assertThat(events.awaitFinish().startFailure()).contains("answered HTTP 404");
    }

    @Test
    void honoursMaxDepthAndMaxPages() throws Exception {
        new TestSite(server, 50);
        var shallow = new RecordingCrawlListener();
        job(plan("/").withMaxDepth(1), shallow).start();
        shallow.awaitFinish();
        // within the depth, but for where a redirect at depth 1 leads: it is followed to its
        // end, which says whether the link to /old is broken
        assertThat(shallow.results()).filteredOn(r -> r.depth() > 1).extracting(CrawlResult::url)
                .containsExactly(server.url("/page/3.html"));
        assertThat(shallow.results()).extracting(CrawlResult::url)
                .contains(server.url("/page/0.html"), server.url("/old"))
                .doesNotContain(server.url("/page/1.html"));

        var capped = new RecordingCrawlListener();
        job(plan("/").withMaxPages(7).withThreads(4), capped).start();
        capped.awaitFinish();
        assertThat(capped.results()).hasSize(7);
    }

    @Test
    void truncatesBodiesOverTheCapAndStillParsesWhatArrived() throws Exception {
        String big = "<html><head><title>Big</title></head><body><a href=\"/x\">x</a>"
                + "y".repeat(200_000) + "<a href=\"/never\">never</a></body></html>";
        server.route("/", html(big));
        server.route("/x", html("ok"));
        var events = new RecordingCrawlListener();
        job(plan("/").withMaxBodyBytes(50_000), events).start();
        events.awaitFinish();
        CrawlResult home = byUrl(events.results()).get(server.url("/"));
        assertThat(home.truncated()).isTrue();
        assertThat(home.sizeBytes()).isEqualTo(50_000);
        assertThat(home.title()).isEqualTo("Big");
        assertThat(server.hits("/x")).isEqualTo(1);
        assertThat(server.hits("/never")).isZero();
    }

    @Test
    void slowPageTimesOutAsItsOwnResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/slow\">slow</a><a href=\"/fast\">fast</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/fast", html("fast"));
        try {
            var events = new RecordingCrawlListener();
            // /slow is held until the test ends and has a short timeout of its own: it times
            // out whatever the load, and the other requests (robots.txt, "/", /fast) keep the
            // crawl's, so that none of them times out on a loaded machine
            CrawlPlan plan = plan("/");
            ShortTimeoutProbe probe = ShortTimeoutProbe.forPath(
                    CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), "/slow",
                    Duration.ofMillis(300));
            CrawlJob job = TestJobs.builder(plan, probe, events).build();
            toClose.add(job);
            toClose.add(probe);
            job.start();
            events.awaitFinish();
            Map<String, CrawlResult> results = byUrl(events.results());
            assertThat(results.get(server.url("/slow")).error()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(results.get(server.url("/fast")).status()).isEqualTo(200);
            assertThat(events.broken).extracting(BrokenLink::linkUrl)
                    .containsExactly(server.url("/slow"));
        } finally {
            release.countDown();
        }
    }

    @Test
    void pauseHoldsNewRequestsAndResumeFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/slow\">s</a><a href=\"/b\">b</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"/after\">after</a>"));
        server.route("/b", html("b"));
        server.route("/after", html("after"));
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/").withThreads(1), events);
        job.start();
        assertThat(arrived.await(STUCK.toSeconds(), TimeUnit.SECONDS)).isTrue();
        job.pause();
        release.countDown();
        // the request in flight finishes; nothing new starts while paused
        await().atMost(STUCK).until(() -> job.progress().inFlight() == 0);
        assertThat(job.progress().paused()).isTrue();
        assertThat(server.hits("/after")).isZero();
        assertThat(job.completion()).isNotDone();
        job.resume();
        events.awaitFinish();
        assertThat(server.hits("/after")).isEqualTo(1);
        assertThat(server.hits("/b")).isEqualTo(1);
    }

    @Test
    void stopEndsTheCrawlAndCloseLeavesNoWorkerThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        try {
            server.route("/", html("<a href=\"/slow\">s</a>"));
            server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "x"));
            var events = new RecordingCrawlListener();
            CrawlJob job = job(plan("/").withThreads(4), events);
            job.start();
            assertThat(arrived.await(STUCK.toSeconds(), TimeUnit.SECONDS)).isTrue();
            job.stop();
            CrawlSummary summary = events.awaitFinish();
            assertThat(summary.stopped()).isTrue();
            assertThat(events.results()).extracting(CrawlResult::url)
                    .containsExactly(server.url("/"));
            job.close();
            assertThat(liveThreads("crawl-worker-")).isEmpty();
        } finally {
            release.countDown();
        }
    }

    @Test
    void theListenerIsToldTheCrawlEndedBeforeItsCompletionCompletes() throws Exception {
        server.route("/", html("<p>one page</p>"));
        java.util.concurrent.atomic.AtomicReference<CrawlJob> self =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Boolean> doneWhenTold =
                new java.util.concurrent.atomic.AtomicReference<>();
        CrawlJob job = job(plan("/"), new CrawlListener() {
            @Override
            public void onFinished(CrawlSummary summary) {
                doneWhenTold.set(self.get().completion().isDone());
            }
        });
        self.set(job);
        job.start();
        job.completion().get(30, TimeUnit.SECONDS);
        // whoever waits on the completion may count on the listener having been told
        assertThat(doneWhenTold).hasValue(false);
    }

    @Test
    void closeWithoutStartCompletes() {
        CrawlJob job = job(plan("/"), CrawlListener.NONE);
        job.close();
        assertThat(job.completion()).isCompleted();
    }

    @Test
    void aPageWhoseConnectionIsDroppedBeforeAnyAnswerIsAskedOnceMoreAfterAPause()
            throws Exception {
        // Every answer closes its connection, so each request goes out on a new one: the
        // HTTP client asks again by itself only on a kept-alive connection the server had
        // closed meanwhile, and here only the crawler's own retry asks again.
        AtomicInteger asked = new AtomicInteger();
        server.route("/", ex -> {
            ex.getResponseHeaders().set("Connection", "close");
            html("<a href=\"/flaky\">flaky</a> <a href=\"/gone\">gone</a>").handle(ex);
        });
        server.route("/flaky", ex -> {
            if (asked.incrementAndGet() == 1) {
                throw new IOException("dropped"); // the server closes without answering
            }
            ex.getResponseHeaders().set("Connection", "close");
            LocalHttpServer.send(ex, 200, "text/html", "back");
        });
        server.route("/gone", ex -> {
            throw new IOException("always dropped");
        });
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/").withThreads(1).withPoliteness(
                Politeness.DEFAULT.withRetryBackoff(Duration.ofMillis(10))), events);
        job.start();
        events.awaitFinish();

        Map<String, CrawlResult> results = byUrl(events.results());
        CrawlResult flaky = results.get(server.url("/flaky"));
        assertThat(flaky.status()).isEqualTo(200);
        assertThat(flaky.retryNote()).isEqualTo("No answer, OK after 1 retry");
        assertThat(server.hits("/flaky")).isEqualTo(2);
        // once more only: a server that never answers is broken after that
        CrawlResult gone = results.get(server.url("/gone"));
        assertThat(gone.error()).isEqualTo(ErrorKind.CLOSED);
        assertThat(gone.retryNote()).isEqualTo("No answer after 1 retry");
        assertThat(server.hits("/gone")).isEqualTo(2);
    }

    /**
     * The one retry after a dropped connection is its own: a URL that had a 429 retry first is
     * still asked again after a drop, and a drop takes none of --max-retries. Seen: the drop's
     * retry was only for a URL with no retry yet, so /after-429 was broken after one drop, and
     * /drop-first was rate limited without the 429 retry --max-retries 1 allows.
     */
    @Test
    void theRetryAfterADroppedConnectionIsNeitherLostToNorTakenFromThe429Retries()
            throws Exception {
        AtomicInteger afterSlowDown = new AtomicInteger();
        AtomicInteger dropFirst = new AtomicInteger();
        server.route("/", ex -> {
            ex.getResponseHeaders().set("Connection", "close");
            html("<a href=\"/after-429\">a</a> <a href=\"/drop-first\">d</a>").handle(ex);
        });
        server.route("/after-429", ex -> {
            int n = afterSlowDown.incrementAndGet();
            if (n == 2) {
                throw new IOException("dropped"); // the server closes without answering
            }
            ex.getResponseHeaders().set("Connection", "close");
            if (n == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                LocalHttpServer.send(ex, 429, "text/html", "slow down");
            } else {
                LocalHttpServer.send(ex, 200, "text/html", "back");
            }
        });
        server.route("/drop-first", ex -> {
            if (dropFirst.incrementAndGet() == 1) {
                throw new IOException("dropped");
            }
            ex.getResponseHeaders().set("Connection", "close");
            ex.getResponseHeaders().set("Retry-After", "0");
            LocalHttpServer.send(ex, 429, "text/html", "slow down");
        });
        var events = new RecordingCrawlListener();
        CrawlJob job = job(plan("/").withThreads(1).withPoliteness(Politeness.DEFAULT
                .withRetryBackoff(Duration.ofMillis(10)).withMaxRetries(1)), events);
        job.start();
        events.awaitFinish();

        Map<String, CrawlResult> results = byUrl(events.results());
        CrawlResult recovered = results.get(server.url("/after-429"));
        assertThat(server.hits("/after-429")).as("429, dropped, answered").isEqualTo(3);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.isBroken()).isFalse();
        assertThat(recovered.retries()).as("the row counts both retries").isEqualTo(2);
        CrawlResult limited = results.get(server.url("/drop-first"));
        assertThat(server.hits("/drop-first")).as("dropped, 429, and its one 429 retry")
                .isEqualTo(3);
        assertThat(limited.skipped()).isEqualTo(SkipReason.RATE_LIMITED);
        assertThat(limited.errorMessage()).isEqualTo("Rate limited: still HTTP 429 after 1 retry");
    }

    /**
     * URLs left out while the crawl runs give their --max-pages places back, so a crawl that
     * goes on takes what a resumed one would (the file does not count excluded rows). Seen:
     * the live crawl kept the places of /b/1 and /b/2 and left /c/1 out, while the same crawl
     * stopped and resumed fetched it.
     */
    @Test
    void urlsExcludedDuringTheCrawlGiveTheirPagePlacesBack() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // max 4 pages: "/", /a/1, /b/1 and /b/2; /c/1, linked from "/" too, is over the limit
        server.route("/", html("<a href=\"/a/1\">a</a><a href=\"/b/1\">1</a>"
                + "<a href=\"/b/2\">2</a><a href=\"/c/1\">c</a>"));
        server.route("/a/1", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"/c/1\">c</a>"));
        var events = new RecordingCrawlListener();
        // one request at a time to the host: the second worker fetches nothing while /a/1
        // waits, but writes the rows of the URLs left out (they need no request)
        CrawlJob job = job(plan("/").withThreads(2).withMaxPages(4).withPoliteness(
                Politeness.DEFAULT.withMaxPerHost(1)), events);
        CrawlSummary summary;
        try (job) {
            job.start();
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
            job.exclude(java.util.regex.Pattern.compile("/b/"));
            await().atMost(Duration.ofSeconds(30)).until(() -> job.progress().skipped() == 2);
            release.countDown(); // /a/1 now links /c/1 again
            summary = events.awaitFinish();
        }
        Map<String, CrawlResult> results = byUrl(events.results());
        assertThat(results.get(server.url("/b/1")).skipped()).isEqualTo(SkipReason.EXCLUDED);
        assertThat(results.get(server.url("/b/2")).skipped()).isEqualTo(SkipReason.EXCLUDED);
        assertThat(server.hits("/b/1") + server.hits("/b/2")).isZero();
        assertThat(server.hits("/c/1")).isEqualTo(1);
        assertThat(summary.skipped()).doesNotContainKey(SkipReason.MAX_PAGES);
    }

    static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    /**
     * Pause pressed while the window starts the job (it makes the job, then starts it on
     * another thread, which looks up the start host or reads a resumed crawl's queue: seconds
     * at times) keeps the crawl paused, its file saying so and its clock at zero. Seen: the
     * start wrote "running" over the pause, and the clock counted the wait before the start as
     * paused time, so it read -2 s while paused.
     */
    @Test
    void aPauseBeforeTheJobStartsIsKeptByItsStart() throws Exception {
        server.route("/", html("<p>one page</p>"));
        ManualTicker ticker = new ManualTicker();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        try (io.webprobe.store.CrawlStore store =
                        io.webprobe.store.CrawlStore.createTemporary(plan);
                CrawlJob job = CrawlJob.builder(plan,
                        new io.webprobe.http.JdkHttpProbe("t", Duration.ofSeconds(5)),
                        store.sink()).ticker(ticker).build()) {
            ticker.advance(Duration.ofSeconds(1));
            job.pause();
            ticker.advance(Duration.ofSeconds(2));
            job.start();
            store.sink().flush().get(30, TimeUnit.SECONDS);
            try (var look = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.file());
                    var rs = look.createStatement()
                            .executeQuery("SELECT value FROM meta WHERE key = 'state'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(CrawlState.PAUSED.label());
            }
            ticker.advance(Duration.ofSeconds(2));
            assertThat(job.progress().elapsed()).isEqualTo(Duration.ZERO);
            job.resume();
            ticker.advance(Duration.ofSeconds(1));
            assertThat(job.progress().elapsed()).isEqualTo(Duration.ofSeconds(1));
            assertThat(job.completion().get(30, TimeUnit.SECONDS).stopped()).isFalse();
        }
    }
}
