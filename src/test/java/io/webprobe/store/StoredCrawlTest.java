package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlJobBuilder;
import io.webprobe.crawl.CrawlJobs;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProgress;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.SkipReason;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.http.Header;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.ResponseHeaders;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RawServer;
import io.webprobe.testsupport.RefusedPort;
import io.webprobe.testsupport.TestSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls kept in a crawl file: a stopped crawl resumed where it was, a store that falls behind
 * slowing the crawl without losing anything, and the whole crawl readable back.
 */
class StoredCrawlTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CrawlPlan plan() {
        return CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test").withThreads(4);
    }

    /** Runs a job to its end and returns the summary. */
    private static CrawlSummary run(CrawlJobBuilder builder) throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlJob job = builder.listener(new CrawlListener() {
            @Override
            public void onFinished(CrawlSummary s) {
                done.complete(s);
            }
        }).build()) {
            job.start();
            return done.get(60, TimeUnit.SECONDS);
        }
    }

    private static Set<Thread> crawlWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("crawl-worker-"))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    /**
     * Whether the crawl cannot make another request before the store takes rows again: each
     * worker waits for room in the store's queue, or waits in the frontier with nothing queued
     * (what it waits for can only come from a worker that the store holds), and the items in
     * flight are those of the workers the store holds.
     */
    private static boolean waitOnTheStoreOnly(Set<Thread> workers, CrawlJob job) {
        int onStore = 0;
        int idle = 0;
        for (Thread t : workers) {
            if (t.getState() != Thread.State.WAITING) {
                return false;
            }
            List<String> frames = java.util.Arrays.stream(t.getStackTrace())
                    .map(f -> f.getClassName() + "." + f.getMethodName()).toList();
            if (frames.stream().anyMatch(f -> f.startsWith("java.util.concurrent.Semaphore."))
                    && frames.stream().anyMatch(f -> f.startsWith(StoreWriter.class.getName()))) {
                onStore++;
            } else if (frames.stream().anyMatch(f -> f.endsWith("$ConditionObject.await"))
                    && frames.stream().anyMatch(f -> f.endsWith("Frontier.take"))
                    && frames.stream().noneMatch(f -> f.contains(".acquire"))) {
                idle++;
            }
        }
        if (onStore == 0 || onStore + idle != workers.size()) {
            return false;
        }
        // read after the threads: a worker seen idle that took an item since shows here
        CrawlProgress p = job.progress();
        return p.inFlight() == onStore && (idle == 0 || p.queued() == 0);
    }

    private static Set<String> urls(List<CrawlResult> rows) {
        return rows.stream().map(CrawlResult::url).collect(Collectors.toSet());
    }

    /**
     * Crawls the server into a new file and stops the crawl while a worker waits on
     * {@code blocked} (served with a link to {@code next}); returns what the file then holds.
     */
    private List<CrawlResult> crawlStoppedAt(Path file, String blocked, String next)
            throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route(blocked, LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"" + next + "\">next</a>"));
        return stopWhileWaiting(file, plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                arrived, release);
    }

    /**
     * Crawls into a new file and stops the crawl once {@code arrived} says a worker waits,
     * then lets that worker go; returns what the file then holds.
     */
    private static List<CrawlResult> stopWhileWaiting(Path file, CrawlPlan plan,
            io.webprobe.http.HttpProbe probe, CountDownLatch arrived, CountDownLatch release)
            throws Exception {
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlJob job = CrawlJob.builder(plan, probe, store.sink()).build();
            job.start();
            arrived.await();
            job.stop();
            job.close();
            release.countDown();
            store.sink().flush().get();
            try (CrawlReader reader = store.reader()) {
                return reader.results();
            }
        }
    }

    @Test
    void aQueuedUrlWithAStrayPercentIsAskedOnResumeAsTheLinkWroteIt() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer raw = new RawServer((socket, srv) -> {
            for (String head; (head = srv.readHead(socket)) != null; ) {
                String answer;
                if (head.startsWith("GET / ")) {
                    answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 45"
                            + "\r\n\r\n<a href=/hold>h</a><a href=/a%zz/x.html>a</a>";
                } else if (head.startsWith("GET /hold ")) {
                    arrived.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
                } else if (head.startsWith("GET /a%zz/x.html ")) {
                    answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20"
                            + "\r\n\r\n<a href=y.html>y</a>";
                } else if (head.startsWith("GET /a%zz/y.html ")) {
                    answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
                } else {
                    answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                }
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
            }
        })) {
            // one worker: /hold is asked before /a%zz/x.html, and the crawl stops while it waits
            CrawlPlan plan = CrawlPlan.of(URI.create(raw.url("/")), "t").withThreads(1)
                    .withRespectRobots(false);
            Path file = dir.resolve("stray.webprobe");
            stopWhileWaiting(file, plan, new Http1Probe("t", Duration.ofSeconds(5)), arrived,
                    release);
            assertThat(raw.requests()).noneMatch(h -> h.contains("x.html"));

            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
                CrawlSummary summary = run(CrawlJob.builder(store.plan(),
                        new Http1Probe("t", Duration.ofSeconds(5)), store.sink())
                        .resume(store.resumeState()));
                assertThat(summary.stopped()).isFalse();
                try (CrawlReader reader = store.reader()) {
                    assertThat(reader.results()).filteredOn(r -> r.url().contains("html"))
                            .extracting(r -> r.url().substring(raw.url("").length()) + " "
                                    + r.status())
                            .containsExactlyInAnyOrder("/a%zz/x.html 200", "/a%zz/y.html 200");
                }
            }
            assertThat(raw.requests()).extracting(h -> h.substring(0, h.indexOf("\r\n")))
                    .contains("GET /a%zz/x.html HTTP/1.1", "GET /a%zz/y.html HTTP/1.1")
                    .noneMatch(line -> line.contains("%25"));
        }
    }

    @Test
    void aResumedCrawlWhoseSiteIsDownStopsWithoutMarkingAnythingBroken() throws Exception {
        new TestSite(server, 60);
        Path file = dir.resolve("down.webprobe");
        List<CrawlResult> before = crawlStoppedAt(file, "/page/20.html", "21.html");
        // the site is down: every connection is refused
        try (RefusedPort siteDown = server.goDown();
                CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            CrawlSummary summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(summary.failure()).isEqualTo("The site could not be reached (connection "
                    + "refused), so the resumed crawl stopped without marking anything broken; "
                    + "resume it again once the site answers.");
            assertThat(summary.stopped()).isTrue();
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).extracting(CrawlResult::url)
                        .containsExactlyElementsOf(before.stream().map(CrawlResult::url).toList());
                assertThat(reader.results()).noneMatch(r -> r.error() != null);
            }
        }
        try (CrawlStore again = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(again.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(again.info().resumable()).isTrue();
            assertThat(again.info().stopReason())
                    .isEqualTo("The site could not be reached (connection refused).");
        }
    }

    /**
     * The crawl file keeps no sign-in: a resume not given it again meets a site answering 401
     * everywhere, and stops resumable rather than marking every page left broken.
     */
    @Test
    void aResumedCrawlOfASiteNowAskingForASignInStopsWithoutMarkingAnythingBroken()
            throws Exception {
        TestSite site = new TestSite(server, 60);
        Path file = dir.resolve("signin.webprobe");
        List<CrawlResult> before = crawlStoppedAt(file, "/page/20.html", "21.html");
        // the site now asks for a sign-in everywhere: the same server, answering 401 (closing
        // it and binding a new one at its port let the suite's other process take the port
        // in between)
        LocalHttpServer.Route refuse = ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"staging\"");
            LocalHttpServer.send(ex, 401, "text/html", "sign in");
        };
        for (String path : site.paths()) {
            server.route(path, refuse);
        }
        server.route("/page/21.html", refuse);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            CrawlSummary summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));

            assertThat(summary.failure()).isEqualTo("The site asks for a sign-in (HTTP "
                    + "401), which a crawl file does not keep, so the resumed crawl stopped "
                    + "without marking anything broken; resume it again with the site's "
                    + "sign-in.");
            assertThat(summary.stopped()).isTrue();
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).extracting(CrawlResult::url)
                        .containsExactlyElementsOf(before.stream().map(CrawlResult::url)
                                .toList());
                assertThat(reader.results()).noneMatch(r -> r.status() == 401);
            }
        }
        try (CrawlStore again = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(again.info().resumable()).isTrue();
            assertThat(again.info().stopReason())
                    .isEqualTo("The site asks for a sign-in (HTTP 401).");
        }
    }

    @Test
    void aFreshCrawlWhoseStartUrlCannotBeReachedIsLeftToResumeOnceTheSiteAnswers()
            throws Exception {
        RefusedPort siteDown = server.goDown(); // the site is down before the crawl starts
        int port = siteDown.port();
        String start = "http://127.0.0.1:" + port + "/";
        CrawlPlan plan = CrawlPlan.of(URI.create(start), "Webprobe/test").withThreads(4);
        Path file = dir.resolve("first.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlSummary first = run(CrawlJob.builder(plan,
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()));
            assertThat(first.startFailure())
                    .isEqualTo("Could not fetch " + start + ": connection refused.");
            assertThat(first.stopped()).isTrue();
            assertThat(first.broken()).isZero();
            store.sink().flush().get();
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).isEmpty(); // nothing marked broken
            }
        }
        try (CrawlStore stored = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(stored.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(stored.info().resumable()).isTrue();
            // opened later, the crawl still says why it stopped (the bug: "stopped before it
            // finished", as if the user had stopped it)
            assertThat(stored.info().stopReason())
                    .isEqualTo("Could not fetch " + start + ": connection refused.");
        }

        try (siteDown; LocalHttpServer up = LocalHttpServer.upAt(siteDown);
                CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            TestSite site = new TestSite(up, 10);
            CrawlSummary resumed = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(resumed.startFailure()).isNull();
            assertThat(resumed.stopped()).isFalse();
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results()))
                        .isEqualTo(site.paths().stream().map(up::url).collect(Collectors.toSet()));
            }
        }
        try (CrawlStore done = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(done.info().stopReason()).isEmpty(); // it ran again
        }
    }

    /**
     * The bug: a resumed crawl read every URL it knew before its counts, so a crawl of millions
     * showed "0 crawled" for the 10-25 s the reading took.
     */
    @Test
    void aResumedCrawlShowsWhatItHadCrawledWhileItReadsTheUrlsItKnows() throws Exception {
        new TestSite(server, 60);
        Path file = dir.resolve("counts.webprobe");
        long crawledBefore = crawlStoppedAt(file, "/page/20.html", "21.html").stream()
                .filter(r -> r.skipped() == null).count();
        assertThat(crawledBefore).isPositive();

        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            io.webprobe.crawl.ResumeState stored = store.resumeState();
            io.webprobe.crawl.ResumeState slow = new io.webprobe.crawl.ResumeState() {
                @Override
                public long lastId() {
                    return stored.lastId();
                }

                @Override
                public Duration elapsedBefore() {
                    return stored.elapsedBefore();
                }

                @Override
                public Set<String> siteHosts() {
                    return stored.siteHosts();
                }

                @Override
                public boolean sitemapsRead() {
                    return stored.sitemapsRead();
                }

                @Override
                public Counts counts() {
                    return stored.counts();
                }

                @Override
                public long toFetch() {
                    return stored.toFetch();
                }

                @Override
                public String startChainEnd() {
                    return stored.startChainEnd();
                }

                @Override
                public void forEachKnown(KnownUrlConsumer consumer) {
                    reading.countDown(); // a big file: the reading takes a while
                    try {
                        goOn.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stored.forEachKnown(consumer);
                }

                @Override
                public void forEachQueued(QueuedUrlConsumer consumer) throws InterruptedException {
                    stored.forEachQueued(consumer);
                }

                @Override
                public void forEachCounted(
                        java.util.function.BiConsumer<String, io.webprobe.crawl.SkipReason> c) {
                    stored.forEachCounted(c);
                }
            };
            CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
            try (CrawlJob job = CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).resume(slow)
                    .listener(new CrawlListener() {
                        @Override
                        public void onFinished(CrawlSummary summary) {
                            done.complete(summary);
                        }
                    }).build()) {
                CompletableFuture<Void> started = CompletableFuture.runAsync(job::start);
                assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

                assertThat(job.progress().crawled()).isEqualTo(crawledBefore);

                goOn.countDown();
                started.get(30, TimeUnit.SECONDS);
                assertThat(done.get(60, TimeUnit.SECONDS).stopped()).isFalse();
            }
        }
    }

    @Test
    void aStoppedCrawlResumesWhereItWasAndFetchesNothingTwice() throws Exception {
        TestSite site = new TestSite(server, 120);
        // page 40 holds the crawl: the crawl is stopped while a worker waits on it
        Path file = dir.resolve("crawl.webprobe");
        Set<String> doneBefore = urls(crawlStoppedAt(file, "/page/40.html", "41.html"));
        Map<String, Integer> hitsBefore = hits(site);
        assertThat(doneBefore).isNotEmpty().doesNotContain(server.url("/page/40.html"));

        CrawlSummary summary;
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(store.info().resumable()).isTrue();
            summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            try (CrawlReader reader = store.reader()) {
                List<CrawlResult> all = reader.results();
                Set<String> expected = site.paths().stream().map(server::url)
                        .collect(Collectors.toSet());
                assertThat(all).extracting(CrawlResult::url).doesNotHaveDuplicates();
                assertThat(urls(all)).isEqualTo(expected);
                assertThat(reader.brokenLinks()).extracting(BrokenLink::linkUrl)
                        .containsExactlyInAnyOrderElementsOf(brokenLinkUrls(site));
            }
        }
        assertThat(summary.stopped()).isFalse();
        assertThat(summary.crawled()).isEqualTo(site.paths().size());
        for (String url : doneBefore) {
            String path = URI.create(url).getRawPath();
            assertThat(server.hits(path)).as("requests of %s, done before the stop", path)
                    .isEqualTo(hitsBefore.get(path));
        }
        for (String path : site.paths()) {
            assertThat(server.hits(path)).as("requests of %s", path).isBetween(1, 2);
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.FINISHED);
            assertThat(store.info().resumable()).isFalse();
        }
    }

    /**
     * --max-pages holds across a stop and a resume: the resumed crawl takes the places its file
     * leaves, and the two runs together list exactly the limit's URLs of the site.
     */
    @Test
    void aStoppedCrawlWithAPageLimitEndsWithExactlyThatManyOnResume() throws Exception {
        new TestSite(server, 40);
        Path file = dir.resolve("capped.webprobe");
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // page 0 links it first: it is among the first five URLs found, within the limit
        server.route("/page/1.html", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"2.html\">next</a><a href=\"3.html\">3</a>"));
        CrawlPlan plan = plan().withMaxPages(12);
        List<CrawlResult> before = stopWhileWaiting(file, plan,
                new JdkHttpProbe("t", Duration.ofSeconds(5)), arrived, release);
        assertThat(before).hasSizeLessThan(12);

        CrawlSummary summary;
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).filteredOn(r -> r.skipped() == null)
                        .extracting(CrawlResult::url).doesNotHaveDuplicates().hasSize(12);
            }
        }
        assertThat(summary.stopped()).isFalse();
        assertThat(summary.skipped()).containsKey(SkipReason.MAX_PAGES);
    }

    /**
     * A folder left out while the crawl ran ("Leave this folder out") is left out on a resume
     * too: its URLs that were still queued get their skipped row, as they would have had the
     * crawl gone on, and none is fetched. Seen: the plan kept the pattern, but the resume
     * queued every URL not done, and fetched /b/1, /b/2 and /b/3.
     */
    @Test
    void urlsQueuedInAFolderLeftOutDuringTheCrawlAreNotFetchedOnResume() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=\"/a/1\">a</a><a href=\"/b/1\">1</a>"
                + "<a href=\"/b/2\">2</a><a href=\"/b/3\">3</a>"));
        server.route("/a/1", LocalHttpServer.blockUntil(release, arrived, "<p>a</p>"));
        Path file = dir.resolve("excluded.webprobe");
        // one worker: it waits on /a/1 while /b/ is left out, and the crawl stops then
        CrawlPlan plan = plan().withThreads(1);
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()).build();
            job.start();
            arrived.await();
            job.pause(); // no worker takes the /b/ URLs before the stop
            job.exclude(java.util.regex.Pattern.compile("^https?://[^/?#]*/b/"));
            job.stop();
            job.close();
            release.countDown();
            store.sink().flush().get();
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).extracting(CrawlResult::url)
                        .containsExactly(server.url("/"));
            }
        }

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            CrawlSummary summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(summary.stopped()).isFalse();
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).filteredOn(r -> r.url().contains("/b/"))
                        .extracting(r -> r.url().substring(server.url("").length()) + " "
                                + r.skipped())
                        .containsExactlyInAnyOrder("/b/1 EXCLUDED", "/b/2 EXCLUDED",
                                "/b/3 EXCLUDED");
            }
        }
        assertThat(server.hits("/b/1") + server.hits("/b/2") + server.hits("/b/3")).isZero();
        assertThat(server.hits("/a/1")).isEqualTo(2); // the stopped request, asked again
    }

    /**
     * A redirect chain stopped midway is followed on a resume only as far as the crawl would
     * have followed it: the hops counted before the stop still count. Seen: a resume gave the
     * chain the whole limit of hops again (an endless redirect trap grew that many rows at each
     * resume).
     */
    @Test
    void aRedirectChainStoppedMidwayKeepsItsHopsOnResume() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<a href=\"/r/0\">chain</a>"));
        int max = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        for (int i = 0; i < 3 * max; i++) {
            int n = i;
            server.route("/r/" + i, ex -> {
                if (n == 5 && arrived.getCount() > 0) { // the first time only
                    arrived.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ex.getResponseHeaders().add("Location", "/r/" + (n + 1));
                ex.sendResponseHeaders(302, -1);
                ex.close();
            });
        }
        Path file = dir.resolve("chain.webprobe");
        stopWhileWaiting(file, plan().withThreads(1),
                new JdkHttpProbe("t", Duration.ofSeconds(5)), arrived, release);
        assertThat(server.hits("/r/6")).isZero();

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            run(CrawlJob.builder(store.plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()).resume(store.resumeState()));
        }
        // "/" links /r/0; /r/20 is the limit of redirects on, and its own redirect is not
        // followed
        assertThat(server.hits("/r/" + max)).isEqualTo(1);
        assertThat(server.hits("/r/" + (max + 1))).isZero();
    }

    /**
     * A URL queued to be asked again after a cookie was set is asked again on a resume when
     * the crawl stopped first. Seen: the revisit lived in memory only, so the resumed crawl
     * found nothing to do and "/" kept its first answer (a redirect to the session check),
     * its page never read.
     */
    @Test
    void aCookieRevisitCutShortByAStopIsDoneOnResume() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // "/" sets a session cookie and sends the browser to a check that sends it back
        LocalHttpServer.Route home = ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            if (cookie == null || !cookie.contains("session=ok")) {
                ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
                ex.getResponseHeaders().add("Location", "/?check=1");
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            if (arrived.getCount() > 0) { // the first revisit waits, and the crawl stops
                arrived.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LocalHttpServer.send(ex, 200, "text/html",
                    "<title>Home</title><a href=\"/inside\">inside</a>");
        };
        server.route("/", home);
        server.route("/?check=1", ex -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            boolean has = cookie != null && cookie.contains("session=ok");
            ex.getResponseHeaders().add("Location", has ? "/" : "/cookies-needed");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.route("/inside", LocalHttpServer.html("<title>Inside</title>"));
        Path file = dir.resolve("revisit.webprobe");
        CrawlPlan plan = plan().withThreads(1);
        // the probe a user's crawl gets: it keeps cookies
        List<CrawlResult> before = stopWhileWaiting(file, plan,
                io.webprobe.crawl.CrawlProbes.forPlan(plan, Duration.ofSeconds(5)), arrived,
                release);
        assertThat(before).filteredOn(r -> r.url().equals(server.url("/")))
                .singleElement().extracting(CrawlResult::status).isEqualTo(302);

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            run(CrawlJob.builder(store.plan(),
                    io.webprobe.crawl.CrawlProbes.forPlan(store.plan(), Duration.ofSeconds(5)),
                    store.sink()).resume(store.resumeState()));
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).extracting(r -> r.url().substring(
                        server.url("").length()) + " " + r.status())
                        .containsExactlyInAnyOrder("/ 200", "/?check=1 302", "/inside 200");
            }
        }
    }

    /**
     * A finished crawl continued and stopped at once (Ctrl-C as the command opens it) is still
     * the finished crawl it was: its summary does not say "stopped", which would tell the user
     * to resume it, and its file keeps its state and times. Seen with Ctrl-C before the job
     * started: the file was marked stopped.
     */
    @Test
    void aFinishedCrawlContinuedAndStoppedAtOnceStaysFinished() throws Exception {
        TestSite site = new TestSite(server, 30);
        Path file = dir.resolve("done.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            assertThat(run(CrawlJob.builder(plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink())).stopped()).isFalse();
        }
        Duration ran;
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            ran = store.info().elapsed();
        }
        int requests = server.totalRequests();

        for (boolean beforeStart : new boolean[] {true, false}) {
            CrawlSummary summary;
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
                CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
                try (CrawlJob job = CrawlJob.builder(store.plan(),
                        new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                        .resume(store.resumeState())
                        .listener(new CrawlListener() {
                            @Override
                            public void onFinished(CrawlSummary s) {
                                done.complete(s);
                            }
                        }).build()) {
                    if (beforeStart) {
                        job.stop();
                        job.start();
                    } else {
                        job.start();
                        job.stop();
                    }
                    summary = done.get(60, TimeUnit.SECONDS);
                }
            }
            assertThat(summary.stopped()).as("stopped %s start", beforeStart ? "before" : "after")
                    .isFalse();
            assertThat(summary.crawled()).isEqualTo(site.paths().size());
            assertThat(summary.elapsed()).isEqualTo(ran);
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
                assertThat(store.info().state()).isEqualTo(CrawlState.FINISHED);
                assertThat(store.info().elapsed()).isEqualTo(ran);
            }
        }
        assertThat(server.totalRequests()).isEqualTo(requests);
    }

    /** A probe that fails as {@code failure} says on one URL, else fetches for real. */
    private static io.webprobe.http.HttpProbe failingOn(String url,
            java.util.function.Supplier<? extends Error> failure) {
        JdkHttpProbe real = new JdkHttpProbe("t", Duration.ofSeconds(5));
        return new io.webprobe.http.HttpProbe() {
            @Override
            public io.webprobe.http.FetchResponse fetch(io.webprobe.http.FetchRequest r) {
                if (r.uri().toString().equals(url)) {
                    throw failure.get();
                }
                return real.fetch(r);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /**
     * Out of memory (or another failure nothing handles) on the last URL of a crawl once
     * marked the file finished with that URL still queued, so it could not be resumed: now the
     * program's handler hears of it first (it ends the program, as a kill would), and where
     * it returns the crawl stops, resumable, the URL not done, and the summary says so.
     */
    @Test
    void aWorkerThatRunsOutOfMemoryNeverLeavesTheCrawlFinished() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"/a\">a</a>"));
        server.route("/a", LocalHttpServer.html("<a href=\"/last\">last</a>"));
        server.route("/last", LocalHttpServer.html("the end"));
        String last = server.url("/last");
        Path file = dir.resolve("crawl.webprobe");
        List<Throwable> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> handed.add(e));
        CrawlSummary failed;
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            failed = run(CrawlJob.builder(plan(), failingOn(last,
                    () -> new OutOfMemoryError("Java heap space")), store.sink()));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }

        assertThat(handed).singleElement().isInstanceOf(OutOfMemoryError.class);
        assertThat(failed.stopped()).isTrue();
        assertThat(failed.crawled()).isEqualTo(2);
        assertThat(failed.failure()).isEqualTo(io.webprobe.OutOfMemory.crawlStoppedOn(last,
                io.webprobe.OutOfMemory.HEAP_LIMIT));
        assertThat(failed.failure()).startsWith("Webprobe ran out of memory on " + last
                + " (it may use ").contains(" MB), so the crawl stopped there; give it more "
                + "with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx");
        CrawlSummary resumed;
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(store.info().resumable()).isTrue();
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results())).doesNotContain(last).hasSize(2);
            }
            resumed = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results())).contains(last).hasSize(3);
            }
        }
        assertThat(resumed.stopped()).isFalse();
        assertThat(resumed.failure()).isNull();
        assertThat(server.hits("/last")).isEqualTo(1);
    }

    @Test
    void anyOtherFailureNothingHandlesStopsTheCrawlResumableToo() throws Exception {
        TestSite site = new TestSite(server, 30);
        String unlucky = server.url(site.paths().stream().sorted().toList().get(5));
        Path file = dir.resolve("crawl.webprobe");
        CrawlSummary failed;
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            failed = run(CrawlJob.builder(plan(), failingOn(unlucky, StackOverflowError::new),
                    store.sink()));
        }
        assertThat(failed.stopped()).isTrue();
        assertThat(failed.failure()).isEqualTo("Webprobe failed on " + unlucky
                + ", so the crawl stopped there (the details are in its log).");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.STOPPED);
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results())).doesNotContain(unlucky);
            }
        }
    }

    /** What a test does with a crawl held at page 40 of 120, and the file open to look at. */
    private interface Held {
        void run(CrawlJob job, Connection look) throws Exception;
    }

    /**
     * Crawls a 120-page site into {@code file}, transactions every 10 ms and the inlinks written
     * every {@code inlinksTime}, and runs {@code held} while page 40 holds a worker.
     */
    private void whileHeldAtPage40(Path file, Duration inlinksTime, Held held) throws Exception {
        new TestSite(server, 120);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/page/40.html", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"41.html\">next</a>"));
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(StoreWriter.Tuning.DEFAULT.capacityRows(),
                    Duration.ofMillis(10), inlinksTime, () -> { }));
            try (CrawlJob job = CrawlJob.builder(plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).build();
                    Connection look = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                job.start();
                arrived.await();
                try {
                    held.run(job, look);
                } finally {
                    release.countDown();
                    job.stop();
                }
            }
        }
    }

    @Test
    void aCrawlWhoseFileFailsMidwayIsMarkedStoppedAndHoldsWhatWasSaved() throws Exception {
        new TestSite(server, 120);
        Path file = dir.resolve("full.webprobe");
        AtomicInteger writes = new AtomicInteger();
        CrawlSummary summary;
        long saved;
        // the site answers 10 requests, then waits for the first write to reach the file;
        // the write after it fails, as a disk that filled up would: mid-way whatever the
        // load (a fixed "fourth write" let a busy machine's writer store all in three)
        CountDownLatch firstWrite = new CountDownLatch(1);
        server.holdAfter(10, firstWrite);
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(StoreWriter.Tuning.DEFAULT.capacityRows(),
                    Duration.ofMillis(10), () -> {
                        firstWrite.countDown();
                        if (writes.incrementAndGet() > 1) {
                            throw new IllegalStateException("no room");
                        }
                    }));
            summary = run(CrawlJob.builder(plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()));
            assertThat(summary.failure()).startsWith("Could not save the crawl to " + file);

            assertThat(store.saveStoppedAfterFailure()).isTrue();
            try (CrawlReader reader = store.reader()) {
                saved = reader.counts().crawled();
            }
        }

        assertThat(saved).isLessThan(summary.crawled());
        try (CrawlStore again = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = again.reader()) {
            assertThat(again.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(again.info().stateText()).isEqualTo("stopped");
            assertThat(again.info().state().resumable()).isTrue();
            assertThat(reader.counts().crawled()).isEqualTo(saved);
        }
    }

    /**
     * Found in review: the inlink counts the writer still held when it failed were lost, so
     * the crawl's own CSVs (written from the open file) undercounted them and called linked
     * pages orphans, while a later export of the file counted them right.
     */
    @Test
    void aCrawlWhoseFileFailsMidwayCountsItsInlinksBeforeItsFiguresAreRead() throws Exception {
        new TestSite(server, 120);
        Path file = dir.resolve("full.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan());
                Connection look = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // the counts of URLs already stored held for an hour; the first write after the
            // file holds links not yet counted fails (not "the seventh write": a busy
            // machine's writer stored all 120 pages in fewer, and nothing failed)
            store.tune(new StoreWriter.Tuning(StoreWriter.Tuning.DEFAULT.capacityRows(),
                    Duration.ofMillis(10), Duration.ofHours(1), () -> {
                        try {
                            if (Sql.longValue(look, "SELECT COUNT(*) FROM links")
                                    > Sql.longValue(look, "SELECT TOTAL(inlinks) FROM urls")) {
                                throw new IllegalStateException("no room");
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            CrawlSummary summary = run(CrawlJob.builder(plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()));
            assertThat(summary.failure()).isNotNull();

            assertThat(store.saveStoppedAfterFailure()).isTrue();
            try (CrawlReader reader = store.reader()) {
                long[] links = new long[2];
                reader.query("SELECT COUNT(*) FROM links", rs -> links[0] = rs.getLong(1));
                reader.query("SELECT SUM(inlinks) FROM urls", rs -> links[1] = rs.getLong(1));
                assertThat(links[0]).isPositive();
                assertThat(links[1]).isEqualTo(links[0]);
            }
        }
    }

    @Test
    void inlinksCatchUpWithTheLinksWhileTheCrawlIsPaused() throws Exception {
        whileHeldAtPage40(dir.resolve("crawl.webprobe"), Duration.ofSeconds(2), (job, look) -> {
            job.pause();
            // no flush: the writer, idle while the crawl is paused, writes the counts
            await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(
                    Sql.meta(look).get(StoreWriter.INLINKS_PENDING))
                    && Sql.longValue(look, "SELECT COUNT(*) FROM links") > 0
                    && Sql.longValue(look, "SELECT SUM(inlinks) FROM urls")
                            == Sql.longValue(look, "SELECT COUNT(*) FROM links"));
        });
    }

    /**
     * A crawl file as a kill -9 leaves it while inlinks of URLs already stored are not written
     * yet: its lock row names a process that is gone.
     */
    private void killedWithInlinksPending(Path killed) throws Exception {
        // the inlinks of URLs already stored written only at the end (or in an hour)
        whileHeldAtPage40(dir.resolve("crawl.webprobe"), Duration.ofHours(1), (job, look) -> {
            // the file as a kill -9 would leave it now: what is committed, nothing more
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(
                    Sql.meta(look).get(StoreWriter.INLINKS_PENDING))
                    && Sql.longValue(look, "SELECT COUNT(*) FROM links") > 0);
            Sql.exec(look, "VACUUM INTO '" + killed + "'");
        });
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + killed);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, new OwnerLock(gone.pid(), 1L, OwnerLock.self(java.time.Instant.now())
                    .host(), System.currentTimeMillis()).encode());
            ps.executeUpdate();
            // the links are there, not all of them counted yet (those to URLs inserted in
            // the same transaction are)
            assertThat(Sql.longValue(c, "SELECT SUM(inlinks) FROM urls"))
                    .isLessThan(Sql.longValue(c, "SELECT COUNT(*) FROM links"));
        }
    }

    @Test
    void inlinksNotYetWrittenWhenTheProcessDiedAreCountedAgainWhenTheFileIsOpened() throws Exception {
        Path killed = dir.resolve("killed.webprobe");
        killedWithInlinksPending(killed);

        // opened to export or compare on the command line, or to resume, the counts are made
        // whole
        Path looked = dir.resolve("looked-at.webprobe");
        java.nio.file.Files.copy(killed, looked);
        try (CrawlStore store = CrawlStore.open(looked, CrawlStore.Access.EXPORT)) {
            assertThat(store.info().interrupted()).isTrue();
        }
        try (CrawlStore store = CrawlStore.open(killed, CrawlStore.Access.RESUME)) {
            assertThat(store.info().interrupted()).isTrue();
        }
        for (Path file : List.of(looked, killed)) {
            assertInlinksMatchTheLinks(file);
        }
    }

    /**
     * The bug: `crawl --db FILE` naming a killed crawl refused it, as it should, but wrote the
     * inlinks its writer had not written into it first (READ_ONLY counted them as an export
     * does), so a refusal changed the file. Only an export or a compare writes them now.
     */
    @Test
    void aKilledCrawlOpenedReadOnlyIsLeftAsItWas() throws Exception {
        Path killed = dir.resolve("killed.webprobe");
        killedWithInlinksPending(killed);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse("2026-01-02T03:04:05Z"));
        java.nio.file.Files.setLastModifiedTime(killed, old);
        byte[] bytes = java.nio.file.Files.readAllBytes(killed);

        try (CrawlStore store = CrawlStore.open(killed, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().interrupted()).isTrue();
        }

        assertThat(java.nio.file.Files.readAllBytes(killed)).isEqualTo(bytes);
        assertThat(java.nio.file.Files.getLastModifiedTime(killed)).isEqualTo(old);
    }

    /**
     * The bug: a window only looking at a killed crawl writes nothing to it (since the last
     * session), so the inlinks its writer had not written yet (those of its last seconds)
     * showed too low until it was resumed: in the table, its sort, filters that use them
     * (Orphans) and the details. Its readers count them again for themselves now, and the file
     * is left as it was, its bytes and its time.
     */
    @Test
    void aKilledCrawlLookedAtShowsItsInlinksAsAResumeCountsThemAndIsLeftAsItWas()
            throws Exception {
        Path killed = dir.resolve("killed.webprobe");
        killedWithInlinksPending(killed);
        // the same crawl with its counts written, as a resume writes them
        Path counted = dir.resolve("counted.webprobe");
        java.nio.file.Files.copy(killed, counted);
        CrawlStore.open(counted, CrawlStore.Access.RESUME).close();
        assertInlinksMatchTheLinks(counted);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse("2026-01-02T03:04:05Z"));
        java.nio.file.Files.setLastModifiedTime(killed, old);
        byte[] bytes = java.nio.file.Files.readAllBytes(killed);

        Seen clean;
        try (CrawlStore store = CrawlStore.open(counted, CrawlStore.Access.READ_ONLY)) {
            clean = seen(store);
        }
        Seen looked;
        try (CrawlStore store = CrawlStore.open(killed, CrawlStore.Access.LOOK_THEN_WRITE)) {
            assertThat(store.info().interrupted()).isTrue();
            looked = seen(store);
        }

        assertThat(looked.inlinks()).isEqualTo(clean.inlinks());
        assertThat(looked.byInlinks()).containsExactly(clean.byInlinks());
        assertThat(looked.unlinked()).isEqualTo(clean.unlinked());
        assertThat(looked.details()).isEqualTo(clean.details());
        assertThat(java.nio.file.Files.readAllBytes(killed)).isEqualTo(bytes);
        assertThat(java.nio.file.Files.getLastModifiedTime(killed)).isEqualTo(old);
        try (var beside = java.nio.file.Files.list(dir)) {
            assertThat(beside.filter(p -> p.getFileName().toString().startsWith("killed")))
                    .containsExactly(killed);
        }
        // which the file itself does not hold: some finished URLs' counts are still behind
        Map<String, Integer> stored = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + killed);
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT url, inlinks FROM urls WHERE state = 1")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getInt(2));
            }
        }
        assertThat(stored).hasSameSizeAs(clean.inlinks()).isNotEqualTo(clean.inlinks());
    }

    /**
     * A reader that counted a killed crawl's inlinks for itself follows the file once it is
     * written: resumed (in this window, or another), its counts are the file's again, not
     * those it counted before the crawl went on.
     */
    @Test
    void aReaderOfAKilledCrawlReadsTheFilesCountsOnceItIsResumed() throws Exception {
        Path killed = dir.resolve("killed.webprobe");
        killedWithInlinksPending(killed);
        try (CrawlStore store = CrawlStore.open(killed, CrawlStore.Access.LOOK_THEN_WRITE);
                CrawlReader early = store.reader()) {
            long before = early.results().size();
            CrawlSummary summary = run(CrawlJob.builder(plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(summary.failure()).isNull();

            List<CrawlResult> now = early.results();
            assertThat(now).hasSizeGreaterThan((int) before);
            long[] wrong = {-1};
            early.query("SELECT COUNT(*) FROM urls u WHERE u.inlinks <> "
                    + "(SELECT COUNT(*) FROM links l WHERE l.target_id = u.id)",
                    rs -> wrong[0] = rs.getLong(1));
            assertThat(wrong[0]).isZero();
        }
        assertInlinksMatchTheLinks(killed);
    }

    /** What a window reads of a crawl's inlinks. */
    private record Seen(Map<String, Integer> inlinks, long[] byInlinks, long unlinked,
            Map<Long, Integer> details) {}

    private static Seen seen(CrawlStore store) throws Exception {
        try (CrawlReader reader = store.reader()) {
            Map<String, Integer> inlinks = reader.results().stream().collect(
                    Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
            UrlQuery q = new UrlQuery(reader);
            long[] byInlinks = q.ids(new UrlQuery.Request(UrlFilter.ALL, "", UrlField.INLINKS,
                    true)).ids();
            long[] unlinked = {0};
            // as Orphans asks: no page links here
            reader.query("SELECT COUNT(*) FROM urls u WHERE u.inlinks = 0",
                    rs -> unlinked[0] = rs.getLong(1));
            UrlDetails details = new UrlDetails(reader);
            Map<Long, Integer> shown = new java.util.HashMap<>();
            for (long id : java.util.Arrays.copyOf(byInlinks, 10)) {
                shown.put(id, details.of(id, 10).row().result().inlinks());
            }
            return new Seen(inlinks, byInlinks, unlinked[0], shown);
        }
    }

    private static void assertInlinksMatchTheLinks(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Sql.longValue(c, "SELECT COUNT(*) FROM urls WHERE inlinks <> "
                    + "(SELECT COUNT(*) FROM links WHERE target_id = urls.id)")).isZero();
            assertThat(Sql.longValue(c, "SELECT SUM(inlinks) FROM urls"))
                    .isEqualTo(Sql.longValue(c, "SELECT COUNT(*) FROM links")).isPositive();
            assertThat(Sql.meta(c).get(StoreWriter.INLINKS_PENDING)).isEqualTo("0");
        }
    }

    @Test
    void aStoppedCrawlsSummaryCountsWhatWasStored() throws Exception {
        new TestSite(server, 120);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/page/40.html", LocalHttpServer.blockUntil(release, arrived,
                "<a href=\"41.html\">next</a>"));
        Path file = dir.resolve("crawl.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            // one worker: the one the stop interrupts is the one that ends the crawl
            CrawlJob job = CrawlJob.builder(plan().withThreads(1),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).build();
            job.start();
            arrived.await();
            // the stop interrupts the workers; the last one still writes the end and reads
            // the figures back
            job.stop();
            CrawlSummary summary = job.completion().get(30, TimeUnit.SECONDS);
            job.close();
            release.countDown();
            try (CrawlReader reader = store.reader()) {
                assertThat(summary.stopped()).isTrue();
                assertThat(reader.brokenLinks()).isNotEmpty();
                assertThat(summary.brokenLinks()).isEqualTo(reader.brokenLinks().size());
            }
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.STOPPED);
        }
    }

    /** A crawl of {@link #plan()} into {@code store} that completes {@code done}. */
    private CrawlJob jobInto(CrawlStore store, CompletableFuture<CrawlSummary> done)
            throws StoreException {
        return CrawlJob.builder(plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                store.sink()).listener(new CrawlListener() {
                    @Override
                    public void onFinished(CrawlSummary s) {
                        done.complete(s);
                    }
                }).build();
    }

    @Test
    void rowsThatWorkersWaitOnAreWrittenWithoutWaitingForTheTransactionsDeadline()
            throws Exception {
        TestSite site = new TestSite(server, 150);
        Path file = dir.resolve("small-queue.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            // room for ~100 rows and a transaction time of an hour: the workers soon wait for
            // room that only running the bound rows frees, and must not wait for the hour
            store.tune(new StoreWriter.Tuning(100, Duration.ofHours(1), () -> { }));
            CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
            try (CrawlJob job = jobInto(store, done)) {
                job.start();
                CrawlSummary summary = done.get(60, TimeUnit.SECONDS);
                assertThat(summary.failure()).isNull();
                assertThat(summary.crawled()).isEqualTo(site.paths().size());
            }
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results())).isEqualTo(site.paths().stream()
                        .map(server::url).collect(Collectors.toSet()));
            }
        }
    }

    /**
     * The bug: a crawl that had ended while the app still had its file open left its data in
     * the write-ahead log beside the file (up to ~32 MB of it), so a copy of the .webprobe
     * file alone held an empty crawl.
     */
    @Test
    void aCopyOfTheFileAloneHoldsTheWholeCrawlOnceItEnded() throws Exception {
        TestSite site = new TestSite(server, 40);
        Path file = dir.resolve("ended.webprobe");
        Path copy = dir.resolve("copy.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
            try (CrawlJob job = jobInto(store, done)) {
                job.start();
                assertThat(done.get(60, TimeUnit.SECONDS).crawled())
                        .isEqualTo(site.paths().size());
            }
            java.nio.file.Files.copy(file, copy); // the file alone, the app still has it open
        }
        // (the copy holds this process's lock row, as the file did: beside our own use)
        try (CrawlStore copied = CrawlStore.open(copy, CrawlStore.Access.READ_BESIDE_OWN);
                CrawlReader reader = copied.reader()) {
            assertThat(copied.info().state()).isEqualTo(CrawlState.FINISHED);
            assertThat(urls(reader.results()))
                    .isEqualTo(site.paths().stream().map(server::url).collect(Collectors.toSet()));
        }
    }

    /**
     * The bug (found in review): writes put after the writer had ended were queued for no one,
     * each taking room never given back, so once the room was gone the next one waited for
     * good; and a flush put then never completed.
     */
    @Test
    void writesAfterTheWriterEndedNeitherWaitForRoomNorHangAFlush() throws Exception {
        Path file = dir.resolve("late-writes.webprobe");
        CrawlSink sink;
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(10, Duration.ofHours(1), () -> { }));
            sink = store.sink();
        }
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 100; i++) {
                sink.counted("late-" + i, SkipReason.MAX_DEPTH);
            }
        });
        assertThat(late).succeedsWithin(Duration.ofSeconds(30));
        assertThat(sink.flush()).succeedsWithin(Duration.ofSeconds(30));
    }

    @Test
    void aStateChangeNeverWaitsForRoomInTheQueue() throws Exception {
        CountDownLatch diskBack = new CountDownLatch(1);
        Path file = dir.resolve("full-queue.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(10, () -> {
                try {
                    diskBack.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            CrawlSink sink = store.sink();
            try {
                List<CrawlSink.NewUrl> ten = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    ten.add(new CrawlSink.NewUrl(i, "k" + i, server.url("/" + i), 1, 0, false,
                            false, false, null));
                }
                sink.discovered(ten); // all the room, held by a batch whose commit waits

                // what Pause does on the window's thread: done without waiting for the disk
                CompletableFuture.runAsync(() -> sink.state(CrawlState.PAUSED, Duration.ZERO))
                        .get(10, TimeUnit.SECONDS);
            } finally {
                diskBack.countDown();
            }
            sink.flush().get(10, TimeUnit.SECONDS);
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.PAUSED);
        }
    }

    /**
     * A server answering every page with a head of 30,000 tiny fields (150,000 chars as
     * stored): while the disk is stalled the queue holds about its room's worth of header
     * fields ({@link StoreWriter#ROW_BYTES} a row), a handful of such visits, not the ~1,000 a
     * room of 2,000 rows held when a visit counted two rows whatever its headers.
     */
    @Test
    void aStoreThatFallsBehindHoldsHeadsOfManyFieldsWithinItsRoom() throws Exception {
        int capacity = 2_000;
        List<Header> head = ResponseHeaders.of(
                java.util.Collections.nCopies(30_000, new Header("a", "b")));
        long headBytes = ResponseHeaders.of(head).heldBytes();
        assertThat(new CrawlSink.Visit(1, CrawlResult.builder(server.url("/")).build(), head, 0,
                List.of(), List.of(), List.of(), false).headers()).isSameAs(head); // no copy
        CountDownLatch diskBack = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger handed = new AtomicInteger();
        Path file = dir.resolve("heads.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(capacity, () -> {
                if (writes.getAndIncrement() == 0) {
                    try {
                        diskBack.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            CrawlSink sink = store.sink();
            List<CrawlSink.NewUrl> urls = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                urls.add(new CrawlSink.NewUrl(i, "k" + i, server.url("/" + i), 1, 0, false,
                        false, false, null));
            }
            sink.discovered(urls);
            Thread worker = Thread.ofPlatform().name("heads-worker").start(() -> {
                try {
                    for (int i = 1; i <= 200; i++) {
                        sink.visited(new CrawlSink.Visit(i, CrawlResult.builder(
                                server.url("/" + i)).status(200).build(), head, 0, List.of(),
                                List.of(), List.of(), false));
                        handed.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() == 1
                        && waitsForRoom(worker));
                assertThat(handed.get() * headBytes)
                        .isLessThanOrEqualTo(capacity * StoreWriter.ROW_BYTES + headBytes);
            } finally {
                diskBack.countDown();
            }
            worker.join(Duration.ofSeconds(60));
            assertThat(handed.get()).isEqualTo(200);
            sink.flush().get(30, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = c.createStatement().executeQuery(
                        "SELECT count(*), min(fields), max(fields) FROM headers")) {
            assertThat(rows.getInt(1)).isEqualTo(200);
            assertThat(rows.getString(2)).isEqualTo("a: b\n".repeat(30_000))
                    .isEqualTo(rows.getString(3));
        }
    }

    /**
     * A page of 5,000 links to URLs not seen before (10,000 rows: a new URL and a link each)
     * is run in pieces of {@link StoreWriter#EXECUTE_ROWS} rows within its transaction, not
     * bound whole first: a page of 200,000 such links held ~25 MB more of the driver's boxed
     * values at once (docs/benchmarks.md).
     */
    @Test
    void aPageOfManyNewLinksIsWrittenInPiecesAndWhole() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        Path file = dir.resolve("many-links.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.tune(new StoreWriter.Tuning(50_000, Duration.ofHours(1),
                    writes::incrementAndGet));
            CrawlSink sink = store.sink();
            sink.discovered(List.of(new CrawlSink.NewUrl(1, "k1", server.url("/"), 0, 0, false,
                    false, false, null)));
            List<CrawlSink.NewUrl> found = new ArrayList<>();
            List<CrawlSink.LinkRow> links = new ArrayList<>();
            for (int i = 2; i <= 5_001; i++) {
                CrawlSink.NewUrl u = new CrawlSink.NewUrl(i, "k" + i, server.url("/" + i), 1, 1,
                        false, false, false, null);
                found.add(u);
                links.add(new CrawlSink.LinkRow(i, "a", "link " + i, false, null));
            }
            sink.flush().get(30, TimeUnit.SECONDS);
            int before = writes.get();
            sink.visited(new CrawlSink.Visit(1, CrawlResult.builder(server.url("/")).status(200)
                    .build(), List.of(), 0, found, links, List.of(), false));
            sink.flush().get(30, TimeUnit.SECONDS);
            assertThat(writes.get() - before).isGreaterThanOrEqualTo(10);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM urls),"
                        + " (SELECT count(*) FROM links WHERE source_id = 1),"
                        + " (SELECT sum(inlinks) FROM urls)")) {
            assertThat(rows.getInt(1)).isEqualTo(5_001);
            assertThat(rows.getInt(2)).isEqualTo(5_000);
            assertThat(rows.getInt(3)).isEqualTo(5_000);
        }
    }

    /** Whether the thread waits for room in the store's queue. */
    private static boolean waitsForRoom(Thread t) {
        return t.getState() == Thread.State.WAITING && java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(WriteQueue.class.getName()));
    }

    @Test
    void aStoreThatFallsBehindSlowsTheCrawlAndLosesNothing() throws Exception {
        TestSite site = new TestSite(server, 150);
        CountDownLatch diskBack = new CountDownLatch(1);
        AtomicInteger writes = new AtomicInteger();
        Path file = dir.resolve("slow.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            // the first write to SQLite waits for the "disk"; the queue holds ~100 rows
            // meanwhile
            store.tune(new StoreWriter.Tuning(100, () -> {
                if (writes.getAndIncrement() == 0) {
                    try {
                        diskBack.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }));
            CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
            try (CrawlJob job = jobInto(store, done)) {
                Set<Thread> others = crawlWorkers();
                job.start();
                Set<Thread> workers = crawlWorkers();
                workers.removeAll(others);
                assertThat(workers).hasSize(plan().threads());
                // the workers fill the queue, then wait: requests stop well short of the site.
                // Stopped for good, not for a while: every worker waits where only the store
                // can let it go on (no test of elapsed time, which a loaded machine stretches)
                await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() == 1);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> waitOnTheStoreOnly(workers, job));
                int seen = server.totalRequests();
                assertThat(seen).isLessThan(site.paths().size() / 2);
                assertThat(done).isNotDone();
                assertThat(waitOnTheStoreOnly(workers, job)).isTrue();
                assertThat(server.totalRequests()).isEqualTo(seen);

                diskBack.countDown();
                CrawlSummary summary = done.get(60, TimeUnit.SECONDS);
                assertThat(summary.failure()).isNull();
                assertThat(summary.crawled()).isEqualTo(site.paths().size());
            } finally {
                diskBack.countDown(); // a failed check must not leave the store's writer stuck
            }
            try (CrawlReader reader = store.reader()) {
                assertThat(urls(reader.results())).isEqualTo(site.paths().stream()
                        .map(server::url).collect(Collectors.toSet()));
                assertThat(reader.brokenLinks()).hasSize(
                        site.brokenSources().values().stream().mapToInt(List::size).sum());
            }
        }
        for (String path : site.paths()) {
            assertThat(server.hits(path)).as("requests of %s", path).isEqualTo(1);
        }
    }

    @Test
    void aSmallMemoryQueueSpillsToTheFileAndStillCrawlsEveryPageOnce() throws Exception {
        TestSite site = new TestSite(server, 400);
        Path file = dir.resolve("spill.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            AtomicInteger spills = new AtomicInteger();
            CrawlSink sink = store.sink();
            CrawlSink counting = (CrawlSink) java.lang.reflect.Proxy.newProxyInstance(
                    CrawlSink.class.getClassLoader(), new Class<?>[] {CrawlSink.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("spill")) {
                            spills.incrementAndGet();
                        }
                        try {
                            return method.invoke(sink, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            CrawlSummary summary = run(CrawlJobs.withFrontierLimits(CrawlJob.builder(plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), counting), 8, 20, 5));
            assertThat(summary.crawled()).isEqualTo(site.paths().size());
            assertThat(spills.get()).as("chunks written to the file").isGreaterThan(10);
            try (CrawlReader reader = store.reader()) {
                assertThat(reader.results()).extracting(CrawlResult::url).doesNotHaveDuplicates();
            }
            try (var rows = store.reader()) {
                long[] spilled = {-1};
                rows.query("SELECT COUNT(*) FROM spill", rs -> spilled[0] = rs.getLong(1));
                assertThat(spilled[0]).as("chunks left after the crawl").isZero();
            }
        }
        for (String path : site.paths()) {
            assertThat(server.hits(path)).as("requests of %s", path).isEqualTo(1);
        }
    }

    private Map<String, Integer> hits(TestSite site) {
        return site.paths().stream().collect(Collectors.toMap(p -> p, server::hits));
    }

    private List<String> brokenLinkUrls(TestSite site) {
        List<String> out = new java.util.ArrayList<>();
        site.brokenSources().forEach((path, sources) -> {
            for (int i = 0; i < sources.size(); i++) {
                out.add(server.url(path));
            }
        });
        return out;
    }

    /**
     * Pause (or Resume) pressed as the crawl ends, before the window hears of its end, is too
     * late: the crawl file keeps the state the crawl ended in. Seen: the file said "paused"
     * after "finished" (and "running" after "stopped"), so the finished crawl opened as one to
     * resume, the stopped one as one killed mid-way.
     */
    @Test
    void aPauseOrResumeAfterTheCrawlEndedLeavesTheStateItEndedIn() throws Exception {
        server.route("/", LocalHttpServer.html("<p>one page</p>"));
        for (CrawlState end : List.of(CrawlState.FINISHED, CrawlState.STOPPED)) {
            Path file = dir.resolve(end.label() + ".webprobe");
            try (CrawlStore store = CrawlStore.create(file, plan())) {
                try (CrawlJob job = CrawlJob.builder(plan(),
                        new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).build()) {
                    if (end == CrawlState.STOPPED) {
                        job.stop();
                    }
                    job.start();
                    job.completion().get(60, TimeUnit.SECONDS);
                    job.pause();
                    job.resume();
                    job.pause();
                }
            }
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
                assertThat(store.info().state()).as(end.label()).isEqualTo(end);
            }
        }
    }

    /**
     * A crawl stopped while its sitemaps are read leaves them to read on its resume. Seen: the
     * file said they were read (so a resume never read them: their URLs never crawled, orphans
     * counted without them) and kept "The sitemap … could not be read: stopped before it
     * finished" as a warning about the site.
     */
    @Test
    void aStopWhileTheSitemapsAreReadLeavesThemToReadOnResume() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/", LocalHttpServer.html("<p>one page</p>"));
        server.route("/robots.txt", LocalHttpServer.respond(200, "text/plain",
                "Sitemap: " + server.url("/sitemap.xml") + "\n"));
        server.route("/listed", LocalHttpServer.html("<p>only in the sitemap</p>"));
        String sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns="
                + "\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                + server.url("/listed") + "</loc></url></urlset>";
        server.route("/sitemap.xml", LocalHttpServer.sequence(
                LocalHttpServer.blockUntil(release, arrived, ""),
                LocalHttpServer.respond(200, "application/xml", sitemap)));
        Path file = dir.resolve("sitemaps.webprobe");
        CrawlPlan plan = plan().withSitemaps(true);
        try (CrawlStore store = CrawlStore.create(file, plan)) {
            CrawlSummary summary;
            try (CrawlJob job = CrawlJob.builder(plan,
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink()).build()) {
                job.start();
                arrived.await();
                job.stop();
                summary = job.completion().get(60, TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
            assertThat(summary.warnings()).isEmpty();
            assertThat(store.resumeState().sitemapsRead()).isFalse();
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            CrawlSummary summary = run(CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()));
            assertThat(summary.stopped()).isFalse();
            assertThat(summary.warnings()).isEmpty();
        }
        assertThat(server.hits("/listed")).isEqualTo(1);
    }

    /**
     * A finished crawl continued (nothing to fetch: its file is not changed) stays finished when
     * Pause is pressed as the window starts it: "paused" went to the file, and neither its start
     * nor its end wrote over it, so the finished crawl opened as one to resume.
     */
    @Test
    void aPauseOfAFinishedCrawlContinuedLeavesItFinished() throws Exception {
        server.route("/", LocalHttpServer.html("<p>one page</p>"));
        Path file = dir.resolve("finished-paused.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            run(CrawlJob.builder(plan(), new JdkHttpProbe("t", Duration.ofSeconds(5)),
                    store.sink()));
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            try (CrawlJob job = CrawlJob.builder(store.plan(),
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), store.sink())
                    .resume(store.resumeState()).build()) {
                job.pause(); // the window shows the job, then starts it on another thread
                job.start();
                job.resume();
                job.completion().get(60, TimeUnit.SECONDS);
            }
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.FINISHED);
        }
    }
}
