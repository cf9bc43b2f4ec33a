package io.webprobe.ui.ping;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.webprobe.export.CsvExporter;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.UrlSyntax;
import io.webprobe.ping.LatencyBin;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import io.webprobe.testsupport.SelfSignedCertificate;
import io.webprobe.testsupport.StubProbe;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PingViewModel} without the JavaFX toolkit: a single "fake FX" thread stands in for the
 * FX thread (every call into the ViewModel and every read of its state goes through it), a real
 * timer, a small background pool, and real ping jobs against a loopback server.
 */
class PingViewModelTest {
    private static final Duration TICK = Duration.ofMillis(20);
    private static final Duration RUN_WAIT = Duration.ofSeconds(30);
    private static final String SUMMARY_HEADER = "url,sent,ok,failed,status_counts,error_counts,"
            + "min_ms,mean_ms,stddev_ms,p50_ms,p90_ms,p95_ms,p99_ms,max_ms,req_per_s,"
            + "bytes,protocol,not_sent,abandoned";
    private static final String REQUESTS_HEADER = "seq,url,start_epoch_ms,intended_offset_ms,"
            + "status,latency_ms,service_ms,bytes,error_class,error_message";

    @TempDir
    Path tempDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FakeFxThread fx = new FakeFxThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-ui-timer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-ui-io");
        t.setDaemon(true);
        return t;
    });
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicInteger jobsCreated = new AtomicInteger();
    private volatile CountDownLatch holdCreation;
    /** Opens when a job is being made. */
    private final CountDownLatch making = new CountDownLatch(1);
    private final List<PingPlan> plans = new CopyOnWriteArrayList<>();
    /** What the jobs request with instead of a real client, or null for a real one. */
    private volatile HttpProbe probe;
    /**
     * How long the jobs of Duration runs run instead of the whole seconds the tab sets (its
     * box's least is 1 s), or null for what it sets.
     */
    private volatile Duration runFor;
    private final PingViewModel vm = new PingViewModel(
            (plan, listener) -> {
                CountDownLatch hold = holdCreation;
                making.countDown();
                if (hold != null) { // as a slow first TLS set-up would
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                jobsCreated.incrementAndGet();
                plans.add(plan);
                Duration shorter = runFor;
                PingPlan run = shorter != null && plan.mode() == PingMode.DURATION
                        ? plan.withDuration(shorter) : plan;
                HttpProbe stub = probe;
                return stub != null ? new PingJob(run, PingJob.Engine.WORKERS, stub, listener)
                        : new PingJob(run, new Http1Probe("t", Duration.ofSeconds(2)), listener);
            },
            fx, timer, background, new CsvExporter(), dialogs, "Webprobe/test", TICK);

    @AfterEach
    void tearDown() throws Exception {
        fx.on(() -> {
            vm.close();
            return null;
        });
        timer.shutdownNow();
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        fx.close();
        server.close();
    }

    private boolean start(String targets) throws Exception {
        return fx.on(() -> {
            vm.targetsProperty().set(targets);
            return vm.start();
        });
    }

    private static ConditionFactory waiting(Duration atMost) {
        // at once, then every 20 ms (Awaitility's first check waits one interval by default)
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private void awaitEnd() {
        waiting(RUN_WAIT).until(() -> !fx.on(() -> vm.runningProperty().get()));
    }

    private String status() throws Exception {
        return fx.on(() -> vm.statusProperty().get());
    }

    private List<PingResult> results() throws Exception {
        return fx.on(() -> vm.rows().stream().map(PingRow::result).toList());
    }

    private static String firstLine(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    private List<String> tempDirListing() throws Exception {
        try (Stream<Path> s = Files.list(tempDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // == the target list ==

    @Test
    void aFinishedOpenLoopRunNamesTheRequestsItCouldNotSend() {
        PingSnapshot kept = snapshot(0);
        PingSnapshot fellBehind = snapshot(3);

        assertThat(PingStatusText.statusLine(kept)).doesNotContain("not sent");
        assertThat(PingStatusText.statusLine(fellBehind)).contains(" · 3 not sent: every "
                + "connection was still waiting for an answer when the time ran out (more "
                + "Concurrency keeps the rate)");
        // Stop pressed behind the schedule: the requests due before it
        PingSnapshot stopped = new PingSnapshot(List.of(), 1197, 0, 12, 0, Duration.ofSeconds(4),
                299.2, 300, 1.0, List.of(), true, true, 0, false, null, 299.2, 3);
        assertThat(PingStatusText.statusLine(stopped)).contains(" · 3 not sent: every "
                + "connection was still waiting for an answer when the run was stopped");
    }

    /**
     * The bug: the sentence said "27 not sent: every connection to their URL (3-4 of the 10
     * each) was still waiting" and never which URL, when all were one URL's.
     */
    @Test
    void requestsNotSentThatWereAllOneUrlsNameIt() {
        PingSnapshot one = new PingSnapshot(List.of(result("http://127.0.0.1:1/fast", 0),
                result("http://127.0.0.1:1/slow", 27)), 173, 0, 0, 0, Duration.ofSeconds(10),
                17.3, 20, 1.0, List.of(), true, false, 0, false, null, 17.3, 27);
        PingSnapshot two = new PingSnapshot(List.of(result("http://127.0.0.1:1/a", 10),
                result("http://127.0.0.1:1/b", 17)), 173, 0, 0, 0, Duration.ofSeconds(10),
                17.3, 20, 1.0, List.of(), true, false, 0, false, null, 17.3, 27);

        assertThat(PingStatusText.statusLine(one, "every connection to their URL (5 of the 10 "
                + "each)", "every connection to it (5 of the 10)")).contains(" · 27 not sent: "
                + "all to http://127.0.0.1:1/slow, as every connection to it (5 of the 10) was "
                + "still waiting for an answer when the time ran out");
        assertThat(PingStatusText.statusLine(two, "every connection to their URL (5 of the 10 "
                + "each)", "every connection to it (5 of the 10)")).contains(" · 27 not sent: "
                + "every connection to their URL (5 of the 10 each) was still waiting");
    }

    private static PingResult result(String url, long notSent) {
        return new PingResult(url, 10, 10, 0, new java.util.TreeMap<>(), java.util.Map.of(), 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, notSent);
    }

    private static PingSnapshot snapshot(long notSent) {
        return new PingSnapshot(List.of(), 1197, 0, 12, 0, Duration.ofSeconds(4), 299.2, 300, 1.0,
                List.of(), true, false, 0, false, null, 299.2, notSent);
    }

    @Test
    void badLinesAreListedWithTheirReasonAndTheValidUrlsStillRun() throws Exception {
        server.route("/a", html("a"));
        server.route("/b", html("b"));
        String reason = reasonFor("not a url");

        assertThat(start(server.url("/a") + "\nnot a url\n\n# comment\n" + server.url("/b")
                + "\nftp://x.test/")).isTrue();

        assertEquals("Line 2 skipped: " + reason + "\nLine 6 skipped: "
                + reasonFor("ftp://x.test/"), fx.on(() -> vm.targetProblemsProperty().get()));
        awaitEnd();
        assertThat(results()).extracting(PingResult::url)
                .containsExactly(server.url("/a"), server.url("/b"));
        assertThat(results()).allSatisfy(r -> assertEquals(10, r.sent()));
        assertEquals(10, server.hits("/a"));
        assertEquals(10, server.hits("/b"));
        assertThat(plans).singleElement().satisfies(p -> assertThat(p.targets())
                .containsExactly(URI.create(server.url("/a")), URI.create(server.url("/b"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n   \n# only a comment\n"})
    void emptyListShowsAProblemAndStartsNothing(String targets) throws Exception {
        assertThat(start(targets)).isFalse();

        assertEquals("Enter at least one URL, one per line.",
                fx.on(() -> vm.targetProblemsProperty().get()));
        assertThat(fx.on(() -> vm.runningProperty().get())).isFalse();
        assertThat(jobsCreated).hasValue(0);
        assertThat(results()).isEmpty();
    }

    @Test
    void listWithOnlyBadLinesStartsNothing() throws Exception {
        assertThat(start("nope\nhtp://x.test")).isFalse();

        assertEquals("Line 1 skipped: " + reasonFor("nope") + "\nLine 2 skipped: "
                + reasonFor("htp://x.test"), fx.on(() -> vm.targetProblemsProperty().get()));
        assertThat(jobsCreated).hasValue(0);
    }

    @Test
    void aSettingOutOfRangeIsNamedByItsLabel() throws Exception {
        fx.on(() -> vm.countProperty().set(0));
        assertThat(start("http://127.0.0.1:1/")).isFalse();
        assertEquals("Requests per URL must be at least 1.",
                fx.on(() -> vm.statusProperty().get()));

        fx.on(() -> {
            vm.countProperty().set(10);
            vm.concurrencyProperty().set(0);
        });
        assertThat(start("http://127.0.0.1:1/")).isFalse();
        assertEquals("Concurrency must be between 1 and 1,000.",
                fx.on(() -> vm.statusProperty().get()));
        assertThat(jobsCreated).hasValue(0);
    }

    @Test
    void editingTheListClearsTheProblems() throws Exception {
        start("nope");
        assertThat(fx.on(() -> vm.targetProblemsProperty().get())).isNotEmpty();

        fx.on(() -> vm.targetsProperty().set("http://127.0.0.1:1/"));

        assertThat(fx.on(() -> vm.targetProblemsProperty().get())).isEmpty();
    }

    @Test
    void theListAndSettingsAreRememberedForTheNextStartButNotSkippingCertificateChecksNorHeaders()
            throws Exception {
        io.webprobe.ui.common.UiState memory = io.webprobe.ui.common.UiState.inMemory();
        fx.on(() -> {
            PingSettingsMemory.attach(vm, memory);
            vm.targetsProperty().set("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b");
            vm.methodProperty().set("HEAD");
            vm.modeProperty().set(io.webprobe.ping.PingMode.RATE);
            vm.rateProperty().set(250.5);
            vm.durationSecondsProperty().set(42);
            vm.concurrencyProperty().set(33);
            vm.timeoutSecondsProperty().set(2.5);
            vm.http2Property().set(true);
            vm.insecureProperty().set(true);
            vm.headersProperty().set("X-Team: ops\nCookie: s=1");
        });

        PingViewModel next = new PingViewModel((plan, listener) -> null, fx, timer, background,
                new CsvExporter(), dialogs, "Webprobe/test", TICK);
        fx.on(() -> PingSettingsMemory.attach(next, memory));

        assertEquals("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b",
                fx.on(() -> next.targetsProperty().get()));
        assertEquals("HEAD", fx.on(() -> next.methodProperty().get()));
        assertEquals(io.webprobe.ping.PingMode.RATE, fx.on(() -> next.modeProperty().get()));
        assertEquals(250.5, fx.on(() -> next.rateProperty().get()));
        assertEquals(42, fx.on(() -> next.durationSecondsProperty().get()));
        assertEquals(33, fx.on(() -> next.concurrencyProperty().get()));
        assertEquals(2.5, fx.on(() -> next.timeoutSecondsProperty().get()));
        assertEquals(true, fx.on(() -> next.http2Property().get()));
        assertEquals(true, fx.on(() -> next.keepAliveProperty().get()));
        assertEquals(false, fx.on(() -> next.insecureProperty().get()));
        // headers carry tokens and cookies: never in the settings file (ADR 0022)
        assertEquals("", fx.on(() -> next.headersProperty().get()));
        assertEquals("", memory.getString("ping.headers", ""));
    }

    /**
     * The bug: after a restart the list came back with its bad lines, but they were named
     * under it only when Start was pressed. They are named at once, as Start names them.
     */
    @Test
    void aRememberedListsBadLinesAreNamedWhenTheAppOpens() throws Exception {
        io.webprobe.ui.common.UiState memory = io.webprobe.ui.common.UiState.inMemory();
        fx.on(() -> {
            PingSettingsMemory.attach(vm, memory);
            vm.targetsProperty().set("http://127.0.0.1:1/a\nnope\n# a comment\nhtp://x.test");
        });

        PingViewModel next = new PingViewModel((plan, listener) -> null, fx, timer, background,
                new CsvExporter(), dialogs, "Webprobe/test", TICK);
        fx.on(() -> PingSettingsMemory.attach(next, memory));

        assertEquals("Line 2 skipped: " + reasonFor("nope") + "\nLine 4 skipped: "
                + reasonFor("htp://x.test"), fx.on(() -> next.targetProblemsProperty().get()));
        assertThat(jobsCreated).hasValue(0);
        // a list without a bad line comes back with nothing under it
        fx.on(() -> vm.targetsProperty().set("http://127.0.0.1:1/a"));
        PingViewModel third = new PingViewModel((plan, listener) -> null, fx, timer, background,
                new CsvExporter(), dialogs, "Webprobe/test", TICK);
        fx.on(() -> PingSettingsMemory.attach(third, memory));
        assertEquals("", fx.on(() -> third.targetProblemsProperty().get()));
    }

    /**
     * The bug: after a restart, "Ping these" called the URLs an earlier crawl had put in the
     * list "1 line of your own": where they came from was not remembered with the list.
     */
    @Test
    void theLinesACrawlPutInTheListAreStillNotTheUsersOwnAfterARestart() throws Exception {
        io.webprobe.ui.common.UiState memory = io.webprobe.ui.common.UiState.inMemory();
        fx.on(() -> {
            PingSettingsMemory.attach(vm, memory);
            vm.setTargets(List.of("http://127.0.0.1:1/a", "http://127.0.0.1:1/b"));
            vm.targetsProperty().set(vm.targetsProperty().get() + "\nhttp://127.0.0.1:1/mine");
            return null;
        });

        PingViewModel next = new PingViewModel((plan, listener) -> null, fx, timer, background,
                new CsvExporter(), dialogs, "Webprobe/test", TICK);
        fx.on(() -> PingSettingsMemory.attach(next, memory));
        dialogs.details.clear();
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        assertThat(fx.on(() -> next.setTargets(List.of("http://127.0.0.1:1/c")))).isFalse();
        assertThat(dialogs.details).contains("choose: The list of URLs to ping holds 1 line "
                + "of your own. Replace it with the 1 URL from the crawl, or add these to the "
                + "list?");
        // a list only the crawl filled is replaced without a question after a restart too
        fx.on(() -> next.targetsProperty().set("http://127.0.0.1:1/a"));
        PingViewModel third = new PingViewModel((plan, listener) -> null, fx, timer,
                background, new CsvExporter(), dialogs, "Webprobe/test", TICK);
        fx.on(() -> PingSettingsMemory.attach(third, memory));
        dialogs.calls.clear();
        assertThat(fx.on(() -> third.setTargets(List.of("http://127.0.0.1:1/c")))).isTrue();
        assertThat(dialogs.calls).doesNotContain("choose");
    }

    /** The Headers box and -H: one rule, the command line's, with its words. */
    @Test
    void theHeadersReachThePlanAndTwoSignInsAreRefusedAsOnTheCommandLine() throws Exception {
        fx.on(() -> vm.headersProperty().set("Authorization: Bearer a\nAuthorization: Bearer b"));
        assertThat(start("http://127.0.0.1:1/")).isFalse();
        assertEquals("Settings › Headers: Give one sign-in: a user and password, or one "
                + "Authorization header.", status());
        assertThat(jobsCreated).hasValue(0);

        server.route("/", html("ok"));
        fx.on(() -> vm.headersProperty().set("X-Team: ops\n"));
        assertThat(start(server.url("/"))).isTrue();
        awaitEnd();
        assertThat(plans.get(0).headers()).containsExactly(new io.webprobe.http.Header("X-Team",
                "ops"));
    }

    @Test
    void setTargetsPutsOneUrlPerLine() throws Exception {
        fx.on(() -> vm.setTargets(List.of("http://127.0.0.1:1/a", "http://127.0.0.1:1/b")));

        assertEquals("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b",
                fx.on(() -> vm.targetsProperty().get()));
        assertEquals("The list now holds 2 URLs from the crawl; press Start to ping them.",
                fx.on(() -> vm.statusProperty().get()));
    }

    /** The bug: "Ping these" replaced a list the user had typed without a word. */
    @Test
    void pingTheseAsksBeforeReplacingTheUsersOwnList() throws Exception {
        String typed = "# mine\nhttp://127.0.0.1:1/mine\nhttp://127.0.0.1:1/a";
        List<String> crawl = List.of("http://127.0.0.1:1/a", "http://127.0.0.1:1/b");

        fx.on(() -> vm.targetsProperty().set(typed));
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        assertThat(fx.on(() -> vm.setTargets(crawl))).isFalse();
        assertThat(dialogs.details).contains("choose: The list of URLs to ping holds 2 lines "
                + "of your own. Replace them with the 2 URLs from the crawl, or add these to the "
                + "list?");
        assertEquals(typed, fx.on(() -> vm.targetsProperty().get()));

        dialogs.choiceAnswer = "Add to the list";
        assertThat(fx.on(() -> vm.setTargets(crawl))).isTrue();
        assertEquals(typed + "\nhttp://127.0.0.1:1/b", fx.on(() -> vm.targetsProperty().get()));
        assertEquals("Added 1 URL from the crawl to the list (1 URL was in it already); press "
                + "Start to ping the list.", status());

        // lines an earlier crawl's URLs put there are not the user's own (the bug: after Add,
        // the next Ping these counted every line of the list)
        dialogs.details.clear();
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        assertThat(fx.on(() -> vm.setTargets(List.of("http://127.0.0.1:1/c")))).isFalse();
        // the three typed (the comment, /mine and /a), not /b
        assertThat(dialogs.details).contains("choose: The list of URLs to ping holds 3 lines "
                + "of your own. Replace them with the 1 URL from the crawl, or add these to the "
                + "list?");

        dialogs.choiceAnswer = "Replace";
        assertThat(fx.on(() -> vm.setTargets(crawl))).isTrue();
        assertEquals("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b",
                fx.on(() -> vm.targetsProperty().get()));
        // a list that only the crawl filled is replaced without a question
        dialogs.calls.clear();
        assertThat(fx.on(() -> vm.setTargets(List.of("http://127.0.0.1:1/c")))).isTrue();
        assertThat(dialogs.calls).doesNotContain("choose");
        assertEquals("http://127.0.0.1:1/c", fx.on(() -> vm.targetsProperty().get()));
        fx.on(() -> vm.setTargets(crawl));

        // the same URLs again, or a list they all come from: nothing of the user's is lost
        dialogs.calls.clear();
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        assertThat(fx.on(() -> vm.setTargets(List.of("http://127.0.0.1:1/b",
                "http://127.0.0.1:1/a", "http://127.0.0.1:1/c")))).isTrue();
        assertThat(dialogs.calls).doesNotContain("choose");
    }

    @Test
    void loadTargetsFromFileReadsTheChosenFileIntoTheList() throws Exception {
        Path file = tempDir.resolve("urls.txt");
        String text = "# from a file\n" + server.url("/a") + "\n\nbad line\n" + server.url("/b") + "\n";
        Files.writeString(file, text);
        dialogs.openAnswer = Optional.of(file);

        CompletableFuture<Void> done = fx.on(() -> vm.loadTargetsFromFile());
        done.get(10, TimeUnit.SECONDS);

        assertEquals(text, fx.on(() -> vm.targetsProperty().get()));
        assertEquals("Loaded 2 URLs from urls.txt.", status());
        assertEquals("Line 4 skipped: " + reasonFor("bad line"),
                fx.on(() -> vm.targetProblemsProperty().get()));
        assertThat(dialogs.calls).containsExactly("chooseOpenFile");
    }

    /** A list saved as UTF-16 with its byte-order mark (Windows PowerShell's > file) loads. */
    @Test
    void aListSavedAsUtf16Loads() throws Exception {
        Path file = tempDir.resolve("urls.txt");
        Files.write(file, "\uFEFFhttp://127.0.0.1:1/a\r\nhttp://127.0.0.1:1/b\r\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_16LE));
        dialogs.openAnswer = Optional.of(file);

        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        assertEquals("Loaded 2 URLs from urls.txt.", status());
        assertThat(fx.on(() -> vm.targetsProperty().get()).lines().toList())
                .containsExactly("http://127.0.0.1:1/a", "http://127.0.0.1:1/b");
    }

    /**
     * The tester's binary file: the typed list was replaced by its garbage, a red line per bad
     * line was shown under it and the status said "Loaded 0 URLs". A file that holds no URL
     * keeps the list, and one sentence says why.
     */
    @Test
    void aFileWithNoUrlKeepsTheListAndSaysWhyInOneSentence() throws Exception {
        fx.on(() -> vm.targetsProperty().set("http://127.0.0.1:1/mine"));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = (byte) 0x89; // as a PNG begins: not UTF-8
        for (int i = 100; i < binary.length; i += 100) {
            binary[i] = '\n';
        }
        Path png = tempDir.resolve("picture.png");
        Files.write(png, binary);
        dialogs.openAnswer = Optional.of(png);

        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        assertEquals("http://127.0.0.1:1/mine", fx.on(() -> vm.targetsProperty().get()));
        assertEquals("picture.png holds no URLs (it is not a text file of URLs); the list was "
                + "kept.", status());
        assertEquals("", fx.on(() -> vm.targetProblemsProperty().get()));
        assertThat(dialogs.calls).containsExactly("chooseOpenFile");

        // a text with no URL in it, and an empty file
        Path words = tempDir.resolve("words.txt");
        Files.writeString(words, "# notes\nnot a url\nnor this\n");
        dialogs.openAnswer = Optional.of(words);
        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);
        assertEquals("http://127.0.0.1:1/mine", fx.on(() -> vm.targetsProperty().get()));
        assertEquals("words.txt holds no URLs (none of its 2 lines is a web address); the list "
                + "was kept.", status());
        Path empty = tempDir.resolve("empty.txt");
        Files.writeString(empty, "\n# nothing yet\n");
        dialogs.openAnswer = Optional.of(empty);
        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);
        assertEquals("http://127.0.0.1:1/mine", fx.on(() -> vm.targetsProperty().get()));
        assertEquals("empty.txt holds no URLs; the list was kept.", status());
    }

    /**
     * A file of a few URLs among many bad lines: one line per reason, naming a few of its lines
     * and counting the others.
     */
    @Test
    void manyBadLinesAreNamedOncePerReasonAndCounted() throws Exception {
        StringBuilder text = new StringBuilder(server.url("/a") + "\n");
        for (int i = 0; i < 40; i++) {
            text.append("bad line ").append(i).append('\n');
        }
        text.append(server.url("/b")).append("\nftp://x.test/\n");
        Path file = tempDir.resolve("mixed.txt");
        Files.writeString(file, text.toString());
        dialogs.openAnswer = Optional.of(file);

        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        assertEquals(text.toString(), fx.on(() -> vm.targetsProperty().get()));
        assertEquals("Loaded 2 URLs from mixed.txt.", status());
        assertEquals(List.of("Lines 2, 3, 4 and 37 others skipped: " + reasonFor("bad line 0"),
                "Line 43 skipped: " + reasonFor("ftp://x.test/")),
                fx.on(() -> vm.targetProblemsProperty().get()).lines().toList());
        // Start names them the same way, three reasons at most
        fx.on(() -> vm.targetsProperty().set("http://\nftp://a.test/\nftp://b.test/\n" + text));
        fx.on(() -> vm.start());
        assertThat(fx.on(() -> vm.targetProblemsProperty().get()).lines().toList()).hasSize(4)
                .endsWith("and 41 more lines skipped.");
        awaitEnd();
    }

    /**
     * A crawl's 30,000 URLs or a file of them: the list keeps the first thousand and says so
     * (the list is a text box: 30,000 lines took 2-3 s per keystroke).
     */
    @Test
    void aListOfMoreThanAThousandUrlsKeepsTheFirstThousandAndSaysSo() throws Exception {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            many.add("http://127.0.0.1:1/p" + i);
        }
        fx.on(() -> vm.setTargets(many));
        assertThat(fx.on(() -> vm.targetsProperty().get()).lines().toList())
                .isEqualTo(many.subList(0, 1000));
        assertEquals("The list now holds the first 1,000 of the 30,000 URLs from the crawl (the "
                + "most it takes; ping --file on the command line takes any number); press "
                + "Start to ping them.", status());

        Path file = tempDir.resolve("many.txt");
        Files.writeString(file, "# a comment\n\n" + String.join("\n# skip\n", many) + "\n");
        dialogs.openAnswer = Optional.of(file);
        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        List<String> kept = fx.on(() -> vm.targetsProperty().get()).lines()
                .filter(l -> l.startsWith("http")).toList();
        assertThat(kept).isEqualTo(many.subList(0, 1000));
        // past 10,000 lines a file is told by its lines, not checked through for its URLs
        assertEquals("Loaded the first 1,000 URLs of the 30,000 lines in many.txt (the most it "
                + "takes; ping --file on the command line takes any number).", status());
    }

    @Test
    void cancellingTheOpenDialogChangesNothing() throws Exception {
        fx.on(() -> vm.targetsProperty().set("http://127.0.0.1:1/"));

        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        assertEquals("http://127.0.0.1:1/", fx.on(() -> vm.targetsProperty().get()));
    }

    @Test
    void unreadableFileShowsAnErrorAndKeepsTheList() throws Exception {
        fx.on(() -> vm.targetsProperty().set("http://127.0.0.1:1/"));
        dialogs.openAnswer = Optional.of(tempDir.resolve("gone.txt"));

        fx.on(() -> vm.loadTargetsFromFile()).get(10, TimeUnit.SECONDS);

        assertEquals("http://127.0.0.1:1/", fx.on(() -> vm.targetsProperty().get()));
        assertThat(dialogs.calls).containsExactly("chooseOpenFile", "showError");
    }

    // == runs ==

    @Test
    void countRunEndsWithOneFinishedRowPerUrl() throws Exception {
        server.route("/a", html("aaa"));
        server.route("/b", html("bb"));
        fx.on(() -> {
            vm.countProperty().set(7);
            vm.concurrencyProperty().set(3);
        });

        assertThat(start(server.url("/a") + "\n" + server.url("/b"))).isTrue();
        assertThat(fx.on(() -> vm.runningProperty().get())).isTrue();
        assertThat(start(server.url("/a"))).as("a second start while running").isFalse();
        awaitEnd();

        List<PingResult> rows = results();
        assertThat(rows).extracting(PingResult::url).containsExactly(server.url("/a"), server.url("/b"));
        assertThat(rows).allSatisfy(r -> {
            assertEquals(7, r.sent());
            assertEquals(7, r.ok());
            assertEquals(1.0, r.progress());
            assertThat(r.hasLatency()).isTrue();
        });
        assertEquals(21, rows.get(0).bytes());
        assertEquals(1.0, fx.on(() -> vm.progressProperty().get()));
        assertThat(status()).startsWith("Finished: 14 sent · 0 failed · ");
        assertThat(jobsCreated).hasValue(1);
        assertEquals(7, server.hits("/a"));
    }

    /** An https URL on a port serving plain http is hinted at, as the command line does. */
    @Test
    void httpsToAPlainHttpPortIsHintedAt() throws Exception {
        try (io.webprobe.testsupport.PlainHttpPort plain =
                new io.webprobe.testsupport.PlainHttpPort()) {
            fx.on(() -> vm.countProperty().set(2));

            assertThat(start(plain.httpsUrl())).isTrue();
            awaitEnd();

            assertThat(status()).endsWith(" · The secure connection (TLS) to the site could not "
                    + "be set up; check that the URL's port serves https.");
        }
    }

    @Test
    void theCertificateSettingsReachASelfSignedServerAndABadFileIsOneSentence()
            throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir, "staging",
                "ip:127.0.0.1");
        HttpsServer https = httpsServer(cert);
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/";
            fx.on(() -> vm.countProperty().set(3));

            assertThat(start(url)).isTrue();
            awaitEnd();
            assertThat(results()).singleElement().satisfies(r -> assertEquals(3, r.failed()));
            assertThat(status()).startsWith("Finished: 3 sent · 3 failed (100%) · ")
                    .endsWith(" · The "
                    + "site's certificate is not trusted (self-signed or from an unknown "
                    + "authority). Use Settings › Trust certificate to trust it, or Settings › "
                    + "Skip certificate checks to skip the check.");

            fx.on(() -> vm.certificateFileProperty().set(cert.pem().toString()));
            assertThat(start(url)).isTrue();
            awaitEnd();
            assertThat(results()).singleElement().satisfies(r -> assertEquals(3, r.ok()));
            assertThat(status()).startsWith("Finished: 3 sent · 0 failed · ")
                    .doesNotContain("certificate");

            fx.on(() -> vm.insecureProperty().set(true));
            assertThat(start(url)).isTrue();
            assertThat(status()).isEqualTo("Pinging 1 URL without checking certificates…");
            awaitEnd();
            assertThat(results()).singleElement().satisfies(r -> assertEquals(3, r.ok()));
            assertThat(plans).extracting(p -> p.tls().toString()).containsExactly(
                    "the JDK's certificate authorities",
                    "the JDK's certificate authorities and " + cert.pem(),
                    "any certificate (not checked)");

            Path missing = tempDir.resolve("missing.pem");
            fx.on(() -> {
                vm.insecureProperty().set(false);
                vm.certificateFileProperty().set(missing.toString());
            });
            assertThat(start(url)).isTrue();
            awaitEnd();
            String sentence = "Could not read the certificate file " + missing + ": no such file.";
            assertThat(status()).isEqualTo(sentence);
            assertThat(dialogs.details).contains("showError: " + sentence);
            assertThat(jobsCreated).hasValue(3);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void runningOutOfOpenFilesNamesTheConcurrencySettingNotTheCommandLineOption()
            throws Exception {
        probe = StubProbe.outOfFiles();

        assertThat(start("http://127.0.0.1:1/")).isTrue();
        awaitEnd();

        String sentence = "Webprobe ran out of open files (the limit this system sets, ulimit "
                + "-n): use fewer connections (Settings › Concurrency) or raise the limit.";
        assertThat(status()).isEqualTo("Failed: " + sentence);
        assertThat(dialogs.details).containsExactly("showError: " + sentence
                + " The figures shown are incomplete.");
    }

    @Test
    void theFinalStatusSaysWhatTheFailedRequestsWere() throws Exception {
        server.route("/gone", LocalHttpServer.status(503));
        int closed = RefusedPort.heldForTheRun();

        assertThat(start("http://127.0.0.1:" + closed + "/\n" + server.url("/gone"))).isTrue();
        awaitEnd();

        assertThat(status()).startsWith("Finished: 20 sent · 20 failed (100%) · ")
                .contains(" · failed: 10 Connection refused, 10 HTTP 503");
    }

    /**
     * The bug: a URL not requested (its host does not resolve) counted its one failure as a
     * request sent: "11 sent · 1 failed", and the req/s of 11 requests where 10 were sent.
     */
    @Test
    void aUrlNotRequestedIsSaidApartFromTheRequestsSent() throws Exception {
        server.route("/a", html("a"));

        assertThat(start(server.url("/a") + "\nhttp://no-such-host.invalid/")).isTrue();
        awaitEnd();

        assertThat(status()).startsWith("Finished: 10 sent · 0 failed · ")
                .endsWith(" · 1 URL not requested (DNS lookup failed): its row says why")
                .doesNotContain("failed: ");
        List<PingResult> rows = fx.on(() -> vm.rows().stream().map(PingRow::result).toList());
        assertThat(rows.get(1).failed()).isEqualTo(1); // its row still says why
        // the status's req/s is the one URL requested's
        assertThat(status()).contains(" · " + PingResult.rateText(
                rows.get(0).requestsPerSecond(), true) + " req/s · ");
    }

    @Test
    void aPlanThisSystemCannotOpenEnoughFilesForStartsNothingAndSaysSo() throws Exception {
        String sentence = "This system allows too few open files for 8 connections.";
        List<PingPlan> asked = new CopyOnWriteArrayList<>();
        List<Thread> askedOn = new CopyOnWriteArrayList<>();
        PingJobFactory tooFewFiles = new PingJobFactory() {
            @Override
            public PingJob create(PingPlan plan, io.webprobe.ping.PingListener listener) {
                throw new AssertionError("no job is made");
            }

            @Override
            public String problem(PingPlan plan) {
                asked.add(plan);
                askedOn.add(Thread.currentThread());
                return sentence;
            }
        };
        PingViewModel limited = new PingViewModel(tooFewFiles, fx, timer, background,
                new CsvExporter(), dialogs, "Webprobe/test", TICK);
        try {
            Thread fxThread = fx.on(Thread::currentThread);
            fx.on(() -> {
                limited.targetsProperty().set("http://127.0.0.1:1/");
                limited.concurrencyProperty().set(8);
                return limited.start();
            });

            waiting(Duration.ofSeconds(30)).until(() -> !fx.on(() ->
                    limited.runningProperty().get()));
            assertThat(fx.on(() -> limited.statusProperty().get())).isEqualTo(sentence);
            assertThat(asked).extracting(PingPlan::concurrency).containsExactly(8);
            // asking builds an https run's TLS context: never on the FX thread
            assertThat(askedOn).doesNotContain(fxThread);
        } finally {
            fx.on(() -> {
                limited.close();
                return null;
            });
        }
    }

    /** A loopback https server answering "ok" with the certificate's key. */
    private static HttpsServer httpsServer(SelfSignedCertificate cert) throws Exception {
        HttpsServer https = HttpsServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        https.createContext("/", ex -> LocalHttpServer.send(ex, 200, "text/html", "ok"));
        https.start();
        return https;
    }

    /** Starts a run, sets the certificate file before its end can be shown; the end's status. */
    private String runChangingTheCertificateFileTo(String file) throws Exception {
        fx.on(() -> {
            assertThat(vm.start()).isTrue();
            vm.certificateFileProperty().set(file);
        });
        awaitEnd();
        return status();
    }

    /** An expired certificate is named so in the Errors cell, as in the status line. */
    @Test
    void anExpiredCertificateIsSaidExpiredInItsRowToo() throws Exception {
        SelfSignedCertificate expired = SelfSignedCertificate.create(tempDir, "expired",
                "ip:127.0.0.1", "-10d");
        HttpsServer https = httpsServer(expired);
        try {
            fx.on(() -> {
                vm.countProperty().set(2);
                vm.certificateFileProperty().set(expired.pem().toString());
            });

            assertThat(start("https://127.0.0.1:" + https.getAddress().getPort() + "/"))
                    .isTrue();
            awaitEnd();

            assertThat(status()).contains("The site's certificate has expired.");
            io.webprobe.ping.PingResult row = results().get(0);
            assertThat(fx.on(() -> vm.errorsOf(row)))
                    .containsExactly("2 Expired certificate");
        } finally {
            https.stop(0);
        }
    }

    @Test
    void theCertificateAdviceFollowsTheTrustTheRunUsedNotTheSettingsChangedSince()
            throws Exception {
        SelfSignedCertificate server = SelfSignedCertificate.create(tempDir, "server",
                "ip:127.0.0.1");
        SelfSignedCertificate other = SelfSignedCertificate.create(tempDir, "other",
                "ip:127.0.0.1");
        HttpsServer https = httpsServer(server);
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/";
            fx.on(() -> {
                vm.countProperty().set(2);
                vm.targetsProperty().set(url);
            });

            // a run without a certificate file, one chosen before the run's end is shown
            assertThat(runChangingTheCertificateFileTo(other.pem().toString()))
                    .startsWith("Finished: 2 sent · 2 failed (100%) · ").endsWith(" · The site's "
                            + "certificate is not trusted (self-signed or from an unknown "
                            + "authority). Use Settings › Trust certificate to trust it, or "
                            + "Settings › Skip certificate checks to skip the check.");
            // a run with a file that does not vouch for the server, cleared meanwhile
            assertThat(runChangingTheCertificateFileTo(""))
                    .startsWith("Finished: 2 sent · 2 failed (100%) · ").endsWith(" · The site's "
                            + "certificate is not trusted: neither the usual authorities nor "
                            + "the certificate file given vouch for it. Use Settings › Skip "
                            + "certificate checks to skip the check.");
            assertThat(plans).extracting(p -> p.tls().toString()).containsExactly(
                    "the JDK's certificate authorities",
                    "the JDK's certificate authorities and " + other.pem());
        } finally {
            https.stop(0);
        }
    }

    @Test
    void theJobIsMadeOffTheFxThreadWhichStaysFreeMeanwhile() throws Exception {
        server.route("/a", html("a"));
        holdCreation = new CountDownLatch(1);

        assertThat(start(server.url("/a"))).isTrue();

        // the FX thread answers while the job is still being made
        assertThat(status()).isEqualTo("Pinging 1 URL…");
        assertThat(fx.on(() -> vm.runningProperty().get())).isTrue();
        holdCreation.countDown();
        awaitEnd();
        assertThat(status()).startsWith("Finished: 10 sent · 0 failed · ");
        assertEquals(10, server.hits("/a"));
    }

    @Test
    void stopWhileTheJobIsBeingMadeStopsItAsSoonAsItStarts() throws Exception {
        server.route("/a", html("a"));
        holdCreation = new CountDownLatch(1);
        fx.on(() -> {
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(60);
            return null;
        });
        assertThat(start(server.url("/a"))).isTrue();

        fx.on(() -> {
            vm.stop();
            return null;
        });
        holdCreation.countDown();

        awaitEnd(); // well before the 60 s
        assertThat(status()).startsWith("Stopped: ");
    }

    @Test
    void aTestClosedWhileItsJobIsBeingMadeLeavesNoThreadBehind() throws Exception {
        server.route("/a", html("a"));
        holdCreation = new CountDownLatch(1);
        assertThat(start(server.url("/a"))).isTrue();
        assertThat(making.await(30, TimeUnit.SECONDS)).isTrue(); // its request log is open

        fx.on(() -> {
            vm.close();
            return null;
        });
        holdCreation.countDown();

        waiting(RUN_WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ping-") && t.isAlive()));
        assertEquals(0, server.hits("/a"));
    }

    @Test
    void durationRunLongerThanASecondFillsTheLatencySeries() throws Exception {
        server.route("/", html("ok"));
        fx.on(() -> {
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(2);
            vm.concurrencyProperty().set(2);
        });

        assertThat(start(server.url("/"))).isTrue();
        waiting(RUN_WAIT).until(() -> !fx.on(() -> vm.series().isEmpty()));
        assertThat(fx.on(() -> vm.runningProperty().get())).as("points arrive while running").isTrue();
        awaitEnd();

        List<LatencyPoint> series = fx.on(() -> List.copyOf(vm.series()));
        assertThat(series).isNotEmpty().allSatisfy(p -> {
            assertThat(p.requests()).isPositive();
            assertThat(p.p50Millis()).isPositive().isLessThanOrEqualTo(p.p99Millis());
            assertThat(p.atSeconds()).isBetween(1.0, 3.0);
        });
        assertEquals(1.0, series.get(0).atSeconds());
        assertThat(series.stream().map(LatencyPoint::atSeconds).toList()).isSorted();
        // that the points cover the whole run: finalRowsAndSeriesMatchTheFinalStatus
        assertThat(status()).startsWith("Finished");
    }

    /**
     * When a run ends, the table and the chart show the run's final figures, the same ones as
     * the status line. The UI timer polls the job's latest snapshot every 250 ms, in step with
     * the job's own statistics timer, and a poll that read the snapshot just before the end can
     * be queued after the final one; the last of a batch wins, so the rows and the series stay
     * one tick old. Seen: "Finished: 14,049 sent" with the row at 10,148 (the 0.75 s figures);
     * and rows at 7,870 with the series at 7,867 (the last partial second missing). Each run's
     * job lasts half a second, two of the timers' 250 ms ticks (a run of 1 s has four): the
     * race is at the end, and eight runs of 1 s took 8 s.
     */
    @Test
    void finalRowsAndSeriesMatchTheFinalStatus() throws Exception {
        server.route("/", html("ok"));
        runFor = Duration.ofMillis(500);
        fx.on(() -> {
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(1);
            vm.concurrencyProperty().set(2);
        });
        for (int run = 0; run < 8; run++) {
            assertThat(start(server.url("/"))).isTrue();
            awaitEnd();
            String status = status();
            Matcher m = Pattern.compile("^Finished: ([0-9,]+) sent").matcher(status);
            assertThat(m.find()).as(status).isTrue();
            long finalSent = Long.parseLong(m.group(1).replace(",", ""));
            PingResult row = results().get(0);
            long seriesSum = fx.on(() -> vm.series().stream().mapToLong(LatencyPoint::requests).sum());
            int r = run;
            assertEquals(finalSent, row.sent(), () -> "run " + r + ": rows vs status " + status);
            assertEquals(finalSent, seriesSum, () -> "run " + r + ": series vs status " + status);
        }
    }

    /**
     * Each point stands for the interval that ended at its time, so no two points share one.
     * Seen: [1.0, 2.0, 2.0] for a 2 s run: the timer closes second 2, then the requests still
     * in flight at the end make a last point for the few milliseconds after it, rounded to 2.0.
     */
    @Test
    void seriesHasOnePointPerMomentInTime() throws Exception {
        server.route("/", html("ok"));
        fx.on(() -> {
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(2);
            vm.concurrencyProperty().set(2);
        });

        assertThat(start(server.url("/"))).isTrue();
        awaitEnd();

        assertThat(fx.on(() -> vm.series().stream().map(LatencyPoint::atSeconds).toList()))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void selectingAUrlAfterTheRunShowsItsHistogram() throws Exception {
        server.route("/fast", html("fast"));
        server.route("/spread", spreadRoute(1, 6));
        fx.on(() -> vm.countProperty().set(60));
        assertThat(start(server.url("/fast") + "\n" + server.url("/spread"))).isTrue();
        awaitEnd();
        assertEquals(server.url("/fast"), fx.on(() -> vm.selectedUrlProperty().get()));
        PingResult spread = results().get(1);

        fx.on(() -> vm.selectedUrlProperty().set(server.url("/spread")));
        waiting(Duration.ofSeconds(10)).until(() -> !fx.on(() -> vm.histogram().isEmpty()));

        List<LatencyBin> bins = fx.on(() -> List.copyOf(vm.histogram()));
        assertThat(bins).hasSize(20);
        // every response is in a bin (exactly once: see histogramCountsEachResponseOnce)
        assertThat(bins.stream().mapToLong(LatencyBin::count).sum()).isGreaterThanOrEqualTo(60);
        assertEquals(spread.minMillis(), bins.get(0).fromMillis(), 1e-9);
        assertThat(bins.get(0).fromMillis()).isGreaterThanOrEqualTo(1.0);
        for (int i = 1; i < bins.size(); i++) {
            assertEquals(bins.get(i - 1).toMillis(), bins.get(i).fromMillis(), 1e-9);
        }
        // every URL on one site: the path names it, on a line of its own (the whole URL was
        // cut in the chart's half of the window: "Latency distribution: http://127.0.0.1:1810...")
        assertEquals("Latency distribution\n/spread",
                fx.on(() -> vm.histogramTitleProperty().get()));

        fx.on(() -> vm.selectedUrlProperty().set(server.url("/fast")));
        waiting(Duration.ofSeconds(10)).until(() -> fx.on(() -> vm.histogram().stream()
                .mapToLong(LatencyBin::count).sum()) >= 60);
        assertEquals("Latency distribution\n/fast",
                fx.on(() -> vm.histogramTitleProperty().get()));
    }

    /** URLs of two sites: the title names the selected one whole, its host told apart. */
    @Test
    void theHistogramTitleNamesAUrlWholeWhenTheUrlsAreOfSeveralSites() throws Exception {
        server.route("/a", html("a"));
        fx.on(() -> vm.countProperty().set(2));
        try (RefusedPort refused = RefusedPort.onLoopback()) {
            assertThat(start(server.url("/a") + "\n" + refused.url("/b"))).isTrue();
            awaitEnd();
        }
        fx.on(() -> vm.selectedUrlProperty().set(server.url("/a")));
        assertEquals("Latency distribution\n" + server.url("/a"),
                fx.on(() -> vm.histogramTitleProperty().get()));
    }

    /**
     * The bins must add up to the URL's responses. They do not: each bin asks HdrHistogram for
     * the count between its bounds, which includes the whole sub-bucket of each bound, and
     * above 2.048 ms a sub-bucket is wider than 1 µs, so a response in the sub-bucket that
     * straddles a bin boundary is counted in both bins. Seen: 61 for 60 responses (1-6 ms).
     * From 5 to 15 ms (0.6 s at 16 connections; 20 to 60 ms took 2.5 s) the sub-buckets are 4
     * to 8 µs wide and 100 responses fall in each ms: about ten would be counted twice.
     */
    @Test
    void histogramCountsEachResponseOnce() throws Exception {
        server.route("/spread", spreadRoute(5, 15));
        fx.on(() -> {
            vm.countProperty().set(1000);
            vm.concurrencyProperty().set(16);
        });
        assertThat(start(server.url("/spread"))).isTrue();
        awaitEnd();

        fx.on(() -> vm.selectedUrlProperty().set(null));
        fx.on(() -> vm.selectedUrlProperty().set(server.url("/spread")));
        waiting(Duration.ofSeconds(10)).until(() -> !fx.on(() -> vm.histogram().isEmpty()));

        assertEquals(1000, results().get(0).sent());
        assertEquals(1000, fx.on(() -> vm.histogram().stream().mapToLong(LatencyBin::count).sum()));
    }

    /** Answers after a server-side delay cycling from {@code fromMs} to {@code toMs}. */
    private static LocalHttpServer.Route spreadRoute(int fromMs, int toMs) {
        AtomicInteger n = new AtomicInteger();
        int steps = toMs - fromMs + 1;
        return ex -> {
            long micros = 1000L * fromMs + 1000L * (toMs - fromMs) * (n.incrementAndGet() % steps) / steps
                    + n.get() % 997;
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            LocalHttpServer.send(ex, 200, "text/plain", "spread");
        };
    }

    @Test
    void stopDuringALongDurationRunEndsWithStopped() throws Exception {
        server.route("/", html("ok"));
        fx.on(() -> {
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(300);
            vm.concurrencyProperty().set(2);
        });
        assertThat(start(server.url("/"))).isTrue();
        waiting(RUN_WAIT).until(() -> server.totalRequests() > 20
                && fx.on(() -> vm.rows().get(0).result().sent()) > 0);

        fx.on(() -> vm.stop());

        waiting(Duration.ofSeconds(10)).until(() -> !fx.on(() -> vm.runningProperty().get()));
        assertThat(status()).startsWith("Stopped: ");
        assertThat(fx.on(() -> vm.progressProperty().get())).isLessThan(0.5);
        assertThat(results().get(0).sent()).isPositive();
        int hitsAfterStop = server.totalRequests();
        assertThat(plans.get(0).duration()).isEqualTo(Duration.ofMinutes(5));
        // nothing is sent any more
        waiting(Duration.ofSeconds(5)).until(() -> liveThreads("ping-stats-").isEmpty());
        assertThat(server.totalRequests()).isLessThanOrEqualTo(hitsAfterStop + 2);
    }

    @Test
    void http2AsksForKeepAliveReachesThePlanAndEachRowSaysItsProtocol() throws Exception {
        server.route("/h", html("x"));
        fx.on(() -> {
            vm.keepAliveProperty().set(false);
            vm.http2Property().set(true);
            vm.countProperty().set(2);
        });
        assertThat(fx.on(() -> vm.keepAliveProperty().get())).isTrue();

        assertThat(start(server.url("/h"))).isTrue();
        awaitEnd();

        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.http2()).isTrue();
            assertThat(p.keepAlive()).isTrue();
        });
        // an http:// URL stays on HTTP/1.1, and its row says so
        assertThat(results()).singleElement().satisfies(r -> {
            assertEquals("200×2", r.statusCountsText());
            assertEquals("HTTP/1.1", r.protocol());
        });
        fx.on(() -> vm.keepAliveProperty().set(false));
        assertThat(fx.on(() -> vm.http2Property().get())).isFalse();
    }

    /**
     * With HTTP/2, a URL typed with a stray "%" goes over HTTP/1.1 as typed (java.net.http
     * would ask for /a%25zz, another URL): its row says HTTP/1.1, the end's status says why.
     */
    @Test
    void http2SendsAUrlItCannotSendAsTypedOverHttp1AndTheEndSaysWhy() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir, "stray",
                "ip:127.0.0.1");
        try (var raw = io.webprobe.testsupport.RawServer.answeringTls(
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", cert.serverContext())) {
            fx.on(() -> {
                vm.http2Property().set(true);
                vm.countProperty().set(2);
                vm.certificateFileProperty().set(cert.pem().toString());
            });
            // the HTTP/2 probe a real run of this plan gets (this class's jobs use a plain one)
            probe = io.webprobe.ping.PingJob.probeFor(io.webprobe.ping.PingPlan.of(
                    List.of(java.net.URI.create(raw.url("/"))), "Webprobe/test").withHttp2(true)
                    .withTls(io.webprobe.http.TlsTrust.fromPemFile(cert.pem())));

            assertThat(start(raw.url("/a%zz"))).isTrue();
            awaitEnd();

            assertThat(results()).singleElement().satisfies(r -> {
                assertEquals("200×2", r.statusCountsText());
                assertEquals("HTTP/1.1", r.protocol());
            });
            assertThat(raw.requests()).isNotEmpty().allMatch(h -> h.startsWith("GET /a%zz "));
            assertThat(status()).startsWith("Finished: 2 sent · 0 failed").endsWith(" · "
                    + raw.url("/a%zz") + " is pinged over HTTP/1.1, not HTTP/2: Java's HTTP/2 "
                    + "client cannot send its path as typed (/a%zz would go as /a%25zz, "
                    + "another URL to the server)");
        }
    }

    /**
     * The tester's URL answering in 8 s, 3 requests: the status read "0 sent · … · Sending
     * done; waiting for 3 requests in flight" and the row "Sent 0". Requests in flight are
     * sent: the row, the status and what it waits for agree.
     */
    @Test
    void requestsInFlightCountAsSentInTheRowAndTheStatus() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(3);
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "slow"));
        fx.on(() -> {
            vm.countProperty().set(3);
            vm.concurrencyProperty().set(3);
        });
        try {
            assertThat(start(server.url("/slow"))).isTrue();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).as("3 requests held").isTrue();

            waiting(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status())
                    .startsWith("3 sent · 0 failed · ")
                    .endsWith(" · Sending done; waiting for 3 requests in flight (timeout 10 s)"));
            assertThat(results()).singleElement().satisfies(r -> {
                assertEquals(3, r.requestsSent());
                assertEquals(0, r.sent()); // none finished
                assertEquals(0, r.ok());
            });
        } finally {
            release.countDown();
        }
        awaitEnd();
        assertThat(status()).startsWith("Finished: 3 sent · 0 failed");
        assertThat(results()).singleElement().satisfies(r -> {
            assertEquals(3, r.requestsSent());
            assertEquals(3, r.sent());
        });
    }

    /**
     * The workers' warm-up goes to the targets before the clock (ADR 0017) and can take a few
     * seconds: every row said Sent 0 and the clock 00:00:00 with no word why. While it lasts the
     * status says so.
     */
    @Test
    void whileTheWorkersWarmUpTheStatusSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/held", LocalHttpServer.blockUntil(release, arrived, "held"));
        fx.on(() -> {
            vm.countProperty().set(2);
            vm.followRedirectsProperty().set(true); // the workers, which warm up on the targets
        });
        try {
            assertThat(start(server.url("/held"))).isTrue();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).as("the opening request").isTrue();

            waiting(Duration.ofSeconds(10)).until(() -> status().equals(
                    "Warming up the connections (not counted)…"));
        } finally {
            release.countDown();
        }
        awaitEnd();
        assertThat(status()).startsWith("Finished: 2 sent · 0 failed");
    }

    @Test
    void theFinalStatusSaysHowManyRequestsWentBeforeTheClockOnlyWhenAnyDid() {
        assertEquals("", PingStatusText.beforeClock(0));
        assertEquals(" · 1 request before the clock (warm-up, not counted)",
                PingStatusText.beforeClock(1));
        assertEquals(" · 1,828 requests before the clock (warm-up, not counted)",
                PingStatusText.beforeClock(1_828));
    }

    @Test
    void settingsReachThePlanAndTheServer() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        server.route("/echo", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Connection"));
            LocalHttpServer.send(ex, 200, "text/plain", "echo");
        });
        server.route("/old", LocalHttpServer.redirect(302, "/echo"));
        fx.on(() -> {
            vm.methodProperty().set("HEAD");
            vm.keepAliveProperty().set(false);
            vm.concurrencyProperty().set(2);
            vm.timeoutSecondsProperty().set(3.5);
            vm.followRedirectsProperty().set(true);
            vm.countProperty().set(4);
        });

        assertThat(start(server.url("/old"))).isTrue();
        awaitEnd();

        assertThat(plans).singleElement().satisfies(p -> {
            assertEquals("HEAD", p.method());
            assertThat(p.keepAlive()).isFalse();
            assertEquals(2, p.concurrency());
            assertEquals(Duration.ofMillis(3500), p.timeout());
            assertThat(p.followRedirects()).isTrue();
            assertEquals(PingMode.COUNT, p.mode());
            assertEquals(4, p.count());
            assertEquals("Webprobe/test", p.userAgent());
        });
        assertThat(seen).hasSize(4).containsOnly("HEAD close");
        PingResult r = results().get(0);
        assertEquals(4, r.ok());
        assertEquals("200×4", r.statusCountsText());
        assertEquals(4, r.redirects());
    }

    @Test
    void rateSettingsReachThePlanAndTheStatusShowsTheTarget() throws Exception {
        server.route("/", html("ok"));
        fx.on(() -> {
            vm.modeProperty().set(PingMode.RATE);
            vm.rateProperty().set(25);
            vm.durationSecondsProperty().set(1);
        });

        assertThat(start(server.url("/"))).isTrue();
        awaitEnd();

        assertThat(plans).singleElement().satisfies(p -> {
            assertEquals(PingMode.RATE, p.mode());
            assertEquals(25.0, p.rate());
            assertEquals(Duration.ofSeconds(1), p.duration());
        });
        assertEquals(25, results().get(0).sent());
        assertThat(status()).startsWith("Finished: 25 sent · 0 failed · ").contains("(target 25.0)");
    }

    // == export ==

    @Test
    void exportWritesTheSummaryAndEveryRequestBesideIt() throws Exception {
        server.route("/a", html("a"));
        server.route("/b", LocalHttpServer.status(500));
        fx.on(() -> vm.countProperty().set(6));
        assertThat(start(server.url("/a") + "\n" + server.url("/b"))).isTrue();
        awaitEnd();
        dialogs.saveAnswer = Optional.of(tempDir.resolve("results"));

        fx.on(() -> vm.exportCsv()).get(10, TimeUnit.SECONDS);

        Path summary = tempDir.resolve("results.csv");
        Path requests = tempDir.resolve("results-requests.csv");
        assertEquals(List.of("results-requests.csv", "results.csv"), tempDirListing());
        assertEquals(SUMMARY_HEADER, firstLine(summary));
        List<String[]> rows = readCsv(summary);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith(server.url("/a"), "6", "6", "0", "200:6", "");
        assertThat(rows.get(2)).startsWith(server.url("/b"), "6", "0", "6", "500:6", "");
        assertEquals(REQUESTS_HEADER, firstLine(requests));
        List<String[]> log = readCsv(requests);
        assertThat(log).hasSize(1 + 12);
        assertEquals(LongStream.range(0, 12).boxed().collect(Collectors.toSet()),
                log.subList(1, log.size()).stream().map(l -> Long.valueOf(l[0]))
                        .collect(Collectors.toSet()));
        assertEquals(6, log.stream().filter(l -> l[4].equals("500")).count());
        assertEquals("Exported 2 URLs to results.csv and every request to results-requests.csv.",
                status());
        assertThat(dialogs.calls).containsExactly("chooseSaveFile");
    }

    /**
     * The bug: Export CSV… was enabled before any run, only to say there was nothing to
     * export yet. It is disabled until a request was sent, as the Crawl tab's is.
     */
    @Test
    void exportIsOfferedOnlyOnceARequestWasSent() throws Exception {
        assertThat(fx.on(() -> vm.exportableProperty().get())).isFalse();
        server.route("/", html("ok"));
        fx.on(() -> vm.countProperty().set(2));
        start(server.url("/"));
        awaitEnd();
        assertThat(fx.on(() -> vm.exportableProperty().get())).isTrue();
    }

    @Test
    void exportBeforeAnyRunShowsInfoAndWritesNothing() throws Exception {
        dialogs.saveAnswer = Optional.of(tempDir.resolve("x.csv"));

        fx.on(() -> vm.exportCsv()).get(10, TimeUnit.SECONDS);

        assertThat(dialogs.calls).containsExactly("showInfo");
        assertThat(tempDirListing()).isEmpty();
    }

    @Test
    void exportIntoAMissingFolderShowsAnErrorAndWritesNothing() throws Exception {
        server.route("/", html("ok"));
        fx.on(() -> vm.countProperty().set(2));
        start(server.url("/"));
        awaitEnd();
        Path target = tempDir.resolve("gone").resolve("ping.csv");
        dialogs.saveAnswer = Optional.of(target);

        fx.on(() -> vm.exportCsv()).get(10, TimeUnit.SECONDS);

        assertThat(dialogs.calls).containsExactly("chooseSaveFile", "showError");
        assertThat(status()).startsWith("Could not write " + target);
        assertThat(tempDirListing()).isEmpty();
    }

    // == helpers ==

    private static String reasonFor(String line) {
        try {
            UrlSyntax.parseUserUrl(line);
            throw new AssertionError(line + " is a valid URL");
        } catch (UrlSyntax.InvalidUrlException e) {
            return e.getMessage();
        }
    }

    private static Set<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** A slow run's rate keeps its digits in the status line, as in the table ("0.0 req/s"). */
    @Test
    void aSlowRunsRateKeepsItsDigitsInTheStatusLine() {
        PingSnapshot slow = new PingSnapshot(List.of(), 2, 0, 0, 0, Duration.ofSeconds(60),
                2 / 60.0, 0.05, 1, List.of(), true, false, 0, false, null, 2 / 60.0, 0);
        assertThat(PingStatusText.statusLine(slow)).startsWith("2 sent · 0 failed · 0.0333 "
                + "req/s (target 0.05) · ");
    }
}
