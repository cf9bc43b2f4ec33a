package io.webprobe.ui;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.app.AppContext;
import io.webprobe.app.WebprobeApp;
import io.webprobe.crawl.BrokenLink;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import io.webprobe.ui.crawl.CrawlRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, built as {@link WebprobeApp#start} builds it, driven through TestFX
 * (headless Monocle by default), crawling a generated site on loopback. Only the dialogs are
 * fake, so the export needs no file chooser.
 */
class CrawlWindowTest extends MainWindowTestBase {
    private static final Duration CRAWL_WAIT = Duration.ofSeconds(30);
    private static final int PAGES = 100;

    @Start
    void start(Stage stage) {
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    // == window ==

    @Test
    void windowShowsCrawlAndPingTabsAndFileAndHelpMenus(FxRobot robot) throws Exception {
        TabPane main = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(p -> p.getTabs().stream().anyMatch(t -> "crawlTab".equals(t.getId())))
                .findFirst().orElseThrow();
        assertThat(fx(() -> main.getTabs().stream().map(Tab::getText).toList()))
                .containsExactly("Crawl", "Ping");
        // the tab headers are really rendered
        assertThat(fx(() -> robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList()))
                .contains("Crawl", "Ping");

        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(fx(() -> menus.getMenus().stream().map(Menu::getText).toList()))
                .containsExactly("File", "Help");
        assertThat(fx(() -> menus.getMenus().get(0).getItems().get(0).getText()))
                .isEqualTo("Export CSV…");

        Button start = node(robot, "#crawlStart", Button.class);
        assertThat(fx(start::isDisabled)).isFalse();
        assertThat(fx(() -> node(robot, "#crawlStop", Button.class).isDisabled())).isTrue();
        assertThat(fx(() -> node(robot, "#crawlExport", Button.class).isDisabled())).isTrue();
    }

    // == URL validation ==

    @Test
    void enteringSomethingThatIsNotAUrlShowsTheErrorAndCrawlsNothing(FxRobot robot)
            throws Exception {
        Label error = node(robot, "#crawlUrlError", Label.class);
        assertThat(fx(error::isVisible)).isFalse();

        robot.clickOn("#crawlUrl").write("not a url").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> node(robot, "#crawlUrl", TextField.class).getText()))
                .isEqualTo("not a url");
        assertThat(fx(error::isVisible)).isTrue();
        assertThat(fx(error::getText)).isNotBlank();
        assertThat(fx(() -> pagesTable(robot).getItems().size())).isZero();
        assertThat(fx(() -> node(robot, "#crawlStart", Button.class).isDisabled())).isFalse();
        assertThat(server.totalRequests()).isZero();
    }

    // == crawl ==

    @Test
    void crawlShowsRunningStateLiveRowsAndEveryPageAndBrokenLinkAtTheEnd(FxRobot robot)
            throws Exception {
        TestSite site = new TestSite(server, PAGES);
        CountDownLatch arrived = holdRedirectUntilReleased();
        Button start = node(robot, "#crawlStart", Button.class);
        Button stop = node(robot, "#crawlStop", Button.class);

        robot.clickOn("#crawlUrl").write(server.url("/"));
        robot.clickOn("#crawlStart");
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("crawl reached /old").isTrue();

        // Running: "/old" is held, so the crawl cannot end yet.
        assertThat(fx(start::isDisabled)).isTrue();
        assertThat(fx(stop::isDisabled)).isFalse();
        assertThat(fx(() -> node(robot, "#crawlPause", Button.class).isDisabled())).isFalse();
        assertThat(fx(() -> node(robot, "#crawlUrl", TextField.class).isDisabled())).isTrue();
        // every other page arrives in the table while the crawl is still running
        waiting(CRAWL_WAIT).until(() -> fx(() -> pagesTable(robot).getItems().size())
                == site.paths().size() - 1);
        assertThat(fx(start::isDisabled)).isTrue();

        release.countDown();
        waiting(CRAWL_WAIT).until(() -> !fx(start::isDisabled));

        assertThat(fx(stop::isDisabled)).isTrue();
        List<String> urls = fx(() -> pagesTable(robot).getItems().stream()
                .map(r -> r.result().url()).toList());
        assertThat(urls).doesNotHaveDuplicates();
        assertThat(Set.copyOf(urls)).isEqualTo(
                site.paths().stream().map(server::url).collect(Collectors.toSet()));

        Set<List<String>> brokenRows = fx(() -> brokenTable(robot).getItems().stream()
                .map(b -> List.of(b.sourceUrl(), b.linkUrl()))
                .collect(Collectors.toSet()));
        assertThat(brokenRows).isEqualTo(expectedBrokenRows(site));
        assertThat(fx(() -> brokenTable(robot).getItems().size())).isEqualTo(brokenRows.size());
        assertThat(fx(() -> node(robot, "#crawlStatus", StatusBar.class).getText()))
                .startsWith("Finished");
    }

    @Test
    void pauseAndStopButtonsControlARunningCrawl(FxRobot robot) throws Exception {
        new TestSite(server, PAGES);
        CountDownLatch arrived = holdRedirectUntilReleased();
        Button start = node(robot, "#crawlStart", Button.class);
        Button pause = node(robot, "#crawlPause", Button.class);
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("crawl reached /old").isTrue();

        robot.clickOn("#crawlPause");
        assertThat(fx(pause::getText)).isEqualTo("Resume");
        robot.clickOn("#crawlPause");
        assertThat(fx(pause::getText)).isEqualTo("Pause");

        robot.clickOn("#crawlStop");
        waiting(CRAWL_WAIT).until(() -> !fx(start::isDisabled));
        assertThat(fx(pause::isDisabled)).isTrue();
        assertThat(fx(() -> node(robot, "#crawlStatus", StatusBar.class).getText()))
                .startsWith("Stopped");
        assertThat(fx(() -> pagesTable(robot).getItems().stream().map(r -> r.result().url())))
                .doesNotContain(server.url("/old"));
    }

    @Test
    void exportButtonWritesBothCsvFilesWithHeaders(FxRobot robot) throws Exception {
        TestSite site = new TestSite(server, PAGES);
        release.countDown(); // nothing held in this test
        Button start = node(robot, "#crawlStart", Button.class);
        enterUrlAndStart(robot, server.url("/"));
        waiting(CRAWL_WAIT).until(() -> fx(() -> pagesTable(robot).getItems().size())
                == site.paths().size() && !fx(start::isDisabled));
        Path target = tempDir.resolve("site.csv");
        dialogs.saveAnswer = Optional.of(target);

        robot.clickOn("#crawlExport");

        Path brokenFile = tempDir.resolve("site-broken-links.csv");
        waiting(Duration.ofSeconds(10)).until(
                () -> Files.exists(target) && Files.exists(brokenFile));
        List<String[]> pages = readCsv(target);
        List<String[]> broken = readCsv(brokenFile);
        assertThat(pages.get(0)).containsExactly("url", "status", "content_type", "size_bytes",
                "response_ms", "title", "depth", "inlinks", "outlinks", "referrer", "redirect_to",
                "error", "redirect_chain", "canonical", "meta_description", "h1", "word_count",
                "meta_robots", "indexable", "outcome", "blocked_reason", "truncated", "retries");
        assertThat(pages).hasSize(1 + site.paths().size());
        assertThat(pages.subList(1, pages.size())).extracting(line -> line[0])
                .containsExactlyInAnyOrderElementsOf(
                        site.paths().stream().map(server::url).toList());
        assertThat(broken.get(0)).containsExactly("source_url", "link_url", "status", "error",
                "anchor_text", "link_type", "final_url", "redirect_chain");
        Set<List<String>> brokenRows = broken.subList(1, broken.size()).stream()
                .map(line -> List.of(line[0], line[1])).collect(Collectors.toSet());
        assertThat(broken).hasSize(1 + expectedBrokenRows(site).size());
        assertThat(brokenRows).isEqualTo(expectedBrokenRows(site));
        assertThat(dialogs.calls).containsExactly("chooseSaveFile");
        waiting(Duration.ofSeconds(10)).until(() -> fx(
                () -> node(robot, "#crawlStatus", StatusBar.class).getText()).startsWith("Exported"));
    }

    @Test
    void closingTheAppDuringACrawlStopsItWithoutAnError(FxRobot robot) throws Exception {
        new TestSite(server, PAGES);
        CountDownLatch arrived = holdRedirectUntilReleased();
        enterUrlAndStart(robot, server.url("/"));
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("crawl reached /old").isTrue();

        // what WebprobeApp.stop() does when the window closes mid-crawl
        AppContext closing = context;
        context = null;
        fx(() -> {
            closing.close();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(liveThreads("crawl-worker-")).isEmpty();
        assertThat(uncaught).isEmpty();
        assertThat(dialogs.calls).doesNotContain("showError");
    }

    // == helpers ==

    /**
     * Puts the URL in the field and presses Enter. Typing character by character costs about
     * 0.1 s a character in TestFX; two tests above type for real, the rest set the text.
     */
    private static void enterUrlAndStart(FxRobot robot, String url) {
        TextField field = node(robot, "#crawlUrl", TextField.class);
        robot.interact(() -> field.setText(url));
        robot.clickOn(field).type(KeyCode.ENTER);
    }

    private static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(prefix))
                .toList();
    }

    /** Makes "/old" (a redirect to page 3) answer only after {@link #release}. */
    private CountDownLatch holdRedirectUntilReleased() {
        CountDownLatch arrived = new CountDownLatch(1);
        LocalHttpServer.Route redirect = LocalHttpServer.redirect(301, "/page/3.html");
        server.route("/old", ex -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redirect.handle(ex);
        });
        return arrived;
    }

    private Set<List<String>> expectedBrokenRows(TestSite site) {
        return site.brokenSources().entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .map(source -> List.of(source, server.url(e.getKey()))))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static TableView<CrawlRow> pagesTable(FxRobot robot) {
        return robot.lookup("#crawlTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<BrokenLink> brokenTable(FxRobot robot) {
        return robot.lookup("#brokenTable").queryAs(TableView.class);
    }

}
