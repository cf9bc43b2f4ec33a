package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.export.Column;
import io.webprobe.export.CrawlCsv;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import io.webprobe.testsupport.TestSite;
import io.webprobe.ui.crawl.export.CrawlExporter;
import io.webprobe.ui.crawl.export.ExportActions;
import io.webprobe.ui.crawl.table.UrlTableView;
import io.webprobe.testsupport.RefusedPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CrawlViewModel} without the JavaFX toolkit ({@link VmHarness}): real crawls of sites
 * on loopback into crawl files, the workspace reading them back.
 */
class CrawlViewModelTest {
    @TempDir
    Path tempDir;

    /** Where the view model's crawl files go (apart from the exports in tempDir). */
    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final List<CountDownLatch> latchesToRelease = new ArrayList<>();
    private VmHarness h;
    private final List<RefusedPort> held = new ArrayList<>();
    private CrawlViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        h = new VmHarness(crawlsDir);
        vm = h.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        latchesToRelease.forEach(CountDownLatch::countDown);
        h.close();
        server.close();
        held.forEach(RefusedPort::close);
    }

    private boolean start(String url) throws Exception {
        return h.start(url);
    }

    private void awaitCrawlEnd() {
        h.awaitCrawlEnd();
    }

    private String status() throws Exception {
        return h.status();
    }

    private List<CrawlResult> rows() throws Exception {
        return h.rows();
    }

    private Map<String, Integer> rowInlinks() throws Exception {
        return rows().stream().collect(Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
    }

    private ExportActions exports() {
        return new ExportActions(vm, new CrawlExporter(h.io), h.dialogs, h.fx);
    }

    // == URL validation ==

    @ParameterizedTest
    @ValueSource(strings = {"", "htp://x.test", "ftp://x", "http://127.0.0.1:99999/"})
    void invalidUrlSetsAnErrorSentenceAndStartsNothing(String input) throws Exception {
        assertThat(start(input)).isFalse();

        String error = h.on(() -> vm.urlErrorProperty().get());
        assertThat(error).hasSizeGreaterThan(15);
        assertThat(Character.isUpperCase(error.charAt(0))).as("starts like a sentence: %s", error)
                .isTrue();
        assertThat(h.on(() -> vm.runningProperty().get())).isFalse();
        assertThat(h.jobsCreated).hasValue(0);
        assertThat(h.on(() -> vm.table().items().size())).isZero();
    }

    @Test
    void editingTheUrlClearsTheError() throws Exception {
        start("http//example.com");
        assertThat(h.on(() -> vm.urlErrorProperty().get())).isNotEmpty();
        h.run(() -> vm.urlProperty().set("https://example.com/"));
        assertThat(h.on(() -> vm.urlErrorProperty().get())).isEmpty();
    }

    @Test
    void switchingToAListClearsTheUrlsError() throws Exception {
        start("htp:/127.0.0.1:8901");
        assertThat(h.on(() -> vm.urlErrorProperty().get())).startsWith("The address starts with "
                + "htp:/ instead");
        h.run(() -> vm.modeProperty().set(io.webprobe.ui.crawl.CrawlMode.LIST));
        assertThat(h.on(() -> vm.urlErrorProperty().get())).isEmpty();
    }

    @Test
    void startsACrawlWithTheChosenThreadsAndUserAgent() throws Exception {
        server.route("/", html("home"));
        h.run(() -> vm.threadsProperty().set(3));
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(h.plans).singleElement().satisfies(plan -> {
            assertThat(plan.startUrl()).isEqualTo(URI.create(server.url("/")));
            assertThat(plan.threads()).isEqualTo(3);
            assertThat(plan.userAgent()).isEqualTo("Webprobe/test");
        });
        assertThat(server.hits("/")).isEqualTo(1);
    }

    @Test
    void theStartHostsLookupDoesNotHoldTheFxThread() throws Exception {
        // the job's start checks whether the start host is private: a DNS lookup, which can
        // take seconds on a slow or unreachable name server
        CountDownLatch lookupAnswered = new CountDownLatch(1);
        latchesToRelease.add(lookupAnswered);
        CountDownLatch lookupAsked = new CountDownLatch(1);
        h.jobs = b -> io.webprobe.crawl.CrawlJobs.withResolver(b, host -> {
            lookupAsked.countDown();
            try {
                lookupAnswered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        });

        assertThat(start("http://slow-dns.invalid/")).isTrue();
        assertThat(lookupAsked.await(10, TimeUnit.SECONDS)).as("the lookup was asked").isTrue();

        // the FX thread answers while the lookup waits
        assertThat(h.on(() -> vm.runningProperty().get())).isTrue();
        lookupAnswered.countDown();
        awaitCrawlEnd();
        assertThat(h.dialogs.calls).doesNotContain("showError");
    }

    // == a whole crawl ==

    @Test
    void completeCrawlShowsEveryUrlOnceWithBrokenLinksAndFinalInlinks() throws Exception {
        TestSite site = new TestSite(server, 200);
        assertThat(start(server.url("/"))).isTrue();
        assertThat(h.on(() -> vm.runningProperty().get())).isTrue();
        awaitCrawlEnd();

        List<String> urls = rows().stream().map(CrawlResult::url).toList();
        assertThat(urls).doesNotHaveDuplicates();
        assertThat(urls).hasSize(site.paths().size());
        assertThat(Set.copyOf(urls)).isEqualTo(
                site.paths().stream().map(server::url).collect(Collectors.toSet()));

        Map<String, List<String>> brokenSources = h.brokenLinks().stream().collect(
                Collectors.groupingBy(BrokenLink::linkUrl,
                        Collectors.mapping(BrokenLink::sourceUrl, Collectors.toList())));
        Map<String, List<String>> expectedBroken = site.brokenSources().entrySet().stream()
                .collect(Collectors.toMap(e -> server.url(e.getKey()), Map.Entry::getValue));
        assertThat(brokenSources.keySet()).isEqualTo(expectedBroken.keySet());
        expectedBroken.forEach((link, sources) -> assertThat(brokenSources.get(link))
                .as("sources of %s", link).containsExactlyInAnyOrderElementsOf(sources));

        // the rows show the final counts, those of the same site crawled without the UI
        Map<String, Integer> expectedInlinks = referenceCrawl(server.url("/")).stream()
                .collect(Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
        assertThat(rowInlinks()).isEqualTo(expectedInlinks);

        assertThat(h.on(() -> vm.progressProperty().get())).isEqualTo(1.0);
        assertThat(status()).startsWith("Finished");
        assertThat(h.on(() -> vm.pausedProperty().get())).isFalse();
    }

    private List<CrawlResult> referenceCrawl(String url) throws Exception {
        CompletableFuture<CrawlSummary> finished = new CompletableFuture<>();
        CrawlPlan plan = CrawlPlan.of(URI.create(url), "reference");
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                CrawlJob job = CrawlJob.builder(plan,
                        new JdkHttpProbe("reference", Duration.ofSeconds(5)), store.sink())
                        .listener(new CrawlListener() {
                            @Override
                            public void onFinished(CrawlSummary summary) {
                                finished.complete(summary);
                            }
                        }).build()) {
            job.start();
            assertThat(finished.get(30, TimeUnit.SECONDS).stopped()).isFalse();
            try (CrawlReader reader = store.reader()) {
                return reader.results();
            }
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
        assertThat(h.brokenLinks()).hasSize(1);

        assertThat(start(server.url("/b/"))).isTrue();
        awaitCrawlEnd();
        assertThat(rows()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/b/"), server.url("/b/c"));
        assertThat(h.brokenLinks()).isEmpty();
        assertThat(status()).startsWith("Finished");
        assertThat(h.stores).hasSize(2);
        assertThat(h.on(() -> vm.fileProperty().get())).isEqualTo(h.stores.get(1).file());
    }

    @Test
    void unreachableStartUrlEndsWithASentenceAndNoBrokenRow() throws Exception {
        RefusedPort closed = RefusedPort.onLoopback();
        held.add(closed);
        String url = closed.url("/");
        assertThat(start(url)).isTrue();
        awaitCrawlEnd();

        // the crawl file keeps the start URL to fetch on a resume, not as a broken row
        assertThat(rows()).isEmpty();
        assertThat(status()).isEqualTo("Could not fetch " + url + ": connection refused.");
        // and it is offered for resuming, saying why it stopped, as when opened later (the
        // bug: no offer until the file was opened again)
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEqualTo("This crawl stopped: "
                + "Could not fetch " + url + ": connection refused. Resume tries again.");

        // a crawl was run: Export does not ask for one
        done(h.on(() -> exports().exportAll()));
        assertThat(h.dialogs.details).containsExactly(
                "showInfo: This crawl has no URLs to export yet.");
    }

    @Test
    void aCrawlFileThatCannotBeWrittenStopsTheCrawlWithADialogSayingSo() throws Exception {
        new TestSite(server, 200);
        String full = "Could not save the crawl to " + crawlsDir.resolve("crawl-0.webprobe")
                + ": the disk is full. The crawl was stopped; everything saved until then is "
                + "kept.";
        AtomicInteger visits = new AtomicInteger();
        // the file's writer reports a full disk once 20 pages are written, as StoreWriter does
        // (counted once handed to the file: counted before, a 20th page still on its way when
        // another worker heard of the failure left 19 rows under load)
        h.sinks = sink -> (io.webprobe.crawl.CrawlSink) java.lang.reflect.Proxy.newProxyInstance(
                io.webprobe.crawl.CrawlSink.class.getClassLoader(),
                new Class<?>[] {io.webprobe.crawl.CrawlSink.class}, (proxy, method, args) -> {
                    if (method.getName().equals("failure") && visits.get() >= 20) {
                        return full;
                    }
                    try {
                        Object r = method.invoke(sink, args);
                        if (method.getName().equals("visited")) {
                            visits.incrementAndGet();
                        }
                        return r;
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(status()).isEqualTo(full);
        assertThat(h.dialogs.details).containsExactly("showError: " + full);
        assertThat(rows().size()).isBetween(20, 199);
        // its file's writer is spent: no Resume here (opening the file again offers it)
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
    }

    // == export ==

    @Test
    void exportWritesThePagesFileAndTheBrokenLinksSibling() throws Exception {
        TestSite site = new TestSite(server, 60);
        start(server.url("/"));
        awaitCrawlEnd();
        int rowCount = rows().size();
        int brokenCount = h.brokenLinks().size();
        assertThat(rowCount).isEqualTo(site.paths().size());
        assertThat(brokenCount).isEqualTo(
                site.brokenSources().values().stream().mapToInt(List::size).sum());
        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("crawl.csv"));

        done(h.on(() -> exports().exportAll()));

        Path pages = tempDir.resolve("crawl.csv");
        Path broken = tempDir.resolve("crawl-broken-links.csv");
        List<String[]> pageLines = readCsv(pages);
        List<String[]> brokenLines = readCsv(broken);
        assertThat(pageLines).hasSize(1 + rowCount);
        assertThat(brokenLines).hasSize(1 + brokenCount);
        assertThat(pageLines.get(0)).containsExactly(headers(CrawlCsv.pages(Map.of())));
        assertThat(brokenLines.get(0)).containsExactly(headers(CrawlCsv.BROKEN_LINKS));
        Map<String, Integer> exportedInlinks = new HashMap<>();
        for (String[] line : pageLines.subList(1, pageLines.size())) {
            exportedInlinks.put(line[0], Integer.parseInt(line[7]));
        }
        assertThat(exportedInlinks).isEqualTo(rowInlinks());
        assertThat(status()).startsWith("Exported " + rowCount + " URLs to crawl.csv");
        assertThat(h.dialogs.calls).containsExactly("chooseSaveFile");
        // the crawl's own name (host and time), not "crawl.csv" for every crawl: a second
        // crawl's export into the same folder replaced the first's
        String crawlFile = h.vm.crawl().store().file().getFileName().toString();
        assertThat(h.dialogs.suggestedName).isEqualTo(
                crawlFile.substring(0, crawlFile.length() - ".webprobe".length()) + ".csv");
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
        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("report"));

        done(h.on(() -> exports().exportAll()));

        assertThat(readCsv(tempDir.resolve("report.csv"))).hasSize(1 + 2);
        assertThat(readCsv(tempDir.resolve("report-broken-links.csv"))).hasSize(1 + 1);
    }

    @Test
    void exportIntoAMissingFolderShowsAPlainErrorAndWritesNothing() throws Exception {
        server.route("/", html("home"));
        start(server.url("/"));
        awaitCrawlEnd();
        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("no-such-folder").resolve("crawl.csv"));

        done(h.on(() -> exports().exportAll()));

        assertThat(status()).startsWith("Could not write").contains("folder does not exist");
        assertThat(h.dialogs.calls).containsExactly("chooseSaveFile", "showError");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void exportWithNoCrawlOnlyExplainsAndWritesNothing() throws Exception {
        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("crawl.csv"));

        done(h.on(() -> exports().exportAll()));

        assertThat(h.dialogs.calls).containsExactly("showInfo");
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void cancellingTheSaveDialogWritesNothing() throws Exception {
        server.route("/", html("home"));
        start(server.url("/"));
        awaitCrawlEnd();
        h.dialogs.saveAnswer = Optional.empty();

        done(h.on(() -> exports().exportAll()));

        assertThat(h.dialogs.calls).containsExactly("chooseSaveFile");
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

        h.run(vm::stop);

        awaitCrawlEnd();
        assertThat(status()).startsWith("Stopped");
        assertThat(rows()).extracting(CrawlResult::url).contains(server.url("/"))
                .doesNotContain(server.url("/slow"));
        assertThat(h.on(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void togglePauseFlipsPausedWhileRunning() throws Exception {
        CountDownLatch arrived = slowSite();
        h.run(vm::togglePause); // not running: nothing to pause
        assertThat(h.on(() -> vm.pausedProperty().get())).isFalse();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        h.run(vm::togglePause);
        assertThat(h.on(() -> vm.pausedProperty().get())).isTrue();
        assertThat(status()).startsWith("Paused: ");

        h.run(vm::togglePause);
        assertThat(h.on(() -> vm.pausedProperty().get())).isFalse();
        assertThat(status()).doesNotContain("Paused");

        latchesToRelease.forEach(CountDownLatch::countDown);
        awaitCrawlEnd();
        assertThat(status()).startsWith("Finished");
    }

    @Test
    void stopWhilePausedEndsTheCrawl() throws Exception {
        CountDownLatch arrived = slowSite();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::togglePause);

        h.run(vm::stop);

        awaitCrawlEnd();
        assertThat(status()).startsWith("Stopped");
        assertThat(h.on(() -> vm.pausedProperty().get())).isFalse();
    }

    @Test
    void stoppedCrawlShowsThePartOfTheDiscoveredUrlsThatWasCrawled() throws Exception {
        CountDownLatch arrived = slowSite();
        server.route("/", html("<a href=\"/slow\">slow</a><a href=\"/a\">a</a>"
                + "<a href=\"/b\">b</a><a href=\"/c\">c</a>"));
        h.run(() -> vm.threadsProperty().set(1));
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        h.run(vm::stop);

        awaitCrawlEnd();
        assertThat(rows()).hasSize(1);
        assertThat(status()).startsWith("Stopped");
        assertThat(h.on(() -> vm.progressProperty().get())).isLessThan(1.0);
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
        h.run(() -> {
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

        assertThat(h.plans).singleElement().satisfies(plan -> {
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
        assertThat(rows()).extracting(CrawlResult::url)
                .containsExactlyInAnyOrder(server.url("/"), server.url("/a"));
        assertThat(server.hits("/private/x")).isZero();
        assertThat(server.hits("/a/b")).isZero();
    }

    @Test
    void aCrawlThatFailsToStartForAReasonNobodyWroteSaysSoPlainlyAndTheTabIsFree()
            throws Exception {
        h.jobs = b -> {
            throw new IllegalStateException("ssl=0x7f00 internal state");
        };
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();
        String sentence = "The crawl could not start because of an internal error; the details "
                + "are in the log file.";
        assertThat(status()).isEqualTo(sentence);
        assertThat(h.dialogs.details).containsExactly("showError: " + sentence);
        assertThat(h.on(() -> vm.runningProperty().get())).isFalse();

        h.jobs = b -> b; // the next start works
        server.route("/", html("<title>Home</title>"));
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();
        assertThat(status()).startsWith("Finished");
    }

    @Test
    void aSelfSignedSiteIsCrawledOnceTheSettingsTrustItsCertificate() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir, "staging", "ip:127.0.0.1");
        HttpsServer https = HttpsServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        https.createContext("/", ex -> LocalHttpServer.send(ex, 200, "text/html",
                ex.getRequestURI().getPath().equals("/")
                        ? "<title>Staging</title><a href=\"/about\">about</a>"
                        : "<title>About</title>"));
        https.start();
        h.probes = CrawlProbes::forPlan; // as the app wires it
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/";

            assertThat(start(url)).isTrue();
            awaitCrawlEnd();
            assertThat(status()).isEqualTo("Could not fetch " + url + ": the site's certificate "
                    + "is not trusted (self-signed or from an unknown authority). Use Settings › "
                    + "Trust certificate to trust it, or Settings › Skip certificate checks to "
                    + "skip the check.");

            h.run(() -> vm.settings().certificateFileProperty().set(cert.pem().toString()));
            assertThat(start(url)).isTrue();
            awaitCrawlEnd();
            assertThat(status()).startsWith("Finished");
            assertThat(rows()).extracting(r -> r.url() + " " + r.status())
                    .containsExactlyInAnyOrder(url + " 200", url + "about 200");

            h.run(() -> vm.settings().insecureProperty().set(true));
            assertThat(start(url)).isTrue();
            awaitCrawlEnd();
            assertThat(status()).startsWith("Finished");
            assertThat(h.plans).extracting(p -> p.insecure() + " " + p.caCertFile())
                    .containsExactly("false ", "false " + cert.pem(), "true ");

            // a file that is not there, or holds no certificate: one sentence, no crawl file
            Path notPem = Files.writeString(tempDir.resolve("notes.txt"), "hello");
            Path missing = tempDir.resolve("missing.pem");
            for (Path bad : List.of(missing, notPem)) {
                h.run(() -> {
                    vm.settings().insecureProperty().set(false);
                    vm.settings().certificateFileProperty().set(bad.toString());
                });
                assertThat(start(url)).isTrue();
                awaitCrawlEnd();
            }
            List<String> sentences = List.of(
                    "Could not read the certificate file " + missing + ": no such file.",
                    notPem + " is not a PEM certificate file (it should hold -----BEGIN "
                            + "CERTIFICATE----- blocks).");
            assertThat(status()).isEqualTo(sentences.get(1));
            assertThat(h.dialogs.details).containsSubsequence(
                    "showError: " + sentences.get(0), "showError: " + sentences.get(1));
            assertThat(h.stores).hasSize(3);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void aPageLongerThanTheMaxPageSizeIsCutThereAndMarkedTruncated() throws Exception {
        // 0.001 MB = 1,048.576 bytes, rounded to a cap of 1,049
        server.route("/", html("<a href=\"/big\">big</a> <a href=\"/small\">small</a>"));
        server.route("/big", html("<html><title>Big</title>" + "x".repeat(5 * 1024) + "</html>"));
        String small = "<html><title>Small</title>" + "y".repeat(1_000) + "</html>";
        assertThat(small.length()).as("under the cap").isLessThan(1_049);
        server.route("/small", html(small));
        h.run(() -> vm.settings().maxPageMegabytesProperty().set("0.001"));

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(h.plans).singleElement()
                .satisfies(plan -> assertThat(plan.maxBodyBytes()).isEqualTo(1_049));
        Map<String, CrawlResult> byUrl = rows().stream()
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
        assertThat(UrlTableView.sizeText(1_049, true)).isEqualTo("1,049 (cut)");
        assertThat(UrlTableView.sizeText(1_033, false)).isEqualTo("1,033");
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
        h.run(() -> vm.settings().userAgentProperty().set(" MyBot/1.0 (+https://example.com/bot) "));

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(agents).containsExactly("MyBot/1.0 (+https://example.com/bot)",
                "MyBot/1.0 (+https://example.com/bot)");

        agents.clear();
        h.run(() -> vm.settings().userAgentProperty().set(""));
        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();
        assertThat(agents).containsExactly("Webprobe/test", "Webprobe/test");
    }

    @Test
    void aRateLimitBecomesTheLeastGapBetweenStartsToOneHost() throws Exception {
        server.route("/", html("home"));
        h.run(() -> {
            vm.settings().maxRequestsPerSecondProperty().set("200"); // 5 ms
            vm.settings().delayMillisProperty().set("2");
        });

        assertThat(start(server.url("/"))).isTrue();
        awaitCrawlEnd();

        assertThat(h.plans).singleElement().satisfies(plan ->
                assertThat(plan.politeness().delay()).isEqualTo(Duration.ofMillis(5)));
        assertThat(server.hits("/")).isEqualTo(1);
    }

    @Test
    void aBadPageSizeIsOneSentenceAndStartsNothing() throws Exception {
        server.route("/", html("home"));
        h.run(() -> vm.settings().maxPageMegabytesProperty().set("0"));

        assertThat(start(server.url("/"))).isFalse();

        assertThat(h.on(() -> vm.settingsErrorProperty().get())).isEqualTo(
                "Max page size must be a number of megabytes from 0.001 to 8192, like 10 or 0.5.");
        assertThat(h.on(() -> vm.settings().errorFieldProperty().get()))
                .isEqualTo(CrawlSettingsForm.Field.MAX_PAGE_SIZE);
        assertThat(h.jobsCreated).hasValue(0);
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aBadSettingIsOneSentenceAndStartsNothing() throws Exception {
        server.route("/", html("home"));
        h.run(() -> vm.settings().timeoutSecondsProperty().set("soon"));

        assertThat(start(server.url("/"))).isFalse();

        assertThat(h.on(() -> vm.settingsErrorProperty().get()))
                .isEqualTo("Timeout must be a number of seconds from 0.001 to 600, like 15 or "
                        + "2.5.");
        assertThat(h.on(() -> vm.urlErrorProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.runningProperty().get())).isFalse();
        assertThat(h.jobsCreated).hasValue(0);
        assertThat(server.totalRequests()).isZero();
        assertThat(h.on(() -> vm.settings().timeoutSecondsProperty().get())).isEqualTo("soon");
        assertThat(h.on(() -> vm.urlProperty().get())).isEqualTo(server.url("/"));

        h.run(() -> vm.settings().timeoutSecondsProperty().set("20"));
        assertThat(h.on(() -> vm.settingsErrorProperty().get())).isEmpty();
        assertThat(h.on(vm::start)).isTrue();
        awaitCrawlEnd();
        assertThat(h.plans).singleElement()
                .satisfies(plan -> assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void aBadUrlIsReportedBeforeTheSettings() throws Exception {
        h.run(() -> vm.settings().maxPagesProperty().set("0"));

        assertThat(start("htp://x.test")).isFalse();

        assertThat(h.on(() -> vm.urlErrorProperty().get())).isNotEmpty();
        assertThat(h.on(() -> vm.settingsErrorProperty().get())).isEmpty();
        assertThat(h.jobsCreated).hasValue(0);
    }

    @Test
    void aBadSettingKeepsTheLastCrawlsResults() throws Exception {
        server.route("/", html("<a href=\"/gone\">gone</a>"));
        start(server.url("/"));
        awaitCrawlEnd();
        String finished = status();

        h.run(() -> vm.settings().includeProperty().set("("));
        assertThat(start(server.url("/"))).isFalse();

        assertThat(rows()).hasSize(2);
        assertThat(h.brokenLinks()).hasSize(1);
        assertThat(status()).isEqualTo(finished);
        assertThat(h.on(() -> vm.settingsErrorProperty().get())).startsWith("Include pattern");
        assertThat(h.jobsCreated).hasValue(1);
    }

    @Test
    void settingsAreLockedWhileACrawlRunsAndReadOnlyAtItsStart() throws Exception {
        CountDownLatch arrived = slowSite();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isTrue();
        h.run(() -> vm.settings().maxPagesProperty().set("1"));
        assertThat(h.plans).singleElement()
                .satisfies(plan -> assertThat(plan.maxPages()).isEqualTo(CrawlPlan.UNLIMITED));

        latchesToRelease.forEach(CountDownLatch::countDown);
        awaitCrawlEnd();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
        assertThat(rows()).extracting(CrawlResult::url)
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
        h.run(() -> vm.settings().useSitemapsProperty().set(true));
        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(h.on(() -> vm.overview().showOrphansProperty().get())).isTrue();
        // said before the rate and the time, which a narrow window's status bar cuts first
        assertThat(status()).startsWith("Finished").contains(" · 1 orphan · ");
        h.run(() -> vm.overview().selectedProperty().set(io.webprobe.store.UrlFilter.ORPHANS));
        h.awaitSettled();
        assertThat(rows()).extracting(CrawlResult::url).containsExactly(server.url("/orphan"));
        assertThat(h.on(() -> vm.overview().count(io.webprobe.store.UrlFilter.ORPHANS)))
                .isEqualTo(1);

        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("site.csv"));
        done(h.on(() -> exports().exportAll()));

        List<String[]> orphanLines = readCsv(tempDir.resolve("site-orphans.csv"));
        assertThat(orphanLines.get(0)).containsExactly(headers(CrawlCsv.ORPHANS));
        assertThat(orphanLines).hasSize(2);
        assertThat(orphanLines.get(1)).containsExactly(server.url("/orphan"), "200", "text/html",
                "Lonely", "true", "ok");
        assertThat(readCsv(tempDir.resolve("site.csv"))).hasSize(1 + 3);
        assertThat(status()).isEqualTo("Exported 3 URLs to site.csv, 0 broken links to "
                + "site-broken-links.csv and 1 orphan to site-orphans.csv.");
    }

    /**
     * As the command line says it: the names of none of the other sites linked to could be
     * looked up (here .invalid hosts), so the computer may be offline and their links fine.
     */
    @Test
    void aCrawlThatFoundNoOtherSiteSaysTheComputerMayBeOffline() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"http://a.invalid/\">a</a>"
                + "<a href=\"http://b.invalid/\">b</a><a href=\"http://c.invalid/\">c</a>"));
        h.run(() -> vm.settings().checkExternalProperty().set(true));
        start(server.url("/"));
        awaitCrawlEnd();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> status().contains("offline"));
        assertThat(status()).startsWith("Finished: ").endsWith(" · no other site's name could "
                + "be looked up: offline? (their links may be fine)");
    }

    /**
     * The export says what the broken links file holds: the missing anchors after the broken
     * links, when the crawl checked anchors ("0 broken links" was said of a file with them).
     */
    @Test
    void exportingACrawlThatCheckedAnchorsCountsTheMissingAnchorsToo() throws Exception {
        server.route("/", html("<a href=\"/page#gone\">a</a><a href=\"/missing\">m</a>"));
        server.route("/page", html("<title>Page</title><h2 id=\"here\">Here</h2>"));
        h.run(() -> vm.settings().checkAnchorsProperty().set(true));
        start(server.url("/"));
        awaitCrawlEnd();
        h.dialogs.saveAnswer = Optional.of(tempDir.resolve("site.csv"));

        done(h.on(() -> exports().exportAll()));

        assertThat(readCsv(tempDir.resolve("site-broken-links.csv"))).hasSize(1 + 2);
        assertThat(status()).isEqualTo("Exported 3 URLs to site.csv and 1 broken link (and 1 "
                + "missing anchor) to site-broken-links.csv.");
    }

    @Test
    void withoutSitemapsThereAreNoOrphans() throws Exception {
        sitemapSite();
        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(h.on(() -> vm.overview().showOrphansProperty().get())).isFalse();
        assertThat(server.hits("/orphan")).isZero();
        assertThat(status()).doesNotContain("orphan");
    }

    @Test
    void aStoppedCrawlClaimsNoOrphans() throws Exception {
        CountDownLatch arrived = slowSite();
        h.run(() -> vm.settings().useSitemapsProperty().set(true));
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        h.run(vm::stop);
        awaitCrawlEnd();

        assertThat(status()).startsWith("Stopped");
        assertThat(h.on(() -> vm.overview().showOrphansProperty().get())).isFalse();
    }

    // == helpers ==

    private static String[] headers(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::header).toArray(String[]::new);
    }

    /** A route that answers only a request signed in as ann with this password. */
    private static LocalHttpServer.Route signedIn(String password, LocalHttpServer.Route page) {
        String good = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("ann:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return ex -> {
            if (!good.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"staging\"");
                LocalHttpServer.send(ex, 401, "text/html", "sign in");
                return;
            }
            page.handle(ex);
        };
    }

    /**
     * A site behind a password: its start URL's 401 asks for a user name and password (again,
     * saying so, when the first is refused), and the crawl runs again signed in; a later crawl
     * of the site in this window is signed in without asking, and the file keeps no password.
     */
    @Test
    void aSiteAskingForASignInIsAskedForOneAndCrawledWithIt() throws Exception {
        server.route("/", signedIn("s3cret-4417", html("<a href=\"/a\">a</a>")));
        server.route("/a", signedIn("s3cret-4417", html("a")));
        h.dialogs.signInAnswers.add(new io.webprobe.ui.common.DialogService.SignIn("ann",
                "guess"));
        h.dialogs.signInAnswers.add(new io.webprobe.ui.common.DialogService.SignIn("ann",
                "s3cret-4417"));
        String site = "127.0.0.1:" + server.port();

        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(h.dialogs.details).filteredOn(d -> d.startsWith("askSignIn"))
                .containsExactly("askSignIn: " + site + " [Sign in and crawl]",
                        "askSignIn: " + site + " (ann refused) [Sign in and crawl]");
        assertThat(rows()).extracting(CrawlResult::status).containsOnly(200);
        assertThat(rows()).hasSize(2);
        assertThat(status()).startsWith("Finished");
        // the bug: the files of the two crawls refused (holding only the start's 401) stayed
        // on disk and in File > Recent crawls beside the crawl signed in
        Path signedIn = h.on(() -> vm.fileProperty().get());
        assertThat(h.stores).hasSize(3);
        await(() -> crawlFiles().equals(List.of(signedIn)));
        await(() -> h.on(() -> vm.recentCrawls().files().equals(
                List.of(signedIn.toAbsolutePath()))));

        start(server.url("/a"));
        awaitCrawlEnd();
        assertThat(h.dialogs.calls).filteredOn("askSignIn"::equals).hasSize(2);
        assertThat(rows()).extracting(CrawlResult::status).containsExactly(200);
        for (Path file : crawlFiles()) {
            assertThat(new String(Files.readAllBytes(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cret",
                            java.util.Base64.getEncoder().encodeToString("ann:s3cret-4417"
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Cancelled: the crawl stays as it ended, its start URL's 401 said, its file kept. */
    @Test
    void aSignInCancelledLeavesTheCrawlAsItEnded() throws Exception {
        server.route("/", signedIn("x", html("home")));

        start(server.url("/"));
        awaitCrawlEnd();

        assertThat(h.dialogs.calls).filteredOn("askSignIn"::equals).hasSize(1);
        assertThat(h.stores).hasSize(1);
        assertThat(status()).contains("401");
        assertThat(crawlFiles()).containsExactly(h.stores.get(0).file());
    }

    /**
     * The bug: a signed-in site's crawl resumed after a restart of the app (or in another
     * window) was not signed in, the crawl file keeping no sign-in, and every page left
     * answered 401. Resume asks the start URL first and, on its 401, for a user name and
     * password as a new crawl does; cancelled, nothing is resumed and Resume is offered again.
     */
    @Test
    void aSignedInCrawlResumedAfterARestartAsksForTheSignInAgain() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        latchesToRelease.add(release);
        server.route("/", signedIn("pw-7731", html("<a href=\"/slow\">s</a><a href=\"/a\">a</a>")));
        server.route("/slow", signedIn("pw-7731", LocalHttpServer.blockUntil(release, arrived,
                "late")));
        server.route("/a", signedIn("pw-7731", html("<a href=\"/b\">b</a>")));
        server.route("/b", signedIn("pw-7731", html("b")));
        h.dialogs.signInAnswers.add(new io.webprobe.ui.common.DialogService.SignIn("ann",
                "pw-7731"));
        h.run(() -> vm.threadsProperty().set(1)); // "/a" waits behind "/slow"
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        awaitCrawlEnd();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close(); // the app closes: the sign-in goes with it
        release.countDown();

        h = new VmHarness(crawlsDir); // and opens again
        vm = h.vm;
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        String offer = h.on(() -> vm.resumeOfferProperty().get());
        assertThat(offer).isNotEmpty();
        String site = "127.0.0.1:" + server.port();

        h.run(vm::resume); // the sign-in asked for is cancelled
        await(() -> h.on(() -> !vm.runningProperty().get()
                && !vm.resumeOfferProperty().get().isEmpty()));
        assertThat(h.dialogs.details).filteredOn(d -> d.startsWith("askSignIn"))
                .containsExactly("askSignIn: " + site + " [Sign in and resume]");
        assertThat(h.jobsCreated).as("nothing resumed").hasValue(0);
        assertThat(status()).isEqualTo("Not resumed: " + site + " asks for a sign-in.");
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEqualTo(offer);
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isTrue();

        h.dialogs.signInAnswers.add(new io.webprobe.ui.common.DialogService.SignIn("ann",
                "pw-7731"));
        h.run(vm::resume);
        awaitCrawlEnd();

        assertThat(h.dialogs.calls).filteredOn("askSignIn"::equals).hasSize(2);
        assertThat(status()).startsWith("Finished");
        assertThat(rows()).extracting(CrawlResult::url).contains(server.url("/a"),
                server.url("/b"));
        assertThat(rows()).extracting(CrawlResult::status).containsOnly(200);
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets
                .ISO_8859_1)).doesNotContain("pw-7731");
    }

    /** A site that asks for no sign-in is resumed without asking. */
    @Test
    void aCrawlOfASiteWithoutASignInIsResumedWithoutAsking() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        latchesToRelease.add(release);
        server.route("/", html("<a href=\"/slow\">s</a><a href=\"/a\">a</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/a", html("a"));
        h.run(() -> vm.threadsProperty().set(1));
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        awaitCrawlEnd();
        release.countDown();

        h.run(vm::resume);
        awaitCrawlEnd();

        assertThat(h.dialogs.calls).doesNotContain("askSignIn");
        assertThat(status()).startsWith("Finished");
        assertThat(rows()).extracting(CrawlResult::url).contains(server.url("/a"));
    }

    /**
     * A crawl file keeps no request header (one may be a password): a crawl stopped here and
     * resumed sends those it was started with, which its settings shown show.
     */
    @Test
    void aCrawlResumedHereSendsTheHeadersItWasStartedWith() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        latchesToRelease.add(release);
        server.route("/", html("<a href=\"/slow\">s</a><a href=\"/a\">a</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/a", html("a"));
        h.run(() -> {
            vm.threadsProperty().set(1);
            vm.settings().headersProperty().set("X-Trace: t1\nAuthorization: Bearer s3cret");
        });
        start(server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        h.run(vm::stop);
        awaitCrawlEnd();
        release.countDown();
        assertThat(h.on(() -> vm.settings().headersProperty().get()))
                .isEqualTo("X-Trace: t1\nAuthorization: Bearer s3cret");

        h.run(vm::resume);
        awaitCrawlEnd();

        assertThat(h.plans).hasSize(2);
        assertThat(h.plans.get(1).siteHeaders().headers())
                .extracting(io.webprobe.http.Header::name)
                .containsExactly("X-Trace", "Authorization");
        assertThat(status()).startsWith("Finished");
    }

    /** The crawl files in the crawls folder. */
    private List<Path> crawlFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(crawlsDir)) {
            return files.filter(f -> f.toString().endsWith(CrawlStore.EXTENSION)).sorted()
                    .toList();
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> done) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(done);
    }
}
