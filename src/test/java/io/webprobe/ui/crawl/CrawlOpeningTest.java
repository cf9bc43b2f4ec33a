package io.webprobe.ui.crawl;

import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.Politeness;
import io.webprobe.store.CrawlInfo;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.ui.common.UiState;
import io.webprobe.ui.crawl.actions.Rechecker;
import io.webprobe.ui.crawl.files.CrawlsFolder;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.live.LiveModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CrawlOpening} with a tab of the test's, every thread the test's own: the refusals,
 * the resume offer and the settings shown with it, and what is said about a file opened.
 */
class CrawlOpeningTest {
    private static final Executor NOW = Runnable::run;
    private static final CrawlPlan PLAN = CrawlPlan.builder(
            URI.create("http://127.0.0.1:1/"), "Webprobe/test").threads(3).build();

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final UiState memory = UiState.inMemory();
    private final LiveModel live = new LiveModel();
    private final List<CrawlStore> shown = new ArrayList<>();
    private boolean running;
    private Path shownFile;
    private CrawlInput input;
    private CrawlOpening opening;

    @BeforeEach
    void setUp() {
        input = new CrawlInput(memory, NOW, NOW);
        input.settings().threadsProperty().set(7);
        CrawlViewModel.Services s = new CrawlViewModel.Services(NOW, null, NOW, dialogs, memory,
                new CrawlsFolder(memory, dir), "Webprobe/test", Duration.ofMillis(20),
                System::nanoTime);
        opening = new CrawlOpening(new CrawlOpening.Tab() {
            @Override
            public boolean running() {
                return running;
            }

            @Override
            public Path shownFile() {
                return shownFile;
            }

            @Override
            public void show(CrawlStore store) {
                shown.add(store);
                shownFile = store.file();
                opening.withdraw();
            }

            @Override
            public io.webprobe.crawl.SiteHeaders sends(CrawlStore store) {
                return store.plan().siteHeaders();
            }
        }, input, live, new RecentCrawls(memory, dir, NOW, NOW), s);
    }

    @AfterEach
    void closeShown() {
        shown.forEach(CrawlStore::close);
    }

    /** A crawl file whose crawl never ended: its process, this test, let go of it. */
    private Path unfinishedCrawl(String name) throws Exception {
        Path file = dir.resolve(name);
        CrawlStore.create(file, PLAN).close();
        return file;
    }

    /**
     * The pace fields of the form showing the settings of a crawl file made with {@code pace}
     * and left unfinished, offered to resume (after Stop, or opened): delay, max requests/s.
     */
    private List<String> paceShownFor(String name, Politeness pace) throws Exception {
        Path file = dir.resolve(name);
        CrawlStore.create(file, PLAN.withPoliteness(pace)).close();
        done(opening.open(file));
        assertThat(input.crawlSettingsShown().get()).isTrue();
        List<String> fields = List.of(input.settings().delayMillisProperty().get(),
                input.settings().maxRequestsPerSecondProperty().get());
        opening.decline();
        shown.forEach(CrawlStore::close);
        shown.clear();
        return fields;
    }

    @Test
    void anUnfinishedCrawlShowsItsPaceAsTheUserGaveIt() throws Exception {
        // a rate limit is shown as the rate typed, not as the gap it makes in whole ms
        assertThat(paceShownFor("rps500.webprobe",
                Politeness.DEFAULT.withRate(Duration.ZERO, 500))).containsExactly("0", "500");
        assertThat(paceShownFor("rps300.webprobe",
                Politeness.DEFAULT.withRate(Duration.ZERO, 300))).containsExactly("0", "300");
        assertThat(paceShownFor("rps0.5.webprobe",
                Politeness.DEFAULT.withRate(Duration.ZERO, 0.5))).containsExactly("0", "0.5");
        // a delay longer than the rate's gap is shown beside it
        assertThat(paceShownFor("both.webprobe",
                Politeness.DEFAULT.withRate(Duration.ofMillis(1_200), 2)))
                .containsExactly("1200", "2");
        assertThat(paceShownFor("delay.webprobe",
                Politeness.DEFAULT.withDelay(Duration.ofMillis(3)))).containsExactly("3", "");
    }

