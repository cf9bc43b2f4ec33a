package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.crawl.ResumeState;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.export.Column;
import io.webprobe.export.CrawlCsv;
import io.webprobe.export.CsvExporter;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import io.webprobe.ui.common.DialogService;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CrawlViewModel} without the JavaFX toolkit: a single "fake FX" thread stands in for the
 * FX thread (every call into the ViewModel and every read of its state goes through it), a real
 * ticker, a direct background executor, real crawls of a site on loopback.
 */
class CrawlViewModelTest {
    private static final Duration TICK = Duration.ofMillis(20);
    private static final Duration CRAWL_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tempDir;

    /** Where the view model's crawl files go (apart from the exports in tempDir). */
    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FakeFxThread fx = new FakeFxThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-ui-timer");
        t.setDaemon(true);
        return t;
    });
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger jobsCreated = new AtomicInteger();
    private final List<CrawlPlan> plans = new CopyOnWriteArrayList<>();
    private final List<CrawlJob> jobs = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> latchesToRelease = new ArrayList<>();
    private final List<CrawlStore> stores = new CopyOnWriteArrayList<>();
    private final CrawlViewModel vm = new CrawlViewModel(new CrawlJobFactory() {
        @Override
        public CrawlStore newStore(CrawlPlan plan) throws StoreException {
            CrawlStore store = CrawlStore.create(crawlsDir.resolve("crawl-"
                    + stores.size() + CrawlStore.EXTENSION), plan);
            stores.add(store);
            return store;
        }

        @Override
        public CrawlJob job(CrawlStore store, ResumeState resume, CrawlListener listener)
                throws StoreException {
            CrawlPlan plan = store.plan();
            jobsCreated.incrementAndGet();
            plans.add(plan);
            // as the app wires it: the plan's user agent is the one sent
            CrawlJob job = CrawlJob.builder(plan,
                    new JdkHttpProbe(plan.userAgent(), Duration.ofSeconds(5)), store.sink())
                    .resume(resume).listener(listener).build();
            jobs.add(job);
            return job;
        }
    }, fx, timer, Runnable::run, new CsvExporter(), dialogs, "Webprobe/test", TICK);

    @AfterEach
    void tearDown() throws Exception {
        latchesToRelease.forEach(CountDownLatch::countDown);
        fx.on(() -> {
            vm.close();
            return null;
        });
        timer.shutdownNow();
        fx.close();
        server.close();
    }

    private boolean start(String url) throws Exception {
        return fx.on(() -> {
            vm.urlProperty().set(url);
            return vm.start();
        });
    }

    private void awaitCrawlEnd() {
        await().atMost(CRAWL_WAIT).pollInterval(Duration.ofMillis(20))
                .until(() -> !fx.on(() -> vm.runningProperty().get()));
    }

    private String status() throws Exception {
        return fx.on(() -> vm.statusProperty().get());
    }

    private List<CrawlRow> rows() throws Exception {
        return fx.on(() -> List.copyOf(vm.rows()));
    }

    private Map<String, Integer> rowInlinks() throws Exception {
        return fx.on(() -> vm.rows().stream().collect(Collectors.toMap(
                r -> r.result().url(), r -> r.inlinksProperty().get())));
    }

    // == URL validation ==

    @ParameterizedTest
    @ValueSource(strings = {"", "htp://x.test", "ftp://x", "http://127.0.0.1:99999/"})
    void invalidUrlSetsAnErrorSentenceAndStartsNothing(String input) throws Exception {
        assertThat(start(input)).isFalse();

        String error = fx.on(() -> vm.urlErrorProperty().get());
        assertThat(error).hasSizeGreaterThan(15);
        assertThat(Character.isUpperCase(error.charAt(0))).as("starts like a sentence: %s", error)
                .isTrue();
        assertThat(fx.on(() -> vm.runningProperty().get())).isFalse();
        assertThat(jobsCreated).hasValue(0);
        assertThat(rows()).isEmpty();
    }

    @Test
    void editingTheUrlClearsTheError() throws Exception {
        start("http//example.com");
        assertThat(fx.on(() -> vm.urlErrorProperty().get())).isNotEmpty();
        fx.on(() -> vm.urlProperty().set("https://example.com/"));
        assertThat(fx.on(() -> vm.urlErrorProperty().get())).isEmpty();
    }

    @Test
    void startsACrawlWithTheChosenThreadsAndUserAgent() throws Exception {
        server.route("/", html("home"));
        fx.on(() -> vm.threadsProperty().set(3));
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.startUrl()).isEqualTo(URI.create(server.url("/")));
            assertThat(plan.threads()).isEqualTo(3);
            assertThat(plan.userAgent()).isEqualTo("Webprobe/test");
        });
        assertThat(server.hits("/")).isEqualTo(1);
    }

    // == a whole crawl ==

    @Test
    void completeCrawlShowsEveryUrlOnceWithBrokenLinksAndFinalInlinks() throws Exception {
        TestSite site = new TestSite(server, 200);
        assertThat(start(server.url("/"))).isTrue();
        assertThat(fx.on(() -> vm.runningProperty().get())).isTrue();
        awaitCrawlEnd();

        List<String> urls = rows().stream().map(r -> r.result().url()).toList();
        assertThat(urls).doesNotHaveDuplicates();
        assertThat(urls).hasSize(site.paths().size());
        assertThat(Set.copyOf(urls)).isEqualTo(
                site.paths().stream().map(server::url).collect(Collectors.toSet()));

        List<BrokenLink> broken = fx.on(() -> List.copyOf(vm.brokenLinks()));
        Map<String, List<String>> brokenSources = broken.stream().collect(Collectors.groupingBy(
                BrokenLink::linkUrl, Collectors.mapping(BrokenLink::sourceUrl, Collectors.toList())));
        Map<String, List<String>> expectedBroken = site.brokenSources().entrySet().stream()
                .collect(Collectors.toMap(e -> server.url(e.getKey()), Map.Entry::getValue));
        assertThat(brokenSources.keySet()).isEqualTo(expectedBroken.keySet());
        expectedBroken.forEach((link, sources) -> assertThat(brokenSources.get(link))
                .as("sources of %s", link).containsExactlyInAnyOrderElementsOf(sources));

        // The rows show the final counts of the ViewModel's own job...
        Map<String, Integer> jobInlinks = storedResults(stores.get(0)).stream()
                .collect(Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
        assertThat(rowInlinks()).isEqualTo(jobInlinks);
        // ...and those match the same site crawled by a CrawlJob directly, no UI in between.
        Map<String, Integer> expectedInlinks = referenceCrawl(server.url("/")).stream()
                .collect(Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
        assertThat(rowInlinks()).isEqualTo(expectedInlinks);

        assertThat(fx.on(() -> vm.progressProperty().get())).isEqualTo(1.0);
        assertThat(status()).startsWith("Finished");
        assertThat(fx.on(() -> vm.pausedProperty().get())).isFalse();
    }

    private static List<CrawlResult> storedResults(CrawlStore store) throws Exception {
        try (CrawlReader reader = store.reader()) {
            return reader.results();
        }
    }

    private List<CrawlResult> referenceCrawl(String url) throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        CrawlPlan plan = CrawlPlan.of(URI.create(url), "reference");
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                CrawlJob job = CrawlJob.builder(plan,
                        new JdkHttpProbe("reference", Duration.ofSeconds(5)), store.sink())
                        .listener(new CrawlListener() {
                            @Override
                            public void onFinished(CrawlSummary summary) {
                                done.complete(summary);
                            }
                        }).build()) {
            job.start();
            assertThat(done.get(30, TimeUnit.SECONDS).stopped()).isFalse();
            return storedResults(store);
        }
    }

    @Test
    void secondCrawlReplacesTheRowsOfTheFirst() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/gone\">gone</a>"));
        server.route("/a", html("a"));
        server.route("/b/", html("<a href=\"/b/c\">c</a>"));
        server.route("/b/c", html("c"));
        start(server.url("/"));
        awaitCrawlEnd();
        assertThat(rows()).hasSize(3);
        assertThat(fx.on(() -> vm.brokenLinks().size())).isEqualTo(1);

        assertThat(start(server.url("/b/"))).isTrue();
        awaitCrawlEnd();
        // "/b/c" is in scope (same host); "/b/" has no broken links
        assertThat(rows()).extracting(r -> r.result().url())
                .containsExactlyInAnyOrder(server.url("/b/"), server.url("/b/c"));
        assertThat(fx.on(() -> vm.brokenLinks().size())).isZero();
        assertThat(status()).startsWith("Finished");
    }

    @Test
    void unreachableStartUrlEndsWithOneErrorRowAndASentence() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThat(start("http://127.0.0.1:" + closedPort + "/")).isTrue();
        awaitCrawlEnd();

        List<CrawlRow> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).result().error()).isNotNull();
        assertThat(status()).contains("Could not fetch");
    }

    // == export ==

    @Test
    void exportWritesThePagesFileAndTheBrokenLinksSibling() throws Exception {
        TestSite site = new TestSite(server, 60);
        start(server.url("/"));
        awaitCrawlEnd();
        int rowCount = fx.on(() -> vm.rows().size());
        int brokenCount = fx.on(() -> vm.brokenLinks().size());
        assertThat(rowCount).isEqualTo(site.paths().size());
        assertThat(brokenCount).isEqualTo(
                site.brokenSources().values().stream().mapToInt(List::size).sum());
        dialogs.saveAnswer = Optional.of(tempDir.resolve("crawl.csv"));

        fx.on(vm::exportCsv);

        Path pages = tempDir.resolve("crawl.csv");
        Path broken = tempDir.resolve("crawl-broken-links.csv");
        List<String[]> pageLines = readCsv(pages);
        List<String[]> brokenLines = readCsv(broken);
        assertThat(pageLines).hasSize(1 + rowCount);
        assertThat(brokenLines).hasSize(1 + brokenCount);
        assertThat(pageLines.get(0)).containsExactly(headers(CrawlCsv.pages(Map.of())));
        assertThat(brokenLines.get(0)).containsExactly(headers(CrawlCsv.BROKEN_LINKS));
        // the exported inlinks are the rows' final counts
        Map<String, Integer> exportedInlinks = new HashMap<>();
        for (String[] line : pageLines.subList(1, pageLines.size())) {
            exportedInlinks.put(line[0], Integer.parseInt(line[7]));
        }
        assertThat(exportedInlinks).isEqualTo(rowInlinks());
        assertThat(status()).startsWith("Exported " + rowCount + " URLs to crawl.csv");
        assertThat(dialogs.calls).containsExactly("chooseSaveFile");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary files left behind")
                    .containsExactlyInAnyOrder("crawl.csv", "crawl-broken-links.csv");
        }
    }

    @Test
    void exportAddsTheCsvExtensionWhenTheChosenNameHasNone() throws Exception {
        server.route("/", html("<a href=\"/gone\">gone</a>"));
        start(server.url("/"));
        awaitCrawlEnd();
        dialogs.saveAnswer = Optional.of(tempDir.resolve("report"));

        fx.on(vm::exportCsv);

        assertThat(readCsv(tempDir.resolve("report.csv"))).hasSize(1 + 2);
        assertThat(readCsv(tempDir.resolve("report-broken-links.csv"))).hasSize(1 + 1);
    }

    @Test
    void exportIntoAMissingFolderShowsAPlainErrorAndWritesNothing() throws Exception {
        server.route("/", html("home"));
        start(server.url("/"));
        awaitCrawlEnd();
        Path missing = tempDir.resolve("no-such-folder").resolve("crawl.csv");
        dialogs.saveAnswer = Optional.of(missing);

        fx.on(vm::exportCsv);

        // status() queues behind the error report the export posted to the FX thread
        assertThat(status()).startsWith("Could not write").contains("folder does not exist");
        assertThat(dialogs.calls).containsExactly("chooseSaveFile", "showError");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void exportWithNoRowsOnlyExplainsAndWritesNothing() throws Exception {
        dialogs.saveAnswer = Optional.of(tempDir.resolve("crawl.csv"));

        fx.on(vm::exportCsv);

        assertThat(dialogs.calls).containsExactly("showInfo");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() throws Exception {
        server.route("/", html("home"));
        start(server.url("/"));
        awaitCrawlEnd();
        dialogs.saveAnswer = Optional.empty();

        fx.on(vm::exportCsv);

        assertThat(dialogs.calls).containsExactly("chooseSaveFile");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    // == stop and pause ==

    @Test
    void stopMidCrawlEndsWithAStoppedStatus() throws Exception {
        CountDownLatch arrived = slowSite();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        fx.on(vm::stop);

        awaitCrawlEnd();
        assertThat(status()).startsWith("Stopped");
        assertThat(rows()).extracting(r -> r.result().url()).contains(server.url("/"))
                .doesNotContain(server.url("/slow"));
        assertThat(fx.on(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void togglePauseFlipsPausedWhileRunning() throws Exception {
        CountDownLatch arrived = slowSite();
        fx.on(vm::togglePause); // not running: nothing to pause
        assertThat(fx.on(() -> vm.pausedProperty().get())).isFalse();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        fx.on(vm::togglePause);
        assertThat(fx.on(() -> vm.pausedProperty().get())).isTrue();
        assertThat(status()).endsWith("paused");

        fx.on(vm::togglePause);
        assertThat(fx.on(() -> vm.pausedProperty().get())).isFalse();
        assertThat(status()).doesNotEndWith("paused");

        latchesToRelease.forEach(CountDownLatch::countDown);
        awaitCrawlEnd();
        assertThat(status()).startsWith("Finished");
    }

    @Test
    void stopWhilePausedEndsTheCrawl() throws Exception {
        CountDownLatch arrived = slowSite();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        fx.on(vm::togglePause);

        fx.on(vm::stop);

        awaitCrawlEnd();
        assertThat(status()).startsWith("Stopped");
        assertThat(fx.on(() -> vm.pausedProperty().get())).isFalse();
    }

    @Test
    void stoppedCrawlShowsThePartOfTheDiscoveredUrlsThatWasCrawled() throws Exception {
        CountDownLatch arrived = slowSite();
        server.route("/", html("<a href=\"/slow\">slow</a><a href=\"/a\">a</a>"
                + "<a href=\"/b\">b</a><a href=\"/c\">c</a>"));
        fx.on(() -> vm.threadsProperty().set(1));
        start(server.url("/"));
        // one worker: "/" done, "/slow" in flight, "/a", "/b", "/c" queued
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        fx.on(vm::stop);

        awaitCrawlEnd();
        assertThat(rows()).hasSize(1);
        assertThat(status()).startsWith("Stopped");
        assertThat(fx.on(() -> vm.progressProperty().get())).isLessThan(1.0);
    }

    /** "/" links to "/slow", which answers only when the test releases it. */
    private CountDownLatch slowSite() {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        latchesToRelease.add(release);
        server.route("/", html("<a href=\"/slow\">slow</a><a href=\"/fast\">fast</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/fast", html("fast"));
        return arrived;
    }

    // == settings ==

    @Test
    void theSettingsBecomeThePlanAndTheCrawlHonoursThem() throws Exception {
        server.route("/", html("<a href=\"/a\">a</a><a href=\"/private/x\">x</a>"));
        server.route("/a", html("<a href=\"/a/b\">b</a>"));
        server.route("/a/b", html("too deep"));
        server.route("/private/x", html("excluded"));
        fx.on(() -> {
            CrawlSettingsForm s = vm.settings();
            s.excludeProperty().set("/private/");
            s.maxDepthProperty().set("1");
            s.maxPerHostProperty().set("2");
            s.delayMillisProperty().set("1");
            s.timeoutSecondsProperty().set("7");
            s.checkExternalProperty().set(false);
        });
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.maxDepth()).isEqualTo(1);
            assertThat(plan.scope().exclude()).extracting(java.util.regex.Pattern::pattern)
                    .containsExactly("/private/");
            assertThat(plan.politeness().maxPerHost()).isEqualTo(2);
            assertThat(plan.politeness().delay()).isEqualTo(Duration.ofMillis(1));
            assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(plan.checkExternal()).isFalse();
            assertThat(plan.threads()).isEqualTo(CrawlPlan.DEFAULT_THREADS);
            assertThat(plan.userAgent()).isEqualTo("Webprobe/test");
        });
        assertThat(rows()).extracting(r -> r.result().url())
                .containsExactlyInAnyOrder(server.url("/"), server.url("/a"));
        assertThat(server.hits("/private/x")).isZero();
        assertThat(server.hits("/a/b")).isZero();
    }

    @Test
    void aPageLongerThanTheMaxPageSizeIsCutThereAndMarkedTruncated() throws Exception {
        // 0.001 MB = 1,048.576 bytes, rounded to a cap of 1,049
        server.route("/", html("<a href=\"/big\">big</a> <a href=\"/small\">small</a>"));
        server.route("/big", html("<html><title>Big</title>" + "x".repeat(5 * 1024) + "</html>"));
        String small = "<html><title>Small</title>" + "y".repeat(1_000) + "</html>";
        assertThat(small.length()).as("under the cap").isLessThan(1_049);
        server.route("/small", html(small));
        fx.on(() -> vm.settings().maxPageMegabytesProperty().set("0.001"));

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(plans).singleElement()
                .satisfies(plan -> assertThat(plan.maxBodyBytes()).isEqualTo(1_049));
        Map<String, CrawlResult> byUrl = rows().stream().map(CrawlRow::result)
                .collect(Collectors.toMap(CrawlResult::url, r -> r));
        assertThat(byUrl.get(server.url("/big"))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.truncated()).isTrue();
            assertThat(r.sizeBytes()).isEqualTo(1_049);
            assertThat(r.isBroken()).as("a cut page is not broken").isFalse();
        });
        assertThat(byUrl.get(server.url("/small"))).satisfies(r -> {
            assertThat(r.truncated()).isFalse();
            assertThat(r.sizeBytes()).isEqualTo(small.length());
        });
        assertThat(byUrl.get(server.url("/")).truncated()).isFalse();
        assertThat(CrawlView.sizeText(1_049, true)).isEqualTo("1,049 (cut)");
        assertThat(CrawlView.sizeText(1_033, false)).isEqualTo("1,033");
    }

    @Test
    void theUserAgentTypedInTheSettingsIsTheOneTheServerSees() throws Exception {
        List<String> agents = new CopyOnWriteArrayList<>();
        server.route("/", ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            LocalHttpServer.send(ex, 200, "text/html", "<a href=\"/next\">next</a>");
        });
        server.route("/next", ex -> {
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            LocalHttpServer.send(ex, 200, "text/html", "<title>next</title>");
        });
        fx.on(() -> vm.settings().userAgentProperty().set(" MyBot/1.0 (+https://example.com/bot) "));

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(agents).containsExactly("MyBot/1.0 (+https://example.com/bot)",
                "MyBot/1.0 (+https://example.com/bot)");

        // blank again: the default one
        agents.clear();
        fx.on(() -> vm.settings().userAgentProperty().set(""));
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();
        assertThat(agents).containsExactly("Webprobe/test", "Webprobe/test");
    }

    @Test
    void aRateLimitBecomesTheLeastGapBetweenStartsToOneHost() throws Exception {
        server.route("/", html("home"));
        fx.on(() -> {
            vm.settings().maxRequestsPerSecondProperty().set("200"); // 5 ms
            vm.settings().delayMillisProperty().set("2");
        });

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(plans).singleElement().satisfies(plan ->
                assertThat(plan.politeness().delay()).isEqualTo(Duration.ofMillis(5)));
        assertThat(server.hits("/")).isEqualTo(1);
    }

    @Test
    void aBadPageSizeIsOneSentenceAndStartsNothing() throws Exception {
        server.route("/", html("home"));
        fx.on(() -> vm.settings().maxPageMegabytesProperty().set("0"));

        assertThat(start(server.url("/"))).isFalse();

        assertThat(fx.on(() -> vm.settingsErrorProperty().get())).isEqualTo(
                "Max page size must be a number of megabytes from 0.001 to 8192, like 10 or 0.5.");
        assertThat(fx.on(() -> vm.settings().errorFieldProperty().get()))
                .isEqualTo(CrawlSettingsForm.Field.MAX_PAGE_SIZE);
        assertThat(jobsCreated).hasValue(0);
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aBadSettingIsOneSentenceAndStartsNothing() throws Exception {
        server.route("/", html("home"));
        fx.on(() -> vm.settings().timeoutSecondsProperty().set("soon"));

        assertThat(start(server.url("/"))).isFalse();

        assertThat(fx.on(() -> vm.settingsErrorProperty().get()))
                .isEqualTo("Timeout must be a whole number of seconds from 1 to 600.");
        assertThat(fx.on(() -> vm.urlErrorProperty().get())).isEmpty();
        assertThat(fx.on(() -> vm.runningProperty().get())).isFalse();
        assertThat(jobsCreated).hasValue(0);
        assertThat(server.totalRequests()).isZero();
        assertThat(fx.on(() -> vm.settings().timeoutSecondsProperty().get())).isEqualTo("soon");
        assertThat(fx.on(() -> vm.urlProperty().get())).isEqualTo(server.url("/"));

        fx.on(() -> vm.settings().timeoutSecondsProperty().set("20"));
        assertThat(fx.on(() -> vm.settingsErrorProperty().get())).isEmpty();
        assertThat(fx.on(vm::start)).isTrue();
        awaitCrawlEnd();
        assertThat(plans).singleElement()
                .satisfies(plan -> assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void aBadUrlIsReportedBeforeTheSettings() throws Exception {
        fx.on(() -> vm.settings().maxPagesProperty().set("0"));

        assertThat(start("htp://x.test")).isFalse();

        assertThat(fx.on(() -> vm.urlErrorProperty().get())).isNotEmpty();
        assertThat(fx.on(() -> vm.settingsErrorProperty().get())).isEmpty();
        assertThat(jobsCreated).hasValue(0);
    }

    @Test
    void aBadSettingKeepsTheLastCrawlsResults() throws Exception {
        server.route("/", html("<a href=\"/gone\">gone</a>"));
        start(server.url("/"));
        awaitCrawlEnd();
        String finished = status();

        fx.on(() -> vm.settings().includeProperty().set("("));
        assertThat(start(server.url("/"))).isFalse();

        assertThat(rows()).hasSize(2);
        assertThat(fx.on(() -> vm.brokenLinks().size())).isEqualTo(1);
        assertThat(status()).isEqualTo(finished);
        assertThat(fx.on(() -> vm.settingsErrorProperty().get())).startsWith("Include pattern");
        assertThat(jobsCreated).hasValue(1);
    }

    @Test
    void settingsAreLockedWhileACrawlRunsAndReadOnlyAtItsStart() throws Exception {
        CountDownLatch arrived = slowSite();
        assertThat(fx.on(() -> vm.settingsLockedProperty().get())).isFalse();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(fx.on(() -> vm.settingsLockedProperty().get())).isTrue();
        // the crawl keeps the plan it started with, whatever the form says now
        fx.on(() -> vm.settings().maxPagesProperty().set("1"));
        assertThat(plans).singleElement()
                .satisfies(plan -> assertThat(plan.maxPages()).isEqualTo(CrawlPlan.UNLIMITED));

        latchesToRelease.forEach(CountDownLatch::countDown);
        awaitCrawlEnd();
        assertThat(fx.on(() -> vm.settingsLockedProperty().get())).isFalse();
        assertThat(rows()).extracting(r -> r.result().url())
                .contains(server.url("/slow"), server.url("/fast"));
    }

    // == sitemaps and orphans ==

    /** "/" links to "/linked"; the sitemap (named in robots.txt) also lists "/orphan". */
    private void sitemapSite() {
        server.route("/", html("<a href=\"/linked\">linked</a>"));
        server.route("/linked", html("<title>Linked</title>ok"));
        server.route("/orphan", html("<title>Lonely</title>nobody links here"));
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow:\nSitemap: " + server.url("/map.xml") + "\n"));
        server.route("/map.xml", ex -> LocalHttpServer.send(ex, 200, "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + server.url("/") + "</loc></url>"
                        + "<url><loc>" + server.url("/linked") + "</loc></url>"
                        + "<url><loc>" + server.url("/orphan") + "</loc></url></urlset>"));
    }

    @Test
    void aCrawlWithSitemapsListsItsOrphansAndExportsThem() throws Exception {
        sitemapSite();
        fx.on(() -> vm.settings().useSitemapsProperty().set(true));
        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(fx.on(() -> vm.orphansKnownProperty().get())).isTrue();
        assertThat(fx.on(() -> List.copyOf(vm.orphans()))).extracting(CrawlResult::url)
                .containsExactly(server.url("/orphan"));
        assertThat(status()).startsWith("Finished").endsWith(" · 1 orphan");

        dialogs.saveAnswer = Optional.of(tempDir.resolve("site.csv"));
        fx.on(vm::exportCsv);

        List<String[]> orphanLines = readCsv(tempDir.resolve("site-orphans.csv"));
        assertThat(orphanLines.get(0)).containsExactly(headers(CrawlCsv.ORPHANS));
        assertThat(orphanLines).hasSize(2);
        assertThat(orphanLines.get(1)).containsExactly(server.url("/orphan"), "200", "text/html",
                "Lonely", "true", "ok");
        assertThat(readCsv(tempDir.resolve("site.csv"))).hasSize(1 + 3);
        assertThat(status()).isEqualTo("Exported 3 URLs to site.csv, 0 broken links to "
                + "site-broken-links.csv and 1 orphan to site-orphans.csv.");
    }

    @Test
    void withoutSitemapsThereAreNoOrphans() throws Exception {
        sitemapSite();
        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(fx.on(() -> vm.orphansKnownProperty().get())).isFalse();
        assertThat(fx.on(() -> vm.orphans().size())).isZero();
        assertThat(server.hits("/orphan")).isZero();
        assertThat(status()).doesNotContain("orphan");
    }

    @Test
    void theNextCrawlClearsTheOrphans() throws Exception {
        sitemapSite();
        fx.on(() -> vm.settings().useSitemapsProperty().set(true));
        start(server.url("/"));
        awaitCrawlEnd();
        assertThat(fx.on(() -> vm.orphans().size())).isEqualTo(1);

        fx.on(() -> vm.settings().useSitemapsProperty().set(false));
        start(server.url("/"));
        assertThat(fx.on(() -> vm.orphans().size())).isZero();
        assertThat(fx.on(() -> vm.orphansKnownProperty().get())).isFalse();
        awaitCrawlEnd();
        assertThat(fx.on(() -> vm.orphansKnownProperty().get())).isFalse();
    }

    @Test
    void aStoppedCrawlClaimsNoOrphans() throws Exception {
        CountDownLatch arrived = slowSite();
        fx.on(() -> vm.settings().useSitemapsProperty().set(true));
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        fx.on(vm::stop);
        awaitCrawlEnd();

        assertThat(status()).startsWith("Stopped");
        assertThat(fx.on(() -> vm.orphansKnownProperty().get())).isFalse();
    }

    // == helpers ==

    private static String[] headers(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

}
