package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.Urls;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Races on the frontier and the dedup map: a dense site where every page links to every other
 * page in many spellings of the same URL, crawled by many threads at once; and the
 * {@link Frontier} alone under concurrent take/add.
 */
class FrontierRaceTest {
    private static final int PAGES = 120;
    private static final int THREADS = 32;
    /** At most the handler threads of {@link LocalHttpServer} (16), or the gate would stall. */
    private static final int GATE = 16;
    /** Only something really stuck waits this long; nothing here asserts on elapsed time. */
    private static final Duration STUCK = ManualTicker.STUCK;

    private final LocalHttpServer server = new LocalHttpServer();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(GATE);

    @AfterEach
    void tearDown() {
        executors.forEach(ExecutorService::shutdownNow);
        server.close();
    }

    private static String pagePath(int i) {
        return "/p/" + i + ".html";
    }

    /** One of several spellings of page {@code to}'s URL, as written on page {@code from}. */
    private String linkForm(int from, int to) {
        String path = pagePath(to);
        return switch ((from + to) % 7) {
            case 0 -> to + ".html";                                    // relative
            case 1 -> path;                                            // root-relative
            case 2 -> server.url(path);                                // absolute
            case 3 -> path + "#section-" + from;                       // with fragment
            case 4 -> "./" + to + ".html";                             // dot segment
            case 5 -> "HTTP://127.0.0.1:" + server.port() + path;      // upper-case scheme
            default -> "../p/" + to + ".html";                         // up and back down
        };
    }