    @Test
    void anUnfinishedCrawlIsShownWithAnOfferAndItsOwnSettingsKeptWhenTheOfferIsDeclined()
            throws Exception {
        Path file = unfinishedCrawl("earlier.webprobe");

        done(opening.open(file));

        assertThat(shown).extracting(CrawlStore::file).containsExactly(file.toAbsolutePath());
        assertThat(live.statusProperty().get())
                .isEqualTo("Opened earlier.webprobe (interrupted, 00:00:00).");
        assertThat(opening.offered()).isTrue();
        assertThat(opening.offerProperty().get())
                .isEqualTo("This crawl was interrupted before it finished.");
        assertThat(input.crawlSettingsShown().get()).isTrue();
        assertThat(input.settings().threadsProperty().get()).as("the crawl's own").isEqualTo(3);
        assertThat(input.url().get()).isEqualTo("http://127.0.0.1:1/");
        assertThat(dialogs.calls).isEmpty();

        opening.decline();

        assertThat(opening.offerProperty().get()).isEmpty();
        assertThat(input.crawlSettingsShown().get()).isTrue();
        assertThat(input.settings().threadsProperty().get()).as("still the crawl's")
                .isEqualTo(3);
        input.showOwnSettings(); // File › New crawl
        assertThat(input.settings().threadsProperty().get()).as("the user's").isEqualTo(7);
    }

    /**
     * The bug: declined, an interrupted crawl's offer came back after a re-check that found
     * new URLs calling the crawl "stopped". It says again what the declined offer said.
     */
    @Test
    void aRecheckAfterADeclineOffersResumeInTheWordsOfTheOfferDeclined() throws Exception {
        done(opening.open(unfinishedCrawl("earlier.webprobe")));
        CrawlStore store = shown.getFirst();
        opening.decline();

        opening.offerFound(store, new Rechecker.Found(2, 5, false));

        assertThat(opening.offerProperty().get())
                .isEqualTo("This crawl was interrupted before it finished.");
        assertThat(opening.actionProperty().get()).isEqualTo("Resume");
        assertThat(input.crawlSettingsShown().get()).isTrue();

        // one the user stopped here is still "stopped"
        opening.decline();
        opening.offerAfterStop(store, null);
        opening.decline();
        opening.offerFound(store, new Rechecker.Found(1, 5, false));
        assertThat(opening.offerProperty().get())
                .isEqualTo("This crawl was stopped before it finished.");
    }

    /**
     * A list checked is shown in List mode with its URLs, a site's crawl in Site mode with its
     * start URL, the settings of each its own; the user's mode is not changed by opening them
     * and comes back with their settings (File › New crawl).
     */
    @Test
    void aCrawlOpenedShowsItsListOrStartUrlInItsModeAndTheUsersModeComesBack()
            throws Exception {
        input.mode().set(CrawlMode.LIST); // the user's
        input.list().textProperty().set("http://127.0.0.1:1/mine");
        Path listed = dir.resolve("list.webprobe");
        CrawlPlan list = CrawlPlan.ofList(List.of(URI.create("http://127.0.0.1:1/a"),
                URI.create("http://127.0.0.1:1/b")), "Webprobe/test").toBuilder().threads(2)
                .maxPages(9).build();
        try (CrawlStore store = CrawlStore.create(listed, list)) {
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(1));
        }

        done(opening.open(listed));

        assertThat(opening.offered()).isFalse();
        assertThat(input.mode().get()).isEqualTo(CrawlMode.LIST);
        assertThat(input.list().textProperty().get())
                .isEqualTo("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/b");
        assertThat(input.crawlSettingsShown().get()).isTrue();
        assertThat(input.settings().threadsProperty().get()).isEqualTo(2);
        assertThat(input.settings().maxPagesProperty().get()).isEqualTo("9");
        assertThat(memory.getString("crawl.mode", "")).isEqualTo("LIST");

        done(opening.open(unfinishedCrawl("site.webprobe")));

        assertThat(input.mode().get()).isEqualTo(CrawlMode.SPIDER);
        assertThat(input.url().get()).isEqualTo("http://127.0.0.1:1/");
        assertThat(memory.getString("crawl.mode", "")).as("the user's").isEqualTo("LIST");

