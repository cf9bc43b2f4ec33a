package io.webprobe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.app.AppContext;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Closing the main window while a crawl and a ping are both in flight, as
 * {@code WebprobeApp.stop()} does: every thread Webprobe started ends, and none that would keep
 * the JVM alive is left behind.
 */
class CleanExitTest extends MainWindowTestBase {
    private static final List<String> OUR_THREADS =
            List.of("crawl-", "ping-", "ui-batcher-", "ui-io-", "ui-state-writer-");

    /**
     * The test's own: the loopback server's pool (unnamed, "pool-N-thread-M"; Webprobe names
     * every thread it starts), Awaitility's and JUnit's timeout threads, and JavaFX's.
     */
    private static final List<String> TEST_THREADS = List.of("pool-", "awaitility-",
            "junit-", "JavaFX", "QuantumRenderer");

    private Set<Thread> before;

    @Start
    void start(Stage stage) {
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
        openApp(stage);
    }

    @Stop
    void stop() {
        closeApp();
    }

    @Test
    void closingTheWindowMidCrawlAndMidPingLeavesNoThreadBehind(FxRobot robot) throws Exception {
        new TestSite(server, 50);
        CountDownLatch crawlArrived = new CountDownLatch(1);
        CountDownLatch pingArrived = new CountDownLatch(1);
        server.route("/held-crawl", LocalHttpServer.blockUntil(release, crawlArrived, "x"));
        server.route("/held-ping", LocalHttpServer.blockUntil(release, pingArrived, "y"));

        TextField url = node(robot, "#crawlUrl", TextField.class);
        robot.interact(() -> url.setText(server.url("/held-crawl")));
        robot.clickOn(url).type(KeyCode.ENTER);
        assertThat(crawlArrived.await(10, TimeUnit.SECONDS)).as("crawl in flight").isTrue();

        robot.clickOn(robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> "Ping".equals(l.getText())).findFirst().orElseThrow());
        TextArea targets = node(robot, "#pingTargets", TextArea.class);
        robot.interact(() -> targets.setText(server.url("/held-ping")));
        robot.clickOn("#pingStart");
        assertThat(pingArrived.await(10, TimeUnit.SECONDS)).as("ping in flight").isTrue();
        assertThat(ours()).isNotEmpty();

        AppContext closing = context;
        context = null;
        fx(() -> {
            closing.close();
            return null;
        });

        waiting(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ours()).as("Webprobe threads still alive").isEmpty();
            assertThat(newNonDaemonThreads()).as("threads that would keep the JVM alive")
                    .isEmpty();
        });
        assertThat(dialogs.calls).doesNotContain("showError");
    }

    private static List<String> ours() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> OUR_THREADS.stream().anyMatch(n::startsWith))
                .sorted().toList();
    }

    private List<String> newNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t))
                .map(Thread::getName)
                .filter(n -> TEST_THREADS.stream().noneMatch(n::startsWith))
                .collect(Collectors.toList());
    }
}