    /**
     * Builds the site and returns its link graph: path to the set of paths it links to. "/"
     * links to the even pages; every page links to every other page, every third target twice,
     * in two different spellings.
     */
    private Map<String, Set<String>> denseSite() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        StringBuilder home = new StringBuilder("<title>Home</title>");
        Set<String> homeLinks = new LinkedHashSet<>();
        for (int i = 0; i < PAGES; i += 2) {
            home.append("<a href=\"").append(pagePath(i)).append("\">").append(i).append("</a>");
            homeLinks.add(pagePath(i));
        }
        graph.put("/", homeLinks);
        server.route("/", LocalHttpServer.html(home.toString()));
        for (int from = 0; from < PAGES; from++) {
            StringBuilder body = new StringBuilder("<title>Page " + from + "</title>");
            Set<String> links = new LinkedHashSet<>();
            for (int to = 0; to < PAGES; to++) {
                if (to == from) {
                    continue;
                }
                body.append("<a href=\"").append(linkForm(from, to)).append("\">a</a>");
                if (to % 3 == 0) {
                    body.append("<a href=\"").append(linkForm(from + 1, to)).append("\">b</a>");
                }
                links.add(pagePath(to));
            }
            graph.put(pagePath(from), links);
            server.route(pagePath(from), gated(LocalHttpServer.html(body.toString())));
        }
        return graph;
    }

    /**
     * Holds the first {@link #GATE} page responses until that many requests have arrived, so
     * that many workers parse pages and claim the same new URLs at the same moment.
     */
    private LocalHttpServer.Route gated(LocalHttpServer.Route route) {
        return ex -> {
            gate.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS); // not asserted: at worst the race is milder
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            route.handle(ex);
        };
    }

    private static Map<String, Integer> expectedInlinks(Map<String, Set<String>> graph) {
        Map<String, Integer> inlinks = new HashMap<>();
        graph.keySet().forEach(p -> inlinks.put(p, 0));
        graph.values().forEach(targets -> targets.forEach(t -> inlinks.merge(t, 1, Integer::sum)));
        return inlinks;
    }

    @RepeatedTest(5)
    void denseSiteIsCrawledOncePerPageWithExactInlinks() throws Exception {
        Map<String, Set<String>> graph = denseSite();
        Map<String, Integer> expectedInlinks = expectedInlinks(graph);
        var events = new RecordingCrawlListener();
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test")
                .withThreads(THREADS);

        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            CrawlSummary summary = events.awaitFinish();

            assertThat(summary.stopped()).isFalse();
            assertThat(summary.startFailure()).isNull();
            for (String path : graph.keySet()) {
                assertThat(server.hits(path)).as("requests of %s", path).isEqualTo(1);
            }
            // one request per page, plus robots.txt once however many threads race for it
            assertEquals(1, server.hits("/robots.txt"));
            assertEquals(graph.size() + 1, server.totalRequests());
            assertEquals(graph.size(), events.results().size());
            assertEquals(graph.size(), summary.crawled());
            assertThat(events.broken).isEmpty();

            Map<String, CrawlResult> byPath = events.stored().stream().collect(Collectors.toMap(
                    r -> URI.create(Urls.key(URI.create(r.url()))).getRawPath(),
                    Function.identity()));
            assertEquals(graph.keySet(), byPath.keySet());
            Map<String, Integer> actualInlinks = byPath.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, e -> e.getValue().inlinks()));
            assertEquals(expectedInlinks, actualInlinks);
            assertThat(expectedInlinks.get(pagePath(0))).isEqualTo(PAGES);
            assertThat(expectedInlinks.get(pagePath(1))).isEqualTo(PAGES - 1);
            assertThat(byPath.get(pagePath(7)).outlinks()).isEqualTo(PAGES - 1);
            assertThat(events.eventsAfterFinish).isEmpty();
        }
    }

    @Test
    void everyAddedItemIsTakenExactlyOnceAndTakeEndsWithNullForEveryWorker()
            throws Exception {
        takeEveryItemOnce(new Frontier<>());
    }

    @Test
    void withManyHostsAPerHostLimitAndRetriesEveryItemIsStillTakenOnce() throws Exception {
        // 13 hosts, at most 2 in flight each: workers must skip busy hosts, never stall on them
        takeEveryItemOnce(new Frontier<>(item -> "host" + item % 13, 2, 0));
    }

    private void takeEveryItemOnce(Frontier<Integer> frontier) throws Exception {
        // A binary tree of items: taking item k adds 2k+1 and 2k+2, from whichever worker took
        // it, while the other workers take and add concurrently.
        int items = 50_000;
        int workers = 8;
        Map<Integer, AtomicInteger> taken = new ConcurrentHashMap<>();
        AtomicInteger added = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        executors.add(pool);
        CountDownLatch go = new CountDownLatch(1);
        record WorkerEnd(int takenByThisWorker, int takenByAllWhenItEnded) {}
        List<Future<WorkerEnd>> ends = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            ends.add(pool.submit(() -> {
                go.await();
                int mine = 0;
                while (true) {
                    Integer item = frontier.take();
                    if (item == null) {
                        return new WorkerEnd(mine, taken.size());
                    }
                    try {
                        mine++;
                        taken.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet();
                        for (int child = 2 * item + 1; child <= 2 * item + 2; child++) {
                            if (child < items) {
                                added.incrementAndGet();
                                frontier.add(child);
                            }
                        }
                    } finally {
                        frontier.done(item);
                    }
                }
            }));
        }
        added.incrementAndGet();
        frontier.add(0);
        go.countDown();

        int total = 0;
        for (Future<WorkerEnd> f : ends) {
            WorkerEnd end = f.get(STUCK.toSeconds(), TimeUnit.SECONDS);
            total += end.takenByThisWorker();
            // null only once the crawl is over: nothing left that work in flight could add
            assertEquals(items, end.takenByAllWhenItEnded());
        }

        assertEquals(items, added.get());
        assertEquals(items, total);
        assertEquals(items, taken.size());
        assertThat(taken.values()).allSatisfy(n -> assertEquals(1, n.get()));
        assertEquals(0, frontier.queued());
        assertEquals(0, frontier.inFlight());
        Future<Integer> late = pool.submit(frontier::take);
        assertThat(late.get(STUCK.toSeconds(), TimeUnit.SECONDS)).isNull();
    }

    @Test
    void takeWaitsWhileWorkIsInFlightAndGetsWhatThatWorkAdds() throws Exception {
        Frontier<String> frontier = new Frontier<>();
        frontier.add("first");
        assertEquals("first", frontier.take()); // in flight: the next take() has to wait

        PendingTake<String> waiting = PendingTake.waiting(frontier);
        frontier.add("second");

        assertEquals("second", waiting.get());
    }

    @Test
    void stopWakesABlockedTake() throws Exception {
        Frontier<String> frontier = new Frontier<>();
        frontier.add("first");
        assertEquals("first", frontier.take()); // in flight: the next take() has to wait
        PendingTake<String> blocked = PendingTake.waiting(frontier);

        frontier.stop();

        assertThat(blocked.get()).isNull();
        frontier.add("after stop");
        assertEquals(0, frontier.queued());
    }
}