        opening.decline();
        input.showOwnSettings(); // File › New crawl
        assertThat(input.mode().get()).isEqualTo(CrawlMode.LIST);
        assertThat(input.settings().threadsProperty().get()).isEqualTo(7);
    }

    /**
     * A list check whose plan the form cannot show (a user agent it refuses) leaves the user's
     * settings shown, and with them the user's mode and list: the crawl's mode was set, and
     * remembered as the user's (their settings shown), and their list replaced by the crawl's.
     */
    @Test
    void aCrawlWhoseSettingsCannotBeShownLeavesTheUsersModeAndList() throws Exception {
        input.mode().set(CrawlMode.LIST);
        input.list().textProperty().set("http://127.0.0.1:1/mine");
        input.mode().set(CrawlMode.SPIDER); // the user's, remembered as it changes
        assertThat(memory.getString("crawl.mode", "")).isEqualTo("SPIDER");
        Path listed = dir.resolve("list.webprobe");
        CrawlPlan list = CrawlPlan.ofList(List.of(URI.create("http://127.0.0.1:1/a")),
                "Webprobe/t\u00e9st");
        try (CrawlStore store = CrawlStore.create(listed, list)) {
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(1));
        }

        done(opening.open(listed));

        assertThat(input.crawlSettingsShown().get()).isFalse();
        assertThat(input.settings().threadsProperty().get()).isEqualTo(7); // the user's
        assertThat(input.mode().get()).isEqualTo(CrawlMode.SPIDER);
        assertThat(memory.getString("crawl.mode", "")).isEqualTo("SPIDER");
        assertThat(input.list().textProperty().get()).isEqualTo("http://127.0.0.1:1/mine");
    }

    @Test
    void nothingIsOpenedWhileACrawlRuns() throws Exception {
        running = true;

        done(opening.open(unfinishedCrawl("a.webprobe")));

        assertThat(dialogs.details).containsExactly("showInfo: Stop the running crawl first.");
        assertThat(shown).isEmpty();
    }

    /** File › Open crawl… says so before its file chooser opens, not after a file is chosen. */
    @Test
    void openCrawlWhileACrawlRunsSaysSoBeforeAskingForAFile() throws Exception {
        running = true;
        dialogs.crawlAnswers.add(unfinishedCrawl("a.webprobe"));

        done(opening.open());

        assertThat(dialogs.details).containsExactly("showInfo: Stop the running crawl first.");
        assertThat(dialogs.crawlAnswers).hasSize(1); // no file was asked for
        assertThat(shown).isEmpty();
    }

    @Test
    void theFileShownIsSaidToBeShownAndNotOpenedAgain() throws Exception {
        Path file = unfinishedCrawl("a.webprobe");
        shownFile = file.toAbsolutePath();

        done(opening.open(dir.resolve("sub").resolve("..").resolve("a.webprobe")));

        assertThat(live.statusProperty().get()).isEqualTo("a.webprobe is the crawl shown.");
        assertThat(shown).isEmpty();
        assertThat(dialogs.calls).isEmpty();
    }

    @Test
    void aChosenFileIsOpenedAndACancelledChoiceOpensNothing() throws Exception {
        done(opening.open());
        assertThat(shown).isEmpty();

        dialogs.crawlAnswers.add(unfinishedCrawl("chosen.webprobe"));
        done(opening.open());
        assertThat(dialogs.calls).containsExactly("chooseCrawlFile", "chooseCrawlFile");
        assertThat(shown).hasSize(1);
    }

    /**
     * As the store reads it: a file still marked running or paused that no running Webprobe
     * holds was left by a process that died (interrupted).
     */
    private static CrawlOpening.Said said(CrawlState state, boolean readOnly, String notice) {
        boolean heldElsewhere = notice.equals(RUNS_THERE);
        boolean interrupted = (state == CrawlState.RUNNING || state == CrawlState.PAUSED)
                && !heldElsewhere;
        CrawlInfo info = new CrawlInfo(Path.of("a.webprobe"), PLAN, state, interrupted,
                Instant.EPOCH, null, Duration.ofSeconds(65), "test", readOnly, List.of(), "");
        return CrawlOpening.said(Path.of("/crawls/a.webprobe"), info, readOnly, notice);
    }

    /** The notice of a crawl another running Webprobe is crawling (opened to read). */
    private static final String RUNS_THERE = "Crawled there.";

    /**
     * A file still marked running or paused was left by a process that died, unless another
     * running Webprobe crawls it (the window opened it read-only and follows it).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RUNNING  | false | ''             | Opened a.webprobe (interrupted, 00:01:05).
            PAUSED   | false | ''             | Opened a.webprobe (interrupted, 00:01:05).
            STOPPED  | false | ''             | Opened a.webprobe (stopped, 00:01:05).
            FINISHED | false | ''             | Opened a.webprobe (finished, 00:01:05).
            STOPPED  | true  | Read-only.     | Opened a.webprobe (stopped, 00:01:05). Read-only.
            RUNNING  | true  | Crawled there. | Opened a.webprobe (running in another \
            Webprobe, 00:01:05). Crawled there.
            PAUSED   | true  | Crawled there. | Opened a.webprobe (paused in another \
            Webprobe, 00:01:05). Crawled there.
            """)
    void theLineSaysHowTheCrawlEndedAndItsTime(CrawlState state, boolean readOnly,
            String notice, String line) {
        assertThat(said(state, readOnly, notice).line()).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RUNNING  | false | This crawl was interrupted before it finished.
            PAUSED   | false | This crawl was interrupted before it finished.
            STOPPED  | false | This crawl was stopped before it finished.
            FINISHED | false | ''
            STOPPED  | true  | ''
            """)
    void onlyAnUnfinishedCrawlInAWritableFileIsOfferedForResuming(CrawlState state,
            boolean readOnly, String offer) {
        assertThat(said(state, readOnly, "").resumeOffer()).isEqualTo(offer);
    }

    /**
     * What a window looking at a crawl says when another Webprobe changed it: the notice of a
     * crawl running there is not said again on every change (it cut the line off), and a
     * crawl whose process ended while it ran (killed) says so.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            RUNNING  | false | a.webprobe was changed by another Webprobe and read again \
            (running in another Webprobe, 00:01:05).
            STOPPED  | false | a.webprobe was changed by another Webprobe and read again \
            (stopped, 00:01:05). Open there.
            RUNNING  | true  | The Webprobe crawling a.webprobe ended before its crawl did; \
            what it crawled was read again (interrupted, 00:01:05). Open there.
            """)
    void aCrawlChangedElsewhereSaysHowItStandsNow(CrawlState state, boolean interrupted,
            String line) {
        CrawlInfo info = new CrawlInfo(Path.of("a.webprobe"), PLAN, state, interrupted,
                Instant.EPOCH, null, Duration.ofSeconds(65), "test", true, List.of(), "");
        assertThat(CrawlOpening.changedLine(Path.of("/crawls/a.webprobe"), info, "Open there."))
                .isEqualTo(line);
    }

    /** An opened crawl says what its limits left out, as its end said it. */
    @Test
    void anOpenedCrawlSaysWhatWasNotCrawled() {
        CrawlInfo info = new CrawlInfo(Path.of("a.webprobe"), PLAN, CrawlState.FINISHED, false,
                Instant.EPOCH, null, Duration.ofSeconds(65), "test", false, List.of(), "");
        assertThat(CrawlOpening.said(Path.of("/crawls/a.webprobe"), info, false, "", 0,
                "14 URLs, page limit reached").line()).isEqualTo("Opened a.webprobe (finished, "
                        + "00:01:05) · not crawled: 14 URLs, page limit reached.");
    }

    /** A crawl stopped because its start URL did not answer says so when opened later. */
    @Test
    void aCrawlStoppedForASiteThatDidNotAnswerSaysWhy() {
        CrawlInfo info = new CrawlInfo(Path.of("a.webprobe"), PLAN, CrawlState.STOPPED, false,
                Instant.EPOCH, null, Duration.ZERO, "test", false, List.of(),
                "Could not fetch http://localhost/: connection refused.");

        assertThat(CrawlOpening.said(Path.of("/crawls/a.webprobe"), info, false, "")
                .resumeOffer()).isEqualTo("This crawl stopped: Could not fetch "
                        + "http://localhost/: connection refused. Resume tries again.");
    }
}
